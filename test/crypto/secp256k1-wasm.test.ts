// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// libsecp256k1's recovery as WebAssembly, the default path in Node: it equals
// @noble/curves pair for pair, and where WebAssembly is refused or wrong the
// library falls back to @noble/curves with identical signers.
import { secp256k1 } from "@noble/curves/secp256k1";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cryptoPaths, isSignatureError, parseSignature, recoverDigestSigner, selectSecp256k1Path } from "../../src/index.js";
import { bytesToHex } from "../../src/crypto/hex.js";
import { WASM_SELF_TEST } from "../../src/signature/wasm-secp256k1.js";
import { recoveryCases } from "../support/secp256k1-equivalence.js";
import { secp256k1EquivalenceTests } from "../support/secp256k1-equivalence.js";

describe("secp256k1 recovery, WebAssembly path (Node)", () => {
  secp256k1EquivalenceTests();
});

/** Signer or error problem for each case, through the public API on the current path. */
function signers(cases: ReturnType<typeof recoveryCases>): string[] {
  return cases.map(({ digest, rs, recoveryId }) => {
    try {
      return recoverDigestSigner({ digest, signature: parseSignature({ signature: new Uint8Array([...rs, 27 + recoveryId]) }) });
    } catch (error) {
      if (isSignatureError(error)) return `SignatureError ${error.problem}`;
      throw error;
    }
  });
}

describe("the WebAssembly self-test's known answer", () => {
  it("is what @noble/curves signs and derives for its digest and key (32 × 0x07)", () => {
    const digest = new Uint8Array(32).fill(0xa5);
    const key = new Uint8Array(32).fill(7);
    const signature = secp256k1.sign(digest, key);
    expect(bytesToHex(digest).slice(2)).toBe(WASM_SELF_TEST.digest);
    expect(bytesToHex(signature.toCompactRawBytes()).slice(2)).toBe(WASM_SELF_TEST.rs);
    expect(signature.recovery).toBe(WASM_SELF_TEST.recoveryId);
    expect(bytesToHex(secp256k1.getPublicKey(key, false)).slice(2)).toBe(WASM_SELF_TEST.publicKey);
  });
});

describe("the default path and its fallback", () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.resetModules();
    await selectSecp256k1Path({ path: "wasm" });
  });

  it("is WebAssembly by default, and path: js gives the same signers and refusals through recoverDigestSigner", async () => {
    expect(cryptoPaths().secp256k1).toBe("wasm");
    const cases = recoveryCases(400, 91);
    const wasm = signers(cases);
    expect(await selectSecp256k1Path({ path: "js" })).toEqual({ path: "js" });
    expect(cryptoPaths().secp256k1).toBe("js");
    expect(signers(cases)).toEqual(wasm);
    expect(await selectSecp256k1Path({ path: "wasm" })).toEqual({ path: "wasm" });
    expect(new Set(wasm.filter((s) => !s.startsWith("0x")))).toEqual(new Set(["SignatureError HIGH_S", "SignatureError NOT_RECOVERABLE", "SignatureError R_RANGE", "SignatureError S_RANGE"]));
  });

  const refusals: Record<string, unknown> = {
    "an engine without WebAssembly": undefined,
    "a Content-Security-Policy that forbids compiling": {
      ...WebAssembly,
      Module: class {
        constructor() {
          throw new WebAssembly.CompileError("WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'wasm-eval' is not an allowed source of script");
        }
      },
    },
  };
  for (const [name, stub] of Object.entries(refusals)) {
    it(`falls back to @noble/curves with identical signers on ${name}`, async () => {
      const cases = recoveryCases(200, 17);
      const expected = signers(cases);
      vi.stubGlobal("WebAssembly", stub);
      vi.resetModules();
      const fresh = await import("../../src/index.js");
      expect(fresh.cryptoPaths().secp256k1).toBe("js");
      expect(await fresh.selectSecp256k1Path({ path: "wasm" })).toEqual({ path: "js", reason: expect.stringContaining("WebAssembly is unavailable") });
      const recovered = cases.map(({ digest, rs, recoveryId }) => {
        try {
          return fresh.recoverDigestSigner({ digest, signature: fresh.parseSignature({ signature: new Uint8Array([...rs, 27 + recoveryId]) }) });
        } catch (error) {
          return fresh.isSignatureError(error) ? `SignatureError ${error.problem}` : String(error);
        }
      });
      expect(recovered).toEqual(expected);
    });
  }

  it("never uses a module that recovers a wrong key: its self-test sends it to @noble/curves", async () => {
    const real = WebAssembly.Instance;
    // WebAssembly's own properties are not enumerable: the stub names what the library uses.
    vi.stubGlobal("WebAssembly", {
      Module: WebAssembly.Module,
      Memory: WebAssembly.Memory,
      Instance: class {
        exports: WebAssembly.Exports;
        constructor(module: WebAssembly.Module, imports: WebAssembly.Imports) {
          const { exports } = new real(module, imports);
          // A recover() that answers 1 with whatever the output area holds.
          this.exports = exports.recover === undefined ? exports : { ...exports, recover: () => 1 };
        }
      },
    });
    vi.resetModules();
    const fresh = await import("../../src/index.js");
    expect(fresh.cryptoPaths()).toEqual({ keccak: "wasm", secp256k1: "js" });
    const key = new Uint8Array(32).fill(9);
    const digest = new Uint8Array(32).fill(3);
    const signature = secp256k1.sign(digest, key);
    const bytes = new Uint8Array([...signature.toCompactRawBytes(), 27 + signature.recovery]);
    expect(fresh.recoverDigestSigner({ digest, signature: fresh.parseSignature({ signature: bytes }) })).toBe(fresh.publicKeyToAddress({ publicKey: secp256k1.getPublicKey(key, false) }));
  });
});
