// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Public-key recovery behind one switch: libsecp256k1 as WebAssembly by default,
// @noble/curves where WebAssembly is refused (or when selected), or the native
// libsecp256k1 addon once selectSecp256k1Path has loaded and checked it.
import { secp256k1 } from "@noble/curves/secp256k1";
import type { StrictSignature } from "./parse-signature.js";
import { wasmRecoverPublicKey, wasmSecp256k1Available } from "./wasm-secp256k1.js";

/** The part of the `secp256k1` package's native binding we call. */
export interface NativeSecp256k1 {
  ecdsaRecover(signature: Uint8Array, recoveryId: number, digest: Uint8Array, compressed: boolean): Uint8Array;
}

let native: NativeSecp256k1 | undefined;
// False after selectSecp256k1Path({ path: "js" }): @noble/curves even where WebAssembly works.
let wasmAllowed = true;

/** Switches recovery to `binding` (checked by the caller), or back to the portable path with `undefined`. */
export function setNativeSecp256k1(binding: NativeSecp256k1 | undefined): void {
  native = binding;
}

/** Allows (the default) or forbids the WebAssembly path; native, when set, still comes first. */
export function setWasmSecp256k1Allowed(allowed: boolean): void {
  wasmAllowed = allowed;
}

/** The native binding in use, if any (the bench switches paths with it). */
export function currentNativeSecp256k1(): NativeSecp256k1 | undefined {
  return native;
}

/** `"native"` once a checked native binding is in use, else `"wasm"` where the module runs, else `"js"`. */
export function secp256k1Path(): "native" | "wasm" | "js" {
  if (native !== undefined) return "native";
  return wasmAllowed && wasmSecp256k1Available() ? "wasm" : "js";
}

/**
 * The 65-byte uncompressed public key that signed `digest`; throws when
 * the signature recovers to no point (the caller turns that into a SignatureError).
 */
export function recoverPublicKey(digest: Uint8Array, signature: StrictSignature): Uint8Array {
  // libsecp256k1 takes exactly 32-byte digests; other lengths keep @noble's truncation rule.
  if (digest.length === 32) {
    if (native !== undefined) return native.ecdsaRecover(signature.bytes.subarray(0, 64), signature.yParity, digest, false);
    if (wasmAllowed && wasmSecp256k1Available()) {
      const key = wasmRecoverPublicKey(digest, signature.bytes.subarray(0, 64), signature.yParity);
      if (key === undefined) throw new Error("no public key recovers from this signature and digest");
      return key;
    }
  }
  return new secp256k1.Signature(signature.r, signature.s).addRecoveryBit(signature.yParity).recoverPublicKey(digest).toRawBytes(false);
}
