// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Address helpers with viem's semantics, EIP-55 on our keccak-256, so the
// package root loads no viem module at import.
import type { Address } from "viem";
import { keccak256Utf8Into } from "./keccak.js";

const hash = new Uint8Array(32);

// A shop has a handful of signers, each checksummed several times per event (nonces, roles): their forms are kept.
const recent = new Map<string, Address>();
const RECENT_ADDRESSES = 64;

/** The EIP-55 mixed-case form of a 0x-prefixed 40-digit hex address (any case; not validated here). */
export function checksumAddress(address: string): Address {
  const lower = address.slice(2).toLowerCase();
  const known = recent.get(lower);
  if (known !== undefined) return known;
  const checksummed = computeChecksum(lower);
  if (recent.size >= RECENT_ADDRESSES) recent.clear();
  recent.set(lower, checksummed);
  return checksummed;
}

function computeChecksum(lower: string): Address {
  keccak256Utf8Into(lower, hash, 0);
  let out = "0x";
  for (let i = 0; i < 40; i++) {
    const nibble = ((hash[i >> 1] as number) >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    const char = lower[i] as string;
    out += nibble >= 8 ? char.toUpperCase() : char;
  }
  return out as Address;
}

/** The zero address, as viem's `zeroAddress`. */
export const ZERO_ADDRESS: Address = "0x0000000000000000000000000000000000000000";

const ADDRESS = /^0x[a-fA-F0-9]{40}$/;

/** As viem's `isAddress`: 0x + 40 hex digits, and with `strict` (the default) all one case or a valid checksum. */
export function isAddress(address: unknown, { strict = true }: { strict?: boolean } = {}): address is Address {
  if (typeof address !== "string" || !ADDRESS.test(address)) return false;
  if (address.toLowerCase() === address) return true;
  return !strict || checksumAddress(address) === address;
}

/** As viem's `getAddress`: the checksummed form of any-case 0x + 40 hex digits; throws otherwise. */
export function getAddress(address: string): Address {
  if (!isAddress(address, { strict: false })) throw new Error(`Address "${address}" is invalid.`);
  return checksumAddress(address);
}

/** As viem's `isAddressEqual`: the same address in any case; throws on a malformed one. */
export function isAddressEqual(a: string, b: string): boolean {
  return getAddress(a) === getAddress(b);
}
