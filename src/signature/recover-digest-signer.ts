// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import { checksumAddress } from "../crypto/checksum-address.js";
import { keccak256 } from "../crypto/keccak.js";
import { PublicKeyError } from "../errors/public-key-error.js";
import { SignatureError } from "../errors/signature-error.js";
import type { StrictSignature } from "./parse-signature.js";
import { recoverPublicKey } from "./secp256k1-recovery.js";
import { objectParameter } from "../errors/object-parameter.js";

/**
 * Recovers the address that signed a 32-byte digest with a strictly parsed signature.
 * @example recoverDigestSigner({ digest, signature: parseSignature({ signature }) })
 */
export function recoverDigestSigner(parameters: { digest: Uint8Array; signature: StrictSignature }): Address {
  const { digest, signature } = objectParameter(parameters);
  return publicKeyToAddress({ publicKey: recoverSignerKey(digest, signature) });
}

/** The 65-byte public key that signed `digest`, or a SignatureError (NOT_RECOVERABLE). */
export function recoverSignerKey(digest: Uint8Array, signature: StrictSignature): Uint8Array {
  try {
    return recoverPublicKey(digest, signature);
  } catch (cause) {
    throw new SignatureError({ problem: "NOT_RECOVERABLE", expected: "expected a signature that recovers to a public key", cause });
  }
}

/**
 * Checksummed address of an uncompressed (65-byte, 0x04-prefixed) secp256k1 public key.
 * @example publicKeyToAddress({ publicKey: secp256k1.getPublicKey(secp256k1.utils.randomPrivateKey(), false) }) // "0x…"
 */
export function publicKeyToAddress(parameters: { publicKey: Uint8Array }): Address {
  const { publicKey } = objectParameter(parameters);
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 65 || publicKey[0] !== 0x04) {
    throw new PublicKeyError({ path: "publicKey", expected: "expected an uncompressed secp256k1 public key: 65 bytes starting with 0x04" });
  }
  return checksumAddress(bytesToHex(keccak256(publicKey.subarray(1)).subarray(12)));
}
