// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import type { Hex } from "viem";
import { hexToBytes, isHex } from "../crypto/hex.js";
import { type PublicKey, PublicKeySchema } from "../../gen/market/mass/base_types_pb.js";
import { objectParameter } from "../errors/object-parameter.js";
import { pathOption } from "./path-option.js";
import { PublicKeyError } from "../errors/public-key-error.js";
import { uncompressedPublicKey } from "../wire/keycards.js";

/** Where a keycard public key comes from: a secp256k1 key (65, 64 or 33 bytes, hex or bytes), or a viem account carrying one. */
export type KeycardPublicKeyParameters =
  | { readonly publicKey: Hex | Uint8Array; readonly path?: string }
  | { readonly account: { readonly publicKey: Hex }; readonly path?: string };

/**
 * The 64-byte `PublicKey` (x ‖ y, no 0x04 prefix) that `Account.KeyCardEnroll.keycard_pubkey` carries,
 * from viem's 65-byte `account.publicKey`, a 33-byte compressed key or a 64-byte one; the point is
 * checked to be on secp256k1. Use it instead of `hexToBytes(account.publicKey)`, which is 65 bytes.
 *
 * @throws PublicKeyError (INVALID_PUBLIC_KEY)
 * @example
 * const keycardPubkey = keycardPublicKey({ account }); // raw.length === 64
 */
export function keycardPublicKey(parameters: KeycardPublicKeyParameters): PublicKey {
  const { path: pathGiven, ...source } = objectParameter(parameters);
  const path = pathOption(pathGiven, "publicKey");
  const given: unknown = "account" in source ? (source.account as { publicKey?: unknown } | undefined)?.publicKey : (source as { publicKey?: unknown }).publicKey;
  const where = "account" in source ? `${path === "publicKey" ? "account" : path}.publicKey` : path;
  const bytes = typeof given === "string" && isHex(given, { strict: true }) && given.length % 2 === 0 ? hexToBytes(given as Hex) : given;
  if (!(bytes instanceof Uint8Array)) throw new PublicKeyError({ path: where, expected: "expected a secp256k1 public key as 0x-hex or a Uint8Array" });
  // uncompressedPublicKey checks length and curve membership; drop its 0x04 prefix.
  return create(PublicKeySchema, { raw: uncompressedPublicKey({ publicKey: bytes, path: where }).slice(1) });
}
