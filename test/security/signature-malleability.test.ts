// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a peer takes a valid signature (r, s, v) and sends its malleable twin
// (r, n − s, v toggled), which recovers to the same signer, to make one signed
// event look like two. Only low-s signatures (s ≤ ⌊n/2⌋) are accepted; the
// boundary is tested in both directions, so an off-by-one either way fails.
import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex, type Hex, hexToBytes, numberToHex } from "viem";
import { describe, expect, it } from "vitest";
import { parseSignature, recoverEventSigner, signEvent } from "../../src/index.js";
import { thrown } from "../support/thrown.js";
import { domain, keycard, tagEvent } from "../wire-helpers/fixtures.js";

const N = secp256k1.CURVE.n;
const HALF_N = N / 2n; // ⌊n/2⌋: n is odd

const event = tagEvent();
const valid = await signEvent({ event, domain, account: keycard });
const r = BigInt(bytesToHex(hexToBytes(valid).subarray(0, 32)));
// Sync or async alike: what the call returns, or what it throws.
const settle = async (run: () => unknown): Promise<{ value?: unknown; error?: unknown }> => {
  try {
    return { value: await run() };
  } catch (error) {
    return { error };
  }
};
const recover = (signature: Hex) => settle(() => recoverEventSigner({ event, domain, signature }));
const withS = (s: bigint, v = 27): Hex => `${numberToHex(r, { size: 32 })}${numberToHex(s, { size: 32 }).slice(2)}${v.toString(16)}` as Hex;
const withR = (value: bigint): Hex => `${numberToHex(value, { size: 32 })}${valid.slice(66)}` as Hex;

// parseSignature writes the group order out (signing loads no curve library of ours):
// both range edges are pinned to @noble/curves' n, so a wrong digit fails here.
describe("the group order parseSignature checks against", () => {
  it("accepts r = n − 1 and refuses r = n", () => {
    expect(parseSignature({ signature: withR(N - 1n) }).r).toBe(N - 1n);
    expect(thrown(() => parseSignature({ signature: withR(N) }))).toMatchObject({ problem: "R_RANGE" });
  });
});

describe("low-s boundary", () => {
  it("accepts s = ⌊n/2⌋, the largest low s", async () => {
    expect(parseSignature({ signature: withS(HALF_N) }).s).toBe(HALF_N);
    // Recovery goes through: it yields some key, not a HIGH_S refusal.
    const { value, error } = await recover(withS(HALF_N));
    expect(error).toBeUndefined();
    expect(value).toMatch(/^0x[0-9a-fA-F]{40}$/);
  });

  it("refuses s = ⌊n/2⌋ + 1, the smallest high s", async () => {
    expect(thrown(() => parseSignature({ signature: withS(HALF_N + 1n) }))).toMatchObject({ code: "INVALID_SIGNATURE", problem: "HIGH_S" });
    expect((await recover(withS(HALF_N + 1n, 28))).error).toMatchObject({ problem: "HIGH_S" });
  });

  it("refuses the malleable twin of a real signature, which would recover to the same keycard", async () => {
    const s = BigInt(bytesToHex(hexToBytes(valid).subarray(32, 64)));
    const v = hexToBytes(valid)[64] as number;
    const twin = withS(N - s, 55 - v);
    // The twin is a valid ECDSA signature of the same digest by the same key…
    expect(secp256k1.Signature.fromCompact(hexToBytes(twin).subarray(0, 64)).addRecoveryBit(v === 27 ? 1 : 0).hasHighS()).toBe(true);
    // …and is refused.
    expect((await recover(twin)).error).toMatchObject({ problem: "HIGH_S" });
    expect((await recover(valid)).value).toBe(keycard.address);
  });
});
