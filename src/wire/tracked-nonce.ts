// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Checks shared by the nonce-tracker functions: a tracker is plain data, so every call validates what it reads.
import type { Address } from "viem";
import { checksumAddress, isAddress } from "../crypto/checksum-address.js";
import { FieldValueError } from "../errors/field-value-error.js";

const UINT64_MAX = (1n << 64n) - 1n;

/**
 * The key a tracker uses for a keycard address (checksummed).
 * @example trackedAddress({ address: opened.signer, path: "signer" })
 */
export function trackedAddress({ address, path }: { address: unknown; path: string }): Address {
  if (typeof address !== "string" || !isAddress(address, { strict: false })) {
    throw new FieldValueError("WRONG_TYPE", "expected a keycard address, 0x + 40 hex digits", { path });
  }
  return checksumAddress(address);
}

/**
 * A nonce as a bigint in the uint64 range of `ShopEvent.nonce`.
 * @example nonceValue({ nonce: "5", path: "nonce" }) // 5n
 */
export function nonceValue({ nonce, path }: { nonce: unknown; path: string }): bigint {
  let value: bigint | undefined;
  if (typeof nonce === "bigint") value = nonce;
  else if (typeof nonce === "string" && /^(0|[1-9][0-9]*)$/.test(nonce)) value = BigInt(nonce);
  if (value === undefined || value < 0n || value > UINT64_MAX) {
    throw new FieldValueError("OUT_OF_RANGE", "expected a nonce in 0 … 2^64-1 as a bigint or decimal string", { path });
  }
  return value;
}

/**
 * Checks that `nonces` is a {@link NonceTracker} (plain data, e.g. parsed from JSON) and returns its map.
 * @example const map = trackerNonces({ nonces });
 */
export function trackerNonces({ nonces }: { nonces: unknown }): Readonly<Record<string, string>> {
  const map = typeof nonces === "object" && nonces !== null ? (nonces as { lastNonces?: unknown }).lastNonces : undefined;
  if (typeof map !== "object" || map === null || Array.isArray(map)) {
    throw new FieldValueError("WRONG_TYPE", "expected a NonceTracker from createNonceTracker ({ lastNonces })", { path: "nonces" });
  }
  return map as Readonly<Record<string, string>>;
}

/**
 * The nonce a tracker's map holds for an address already in tracker form, or `null` (nextNonce normalises the address once).
 * @example storedNonce(trackerNonces({ nonces }), trackedAddress({ address, path: "signer" }))
 */
export function storedNonce(map: Readonly<Record<string, string>>, key: string): bigint | null {
  if (!Object.hasOwn(map, key)) return null;
  return nonceValue({ nonce: map[key], path: `nonces.lastNonces[${JSON.stringify(key)}]` });
}
