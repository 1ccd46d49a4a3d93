// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// libsecp256k1's recovery as WebAssembly in Chromium, compiled synchronously on
// the page's main thread on first use: the same equivalence checks as in Node,
// and the default path of the library.
import { describe, expect, it } from "vitest";
import { cryptoPaths } from "../../src/index.js";
import { secp256k1EquivalenceTests } from "../support/secp256k1-equivalence.js";

describe("secp256k1 recovery, WebAssembly path (Chromium)", () => {
  it("is the library's default path", () => {
    expect(cryptoPaths().secp256k1).toBe("wasm");
  });
  secp256k1EquivalenceTests();
});
