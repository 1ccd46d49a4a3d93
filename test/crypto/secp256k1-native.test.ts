// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The opt-in native secp256k1 path: it loads only the addon (never the
// package's elliptic fallback), recovers exactly what @noble/curves recovers on
// every vector and on random signatures, and says plainly when it is not in use.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { secp256k1 } from "@noble/curves/secp256k1";
import fc from "fast-check";
import { type Hex, hexToBytes } from "viem";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { cryptoPaths, isSignatureError, parseSignature, recoverDigestSigner, selectSecp256k1Path } from "../../src/index.js";
import { loadV3Vectors } from "../support/load-v3-vectors.js";

const PREBUILT = ["linux-x64", "darwin-arm64", "win32-x64"];
const prebuilt = PREBUILT.includes(`${process.platform}-${process.arch}`);
const golden = JSON.parse(readFileSync(new URL("../vectors/eip712.json", import.meta.url), "utf8")) as { cases: { digest: Hex; signature: Hex; signer: Hex }[] };
const v3 = loadV3Vectors();

/** Every (digest, signature) pair the repository has vectors for. */
const vectors = [
  ...golden.cases.map((c) => ({ digest: hexToBytes(c.digest), signature: c.signature, signer: c.signer })),
  ...v3.events.map((e) => ({ digest: hexToBytes(e.hash), signature: e.signature, signer: v3.signer.address })),
];

/** Recovery outcome on the current path: the address, or the error's problem code. */
function outcome(digest: Uint8Array, signature: Hex | Uint8Array): string {
  try {
    return recoverDigestSigner({ digest, signature: parseSignature({ signature }) });
  } catch (error) {
    if (isSignatureError(error)) return `SignatureError ${error.problem}`;
    throw error;
  }
}

afterAll(async () => {
  await selectSecp256k1Path({ path: "wasm" });
});

describe("selectSecp256k1Path", () => {
  it("is off by default: recovery runs on WebAssembly until a relay opts in", () => {
    expect(cryptoPaths().secp256k1).toBe("wasm");
  });

  it(`takes the native addon on this platform (${process.platform}-${process.arch}${prebuilt ? ", prebuilt" : ", not prebuilt"}) and reports it`, async () => {
    const selected = await selectSecp256k1Path({ path: "native" });
    if (prebuilt) {
      expect(selected).toEqual({ path: "native" });
      expect(cryptoPaths().secp256k1).toBe("native");
    } else {
      expect(selected.path).toBe("wasm");
      expect(cryptoPaths().secp256k1).toBe("wasm");
    }
    // Whatever happened, the pure-JS elliptic fallback of the package was never loaded.
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.filter((path) => path.includes("/node_modules/elliptic/"))).toEqual([]);
    if (prebuilt) expect(loaded.some((path) => /\/node_modules\/secp256k1\/prebuilds\/.+\.node$/.test(path))).toBe(true);
  });

  it("switches back to @noble/curves with path: js", async () => {
    await selectSecp256k1Path({ path: "native" });
    expect(await selectSecp256k1Path({ path: "js" })).toEqual({ path: "js" });
    expect(cryptoPaths().secp256k1).toBe("js");
  });

  it("refuses a path it does not know with a FieldValueError", async () => {
    await expect(selectSecp256k1Path({ path: "elliptic" as "js" })).rejects.toMatchObject({ code: "WRONG_TYPE", path: "path" });
  });
});

describe.runIf(prebuilt)("native recovery equals @noble/curves", () => {
  afterEach(async () => {
    await selectSecp256k1Path({ path: "wasm" });
  });

  async function onBothPaths<T>(run: () => T): Promise<{ js: T; native: T }> {
    await selectSecp256k1Path({ path: "js" });
    const js = run();
    expect(await selectSecp256k1Path({ path: "native" })).toEqual({ path: "native" });
    return { js, native: run() };
  }

  it(`on all ${vectors.length} signature vectors (EIP-712 golden and upstream v3)`, async () => {
    const { js, native } = await onBothPaths(() => vectors.map((v) => outcome(v.digest, v.signature)));
    expect(native).toEqual(js);
    expect(js).toEqual(vectors.map((v) => v.signer));
  });

  it("on random signatures, including ones that recover to no point", async () => {
    const n = secp256k1.CURVE.n;
    const scalar = (max: bigint) => fc.bigInt({ min: 1n, max });
    const cases = fc.sample(fc.tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), scalar(n - 1n), scalar(n >> 1n), fc.constantFrom(27, 28)), { numRuns: 400, seed: 256 });
    const signatures = cases.map(([digest, r, s, v]) => {
      const bytes = new Uint8Array(65);
      bytes.set(hexToBytes(`0x${r.toString(16).padStart(64, "0")}`), 0);
      bytes.set(hexToBytes(`0x${s.toString(16).padStart(64, "0")}`), 32);
      bytes[64] = v;
      return { digest, bytes };
    });
    const { js, native } = await onBothPaths(() => signatures.map(({ digest, bytes }) => outcome(digest, bytes)));
    expect(native).toEqual(js);
    // Both branches were exercised: some recover, some do not.
    expect(js.filter((o) => o.startsWith("0x")).length).toBeGreaterThan(50);
    expect(js.filter((o) => o === "SignatureError NOT_RECOVERABLE").length).toBeGreaterThan(50);
  });

  it("on digests that are not 32 bytes (kept on @noble's rules)", async () => {
    const key = new Uint8Array(32).fill(3);
    const long = new Uint8Array(48).fill(9);
    const signature = secp256k1.sign(long, key, { prehash: false });
    const bytes = new Uint8Array([...signature.toCompactRawBytes(), 27 + signature.recovery]);
    const { js, native } = await onBothPaths(() => [outcome(long, bytes), outcome(new Uint8Array(0), bytes)]);
    expect(native).toEqual(js);
  });
});

describe("when the native addon cannot load", () => {
  afterEach(() => {
    vi.doUnmock("secp256k1/bindings.js");
    vi.resetModules();
  });

  it("stays on @noble/curves and says why", async () => {
    vi.resetModules();
    vi.doMock("secp256k1/bindings.js", () => {
      throw new Error("No native build was found for platform=freebsd arch=riscv64");
    });
    const fresh = await import("../../src/index.js");
    const selected = await fresh.selectSecp256k1Path({ path: "native" });
    expect(selected.path).toBe("wasm");
    expect(selected).toHaveProperty("reason", expect.stringContaining("did not load"));
    expect(fresh.cryptoPaths().secp256k1).toBe("wasm");
  });

  it("refuses an addon that recovers a different key", async () => {
    vi.resetModules();
    vi.doMock("secp256k1/bindings.js", () => ({ default: { ecdsaRecover: () => new Uint8Array(65).fill(4) } }));
    const fresh = await import("../../src/index.js");
    const selected = await fresh.selectSecp256k1Path({ path: "native" });
    expect(selected).toEqual({ path: "wasm", reason: "the native secp256k1 addon recovered a different public key than @noble/curves" });
    expect(fresh.cryptoPaths().secp256k1).toBe("wasm");
  });
});
