// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What importing the package root compiles: the keccak module (1.7 kB, every
// path hashes), not the secp256k1 module (71 kB, only verifying paths
// recover), which is compiled at the first recovery and then kept.
import { secp256k1 } from "@noble/curves/secp256k1";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("WebAssembly compiled by the package root", () => {
  it("compiles only keccak at import; secp256k1 at the first recovery, once", async () => {
    const compiled: number[] = [];
    const Real = WebAssembly.Module;
    // WebAssembly's own properties are not enumerable: the stub names what the library uses.
    vi.stubGlobal("WebAssembly", {
      Module: class extends Real {
        constructor(bytes: BufferSource) {
          super(bytes);
          compiled.push(bytes.byteLength);
        }
      },
      Memory: WebAssembly.Memory,
      Instance: WebAssembly.Instance,
    });
    vi.resetModules();
    const fresh = await import("../../src/index.js");
    expect(compiled).toHaveLength(1);
    expect(compiled[0]).toBeLessThan(4096);

    const key = new Uint8Array(32).fill(9);
    const sign = (fill: number) => {
      const signature = secp256k1.sign(new Uint8Array(32).fill(fill), key);
      return fresh.parseSignature({ signature: new Uint8Array([...signature.toCompactRawBytes(), 27 + signature.recovery]) });
    };
    const address = fresh.publicKeyToAddress({ publicKey: secp256k1.getPublicKey(key, false) });
    expect(fresh.recoverDigestSigner({ digest: new Uint8Array(32).fill(3), signature: sign(3) })).toBe(address);
    expect(fresh.recoverDigestSigner({ digest: new Uint8Array(32).fill(4), signature: sign(4) })).toBe(address);
    expect(compiled).toHaveLength(2);
    expect(compiled[1]).toBeGreaterThan(60_000);
    expect(fresh.cryptoPaths()).toEqual({ keccak: "wasm", secp256k1: "wasm" });
  });
});
