// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import { hexToBytes, isHex } from "../crypto/hex.js";
import { SignatureError } from "../errors/signature-error.js";
import { objectParameter } from "../errors/object-parameter.js";

/** A signature that passed every strict check, with `v` normalised to 27/28 on a copy. */
export interface StrictSignature {
  readonly r: bigint;
  readonly s: bigint;
  readonly yParity: 0 | 1;
  /** 65 bytes r ‖ s ‖ v with v 27/28; never the caller's buffer. */
  readonly bytes: Uint8Array;
}

// The secp256k1 group order, written out so signing never loads a curve library of its own;
// test/security/signature-malleability.test.ts pins both bounds with @noble/curves' value.
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = N >> 1n;

/**
 * Parses a 65-byte r ‖ s ‖ v signature and refuses anything non-canonical:
 * wrong length, v not 27/28 (0/1 accepted), r or s zero or ≥ n, or s in the
 * upper half of the curve order (the malleable twin of a valid signature).
 * The input is never modified.
 *
 * @example parseSignature({ signature: "0x…" }).yParity
 */
export function parseSignature(parameters: { signature: Hex | Uint8Array }): StrictSignature {
  const { signature } = objectParameter(parameters);
  const input = toBytes(signature);
  if (input.length !== 65) {
    throw new SignatureError({ problem: "LENGTH", expected: `expected 65 bytes (r ‖ s ‖ v), got ${input.length}` });
  }
  const bytes = input.slice();
  const v = bytes[64] as number;
  if (v !== 0 && v !== 1 && v !== 27 && v !== 28) {
    throw new SignatureError({ problem: "V", expected: `expected v to be 27 or 28 (or 0/1), got ${v}` });
  }
  const yParity = (v >= 27 ? v - 27 : v) as 0 | 1;
  bytes[64] = 27 + yParity;
  const r = wordAt(bytes, 0);
  const s = wordAt(bytes, 32);
  if (r === 0n || r >= N) throw new SignatureError({ problem: "R_RANGE", expected: "expected r in [1, n-1]" });
  if (s === 0n || s >= N) throw new SignatureError({ problem: "S_RANGE", expected: "expected s in [1, n-1]" });
  if (s > HALF_N) throw new SignatureError({ problem: "HIGH_S", expected: "expected s ≤ n/2 (low-s form); high-s signatures are malleable and refused" });
  return { r, s, yParity, bytes };
}

function toBytes(signature: unknown): Uint8Array {
  if (signature instanceof Uint8Array) return signature;
  if (typeof signature === "string" && isHex(signature, { strict: true }) && signature.length % 2 === 0) return hexToBytes(signature as Hex);
  throw new SignatureError({ problem: "ENCODING", expected: "expected a 0x-prefixed hex string of even length or a Uint8Array" });
}

// Four 64-bit reads: seven BigInt operations a word instead of 64.
function wordAt(bytes: Uint8Array, offset: number): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 32);
  return (view.getBigUint64(0) << 192n) | (view.getBigUint64(8) << 128n) | (view.getBigUint64(16) << 64n) | view.getBigUint64(24);
}
