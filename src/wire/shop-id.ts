// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import { hexToBytes, isHex } from "../crypto/hex.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";

/** A shop id (token id in the shop registry): a uint256 as bigint, or its 32 bytes big-endian as bytes or hex. */
export type ShopIdInput = bigint | Uint8Array | Hex;

const MAX_UINT256 = (1n << 256n) - 1n;

/**
 * The 32 big-endian bytes of a shop id, as carried in `Uint256.raw`; a copy, never the caller's buffer.
 *
 * @throws FieldValueError (WRONG_TYPE, WRONG_LENGTH, OUT_OF_RANGE)
 * @example shopIdBytes({ shopId: 23n }) // Uint8Array(32) [0, …, 23]
 */
export function shopIdBytes(parameters: { shopId: ShopIdInput; path?: string }): Uint8Array {
  const { shopId, path = "shopId" } = objectParameter(parameters) as { shopId: unknown; path?: string };
  if (typeof shopId === "bigint") {
    if (shopId < 0n || shopId > MAX_UINT256) throw new FieldValueError("OUT_OF_RANGE", `expected a shop id in [0, 2^256 - 1], got ${shopId}`, { path });
    const out = new Uint8Array(32);
    let rest = shopId;
    for (let k = 31; k >= 0; k--, rest >>= 8n) out[k] = Number(rest & 0xffn);
    return out;
  }
  const bytes = typeof shopId === "string" && isHex(shopId, { strict: true }) ? hexToBytes(shopId as Hex) : shopId;
  if (!(bytes instanceof Uint8Array)) {
    throw new FieldValueError("WRONG_TYPE", "expected a shop id as bigint, 32 bytes or 0x + 64 hex digits", { path });
  }
  if (bytes.length !== 32) throw new FieldValueError("WRONG_LENGTH", `expected 32 bytes (uint256 big-endian), got ${bytes.length}`, { path });
  return bytes.slice();
}
