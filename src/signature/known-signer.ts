// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Signer lookup among known public keys, for relays that know the shop's
// keycards: checking a signature against a key with a precomputed table is
// about 3× cheaper than recovering the key, and gives the same answer.
import { invert, mod } from "@noble/curves/abstract/modular";
import { secp256k1 } from "@noble/curves/secp256k1";
import type { Address } from "viem";
import type { StrictSignature } from "./parse-signature.js";

type Point = InstanceType<typeof secp256k1.ProjectivePoint>;

/** A keycard known by its public key; `table` is filled on first use. */
export interface KnownKey {
  readonly address: Address;
  /** 65 bytes, 0x04 ‖ x ‖ y, checked to be on the curve. */
  readonly publicKey: Uint8Array;
  table?: Point | undefined;
}

/** The keycards of a set given as public keys: all of them by address, and the few checked first. */
export interface KnownKeys {
  readonly byAddress: ReadonlyMap<Address, KnownKey>;
  /** The keys that signed last, most recent first: at most {@link MAX_KNOWN_KEY_CHECKS}, the only ones with a table. */
  readonly recent: KnownKey[];
}

/**
 * Most keycards checked by public key before recovering. A hostile peer signing
 * with unknown keys then costs at most this many table checks plus one recovery,
 * whatever the size of the shop's keycard set; only these keys keep a table.
 */
export const MAX_KNOWN_KEY_CHECKS = 2;

/** Known keys in input order; the first few are checked until others sign. */
export function createKnownKeys(keys: readonly KnownKey[]): KnownKeys {
  return { byAddress: new Map(keys.map((key) => [key.address, key])), recent: keys.slice(0, MAX_KNOWN_KEY_CHECKS) };
}

const N = secp256k1.CURVE.n;
// wNAF window for a keycard's table: 2^3 × 64 points (tens of kB); wider windows were no faster here.
const WINDOW = 4;
const { BASE, ZERO } = secp256k1.ProjectivePoint;

/**
 * The address of the key among the recent signers of `known` that made `signature` over the 32-byte `digest`,
 * or undefined. Exactly the keys recovery would name: the check
 * s⁻¹(h·G + r·Q) = R requires R's x to equal r and its y parity to equal the
 * signature's recovery bit, so R is the very point recovery starts from and
 * r⁻¹(s·R − h·G) = Q.
 */
export function findKnownSigner(digest: Uint8Array, signature: StrictSignature, known: KnownKeys): Address | undefined {
  const keys = known.recent;
  if (digest.length !== 32 || keys.length === 0) return undefined;
  let h = 0n;
  for (const byte of digest) h = (h << 8n) | BigInt(byte);
  const w = invert(signature.s, N);
  const u1 = mod(mod(h, N) * w, N);
  const u2 = mod(signature.r * w, N);
  const parity = BigInt(signature.yParity);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as KnownKey;
    key.table ??= secp256k1.utils.precompute(WINDOW, secp256k1.ProjectivePoint.fromHex(key.publicKey));
    // The constant-time multiply, the only one that uses tables correctly here: before @noble/curves 1.9.7
    // multiplyUnsafe on a precomputed point (G included) gives wrong points (test/crypto/known-signer.test.ts).
    const sum = (u1 === 0n ? ZERO : BASE.multiply(u1)).add(key.table.multiply(u2));
    const point = sum.equals(ZERO) ? undefined : sum.toAffine();
    if (point !== undefined && point.x === signature.r && (point.y & 1n) === parity) {
      if (i > 0) keys.unshift(...keys.splice(i, 1));
      return key.address;
    }
  }
  return undefined;
}

/**
 * After recovery named `address`: puts its key (when the set has it) first, so
 * the same keycard's next event, as in a session's stream, is checked, not recovered.
 */
export function rememberKnownSigner(known: KnownKeys, address: Address): void {
  const key = known.byAddress.get(address);
  const { recent } = known;
  if (key === undefined || recent[0] === key) return;
  const at = recent.indexOf(key);
  if (at > 0) recent.splice(at, 1);
  recent.unshift(key);
  // A key pushed out of the checked few gives its table back: memory stays bounded for any set size.
  for (const old of recent.splice(MAX_KNOWN_KEY_CHECKS)) old.table = undefined;
}
