// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Hex and byte helpers with viem's semantics, so the package root loads no viem
// module at import (importing `viem/utils` alone loads about 300 modules).
import type { Hex } from "viem";

const DIGITS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Lower-case 0x-hex of `bytes`, as viem's `bytesToHex`. */
export function bytesToHex(bytes: Uint8Array): Hex {
  let out = "0x";
  for (let i = 0; i < bytes.length; i++) out += DIGITS[bytes[i] as number];
  return out as Hex;
}

/** The bytes of 0x-hex (an odd digit count is padded on the left, as viem does); throws on a non-hex digit. */
export function hexToBytes(hex: string): Uint8Array {
  let digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.slice(2) : hex;
  if (digits.length % 2 === 1) digits = `0${digits}`;
  if (!/^[0-9a-fA-F]*$/.test(digits)) throw new Error(`invalid hex: "${hex.slice(0, 80)}"`);
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** True for a 0x-prefixed string of hex digits (`strict`, the default) or any 0x-prefixed string, as viem's `isHex`. */
export function isHex(value: unknown, { strict = true }: { strict?: boolean } = {}): value is Hex {
  if (typeof value !== "string" || value === "") return false;
  return strict ? /^0x[0-9a-fA-F]*$/.test(value) : value.startsWith("0x");
}

/** The unsigned big-endian integer of `bytes`, as viem's `bytesToBigInt`. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(bytesToHex(bytes));
}
