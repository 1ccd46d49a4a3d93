// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Public-key recovery behind one switch: @noble/curves by default, or the
// native libsecp256k1 addon once selectSecp256k1Path has loaded and checked it.
import { secp256k1 } from "@noble/curves/secp256k1";
import type { StrictSignature } from "./parse-signature.js";

/** The part of the `secp256k1` package's native binding we call. */
export interface NativeSecp256k1 {
  ecdsaRecover(signature: Uint8Array, recoveryId: number, digest: Uint8Array, compressed: boolean): Uint8Array;
}

let native: NativeSecp256k1 | undefined;

/** Switches recovery to `binding` (checked by the caller), or back to @noble/curves with `undefined`. */
export function setNativeSecp256k1(binding: NativeSecp256k1 | undefined): void {
  native = binding;
}

/** The native binding in use, if any (the bench switches paths with it). */
export function currentNativeSecp256k1(): NativeSecp256k1 | undefined {
  return native;
}

/** `"native"` once a checked native binding is in use, else `"js"`. */
export function secp256k1Path(): "native" | "js" {
  return native === undefined ? "js" : "native";
}

/**
 * The 65-byte uncompressed public key that signed `digest`; throws when
 * the signature recovers to no point (the caller turns that into a SignatureError).
 */
export function recoverPublicKey(digest: Uint8Array, signature: StrictSignature): Uint8Array {
  // libsecp256k1 takes exactly 32-byte digests; other lengths keep @noble's truncation rule.
  if (native !== undefined && digest.length === 32) {
    return native.ecdsaRecover(signature.bytes.subarray(0, 64), signature.yParity, digest, false);
  }
  return new secp256k1.Signature(signature.r, signature.s).addRecoveryBit(signature.yParity).recoverPublicKey(digest).toRawBytes(false);
}
