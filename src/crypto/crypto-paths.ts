// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { secp256k1Path } from "../signature/secp256k1-recovery.js";
import { keccakPath } from "./keccak.js";

/** Which implementation each primitive runs on right now. */
export interface CryptoPaths {
  /** `"wasm"`: our WebAssembly keccak-256; `"js"`: @noble/hashes (no WebAssembly, or a CSP without 'wasm-unsafe-eval'). */
  readonly keccak: "wasm" | "js";
  /** `"native"`: libsecp256k1 recovery, opted into with {@link selectSecp256k1Path}; `"js"`: @noble/curves. */
  readonly secp256k1: "native" | "js";
}

/**
 * Reports the keccak-256 and secp256k1 implementations in use, for logs and health checks.
 * Both give identical results; only speed differs.
 *
 * @example
 * const { keccak, secp256k1 } = cryptoPaths(); // { keccak: "wasm", secp256k1: "js" }
 */
export function cryptoPaths(): CryptoPaths {
  return { keccak: keccakPath(), secp256k1: secp256k1Path() };
}
