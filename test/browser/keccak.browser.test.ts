// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Our WebAssembly keccak-256 in Chromium, compiled synchronously on the page's
// main thread: the same equivalence checks as in Node.
import { describe } from "vitest";
import { keccakEquivalenceTests } from "../support/keccak-equivalence.js";

describe("keccak-256, WebAssembly path (Chromium)", () => {
  keccakEquivalenceTests("wasm");
});
