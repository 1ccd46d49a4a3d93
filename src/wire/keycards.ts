// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { pathParameter } from "../errors/path-parameter.js";
import { secp256k1 } from "@noble/curves/secp256k1";
import type { Address, Hex } from "viem";
import { bytesToHex, hexToBytes, isHex } from "../crypto/hex.js";
import { checksumAddress, isAddress } from "../crypto/checksum-address.js";
import { EthereumAddressSchema } from "../../gen/market/mass/base_types_pb.js";
import { PublicKeyError } from "../errors/public-key-error.js";
import type { KnownKey } from "../signature/known-signer.js";
import { withExpectedKey } from "./keycard-keys.js";
import { publicKeyToAddress } from "../signature/recover-digest-signer.js";
import { objectParameter } from "../errors/object-parameter.js";

/**
 * A keycard as an address (0x + 40 hex digits, 20 bytes, or an
 * EthereumAddress message) or a secp256k1 public key: 64 bytes uncompressed
 * (x ‖ y, as in v3 `PublicKey.raw`), 65 bytes with the 0x04 prefix, or 33
 * bytes compressed; as hex, bytes, or a `{ raw }` message. A PublicKey message
 * (or any `{ raw }` other than EthereumAddress) must hold a public key: an
 * enrollment carrying 20 bytes would otherwise enroll any address without a curve point.
 */
export type KeycardInput = Address | Hex | Uint8Array | { readonly raw: Uint8Array };

const BRAND = Symbol.for("@massmarket/network-schema/keycard-set");

/** A normalised set of keycard addresses; build it once with {@link createKeycardSet} and reuse it. */
export interface KeycardSet {
  /** Checksummed addresses, in input order without duplicates. */
  readonly addresses: readonly Address[];
  /** True when `address` (any case) is in the set. */
  has(address: string): boolean;
}

/**
 * Normalises keycards (addresses or public keys, see {@link KeycardInput}) into a set of addresses.
 * The first one given as a public key is the one `openSignedEvent` checks a
 * signature against before recovering: put the keycard expected to sign first.
 *
 * @throws PublicKeyError naming `keycards[i]`
 * @example
 * const allowed = createKeycardSet({ keycards: [account.publicKey, "0xb8b8b8b8b8b8b8b8b8b8b8b8b8b8b8b8b8b8a37d"] });
 * allowed.has(signer) // true
 */
export function createKeycardSet(parameters: { keycards: readonly KeycardInput[] }): KeycardSet {
  const { keycards } = objectParameter(parameters);
  if (!Array.isArray(keycards)) throw new PublicKeyError({ path: "keycards", expected: "expected an array of addresses or public keys" });
  const lower = new Set<string>();
  const addresses: Address[] = [];
  let expected: KnownKey | undefined;
  keycards.forEach((keycard, i) => {
    const { address, publicKey } = keycardKey(keycard, `keycards[${i}]`);
    if (!lower.has(address.toLowerCase())) addresses.push(address);
    // The first public key lets openSignedEvent check a signature against it instead of recovering.
    if (publicKey !== undefined && expected === undefined) expected = { address, publicKey };
    lower.add(address.toLowerCase());
  });
  // The brand lets isKeycardSet work across duplicate copies of the package.
  return Object.freeze(
    withExpectedKey(
      {
        [BRAND]: true,
        addresses: Object.freeze(addresses),
        has: (address: string) => typeof address === "string" && lower.has(address.toLowerCase()),
      },
      expected,
    ),
  );
}

/** @example isKeycardSet(keycards) // true */
export function isKeycardSet(value: unknown): value is KeycardSet {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * The checksummed address of one keycard given as an address or public key.
 *
 * @throws PublicKeyError
 * @example keycardAddress({ keycard: account.publicKey }) === account.address
 */
export function keycardAddress(parameters: { keycard: KeycardInput; path?: string }): Address {
  const { keycard, path: given } = objectParameter(parameters);
  const path = pathParameter({ path: given, fallback: "keycard" });
  return keycardKey(keycard, path).address;
}

function keycardKey(keycard: unknown, path: string): { address: Address; publicKey?: Uint8Array } {
  if (typeof keycard === "string" && keycard.length === 42 && isHex(keycard, { strict: true })) {
    if (!isAddress(keycard)) throw new PublicKeyError({ path, expected: "expected an address with a valid checksum (or all one case)" });
    return { address: checksumAddress(keycard) };
  }
  const bytes = keycardBytes(keycard, path);
  const isMessage = !(keycard instanceof Uint8Array) && typeof keycard === "object";
  const addressMessage = isMessage && (keycard as { $typeName?: unknown }).$typeName === EthereumAddressSchema.typeName;
  if (addressMessage && bytes.length !== 20) throw new PublicKeyError({ path, expected: `expected an EthereumAddress of 20 bytes, got ${bytes.length}` });
  if (bytes.length === 20 && (addressMessage || !isMessage)) return { address: checksumAddress(bytesToHex(bytes)) };
  if (bytes.length === 20) {
    throw new PublicKeyError({ path: `${path}.raw`, expected: "expected a public key (64, 65 or 33 bytes) in a public-key message, got a 20-byte address" });
  }
  const publicKey = uncompressedPublicKey({ publicKey: bytes, path });
  return { address: publicKeyToAddress({ publicKey }), publicKey };
}

/**
 * The 65-byte 0x04-prefixed form of a 64-, 65- or 33-byte secp256k1 public key, checked to be on the curve.
 *
 * @throws PublicKeyError
 * @example uncompressedPublicKey({ publicKey: hexToBytes(account.publicKey) }).length // 65
 */
export function uncompressedPublicKey(parameters: { publicKey: Uint8Array; path?: string }): Uint8Array {
  const { publicKey, path: given } = objectParameter(parameters);
  const path = pathParameter({ path: given, fallback: "publicKey" });
  if (!(publicKey instanceof Uint8Array)) throw new PublicKeyError({ path, expected: "expected the public key as a Uint8Array" });
  let encoded: Uint8Array;
  if (publicKey.length === 64) {
    encoded = new Uint8Array(65);
    encoded[0] = 0x04;
    encoded.set(publicKey, 1);
  } else if ((publicKey.length === 65 && publicKey[0] === 0x04) || (publicKey.length === 33 && (publicKey[0] === 0x02 || publicKey[0] === 0x03))) {
    encoded = publicKey;
  } else {
    throw new PublicKeyError({
      path,
      expected: `expected a 20-byte address or a secp256k1 public key of 64 bytes (x ‖ y), 65 bytes (0x04 ‖ x ‖ y) or 33 bytes (0x02/0x03 ‖ x), got ${publicKey.length} bytes`,
    });
  }
  try {
    return secp256k1.ProjectivePoint.fromHex(encoded).toRawBytes(false);
  } catch (cause) {
    throw new PublicKeyError({ path, expected: "expected a point on the secp256k1 curve", cause });
  }
}

function keycardBytes(keycard: unknown, path: string): Uint8Array {
  if (keycard instanceof Uint8Array) return keycard;
  if (typeof keycard === "string" && isHex(keycard, { strict: true }) && keycard.length % 2 === 0) return hexToBytes(keycard as Hex);
  if (typeof keycard === "object" && keycard !== null && (keycard as { raw?: unknown }).raw instanceof Uint8Array) {
    return (keycard as { raw: Uint8Array }).raw;
  }
  throw new PublicKeyError({ path, expected: "expected an address or public key as 0x-hex, a Uint8Array or a { raw } message" });
}
