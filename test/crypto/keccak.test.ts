// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Our WebAssembly keccak-256 in Node: equal to @noble/hashes (shared checks),
// small enough to compile synchronously, and replaced by @noble/hashes with
// identical results when WebAssembly is refused, as under a CSP without 'wasm-unsafe-eval'.
import { keccak_256 } from "@noble/hashes/sha3";
import { hashTypedData } from "viem";
import { afterEach, describe, expect, it, vi } from "vitest";
import { domain, fixtures } from "../../bench/fixtures.js";
import { KECCAK_WASM_HEX } from "../../src/crypto/keccak-wasm.js";
import { keccakEquivalenceTests, KNOWN_ANSWERS, seededBytes } from "../support/keccak-equivalence.js";

describe("keccak-256, WebAssembly path (Node)", () => {
  keccakEquivalenceTests("wasm");

  it("is a module under 4 kB, which browsers compile synchronously on the main thread", () => {
    expect(Buffer.from(KECCAK_WASM_HEX, "hex").length).toBeLessThan(4096);
  });
});

describe("keccak-256 where WebAssembly is refused", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  const refusals: Record<string, unknown> = {
    // What Chromium throws under a Content-Security-Policy without 'wasm-unsafe-eval'.
    "a CSP refusal": {
      ...WebAssembly,
      Module: class {
        constructor() {
          throw new WebAssembly.CompileError("WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script");
        }
      },
    },
    "no WebAssembly at all": undefined,
    // An engine that runs the module wrongly must not be trusted either.
    "an engine that computes wrong answers": {
      ...WebAssembly,
      Instance: class {
        exports = { memory: new WebAssembly.Memory({ initial: 1 }), sponge: () => undefined };
      },
    },
  };

  for (const [name, stub] of Object.entries(refusals)) {
    it(`falls back to @noble/hashes with identical results on ${name}`, async () => {
      vi.stubGlobal("WebAssembly", stub);
      vi.resetModules();
      const fresh = await import("../../src/crypto/keccak.js");
      const paths = await import("../../src/crypto/crypto-paths.js");
      expect(fresh.keccakPath()).toBe("js");
      expect(paths.cryptoPaths().keccak).toBe("js");
      const random = seededBytes(99);
      for (let length = 0; length <= 300; length += 7) {
        const input = random(length);
        expect(fresh.keccak256(input)).toEqual(keccak_256(input));
      }
      for (const { input, digest } of KNOWN_ANSWERS) {
        const target = new Uint8Array(32);
        fresh.keccak256Utf8Into(input, target, 0);
        expect(Buffer.from(target).toString("hex")).toBe(digest);
      }
      // The whole EIP-712 path on the fallback, scratch space included.
      const library = await import("../../src/index.js");
      expect(library.cryptoPaths().keccak).toBe("js");
      for (const { event } of fixtures) {
        expect(library.hashEvent({ event, domain })).toBe(hashTypedData(library.eventTypedData({ event, domain }) as Parameters<typeof hashTypedData>[0]));
      }
    });
  }
});
