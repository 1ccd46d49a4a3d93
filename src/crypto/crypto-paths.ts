// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { secp256k1Path } from "../signature/secp256k1-recovery.js";
import { keccakPath } from "./keccak.js";

/** Which implementation each primitive runs on right now. */
export interface CryptoPaths {
  /** `"wasm"`: our WebAssembly keccak-256; `"js"`: @noble/hashes (no WebAssembly, or a CSP without 'wasm-unsafe-eval'). */
  readonly keccak: "wasm" | "js";
  /**
   * `"wasm"` (the default): libsecp256k1 recovery compiled to WebAssembly; `"js"`: @noble/curves (no WebAssembly,
   * a CSP without 'wasm-unsafe-eval', or chosen); `"native"`: the libsecp256k1 addon, opted into with {@link selectSecp256k1Path}.
   */
  readonly secp256k1: "native" | "wasm" | "js";
}

/**
 * Reports the keccak-256 and secp256k1 implementations in use, for logs and health checks.
 * Every path gives identical results; only speed differs. The first call
 * compiles the secp256k1 module if nothing has recovered a signer yet.
 *
 * @example
 * const { keccak, secp256k1 } = cryptoPaths(); // { keccak: "wasm", secp256k1: "wasm" }
 */
export function cryptoPaths(): CryptoPaths {
  return { keccak: keccakPath(), secp256k1: secp256k1Path() };
}
