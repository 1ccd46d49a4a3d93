// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// libsecp256k1's public-key recovery as WebAssembly (src/crypto/secp256k1-wasm.ts,
// built by npm run build:wasm): compiled and checked against @noble/curves on
// first use, then called synchronously. Not compiled at import, so importing the package stays cheap.
import { secp256k1 } from "@noble/curves/secp256k1";
import { SECP256K1_WASM_HEX } from "../crypto/secp256k1-wasm.js";
import { instantiateHex } from "../crypto/wasm-instance.js";

/** The instantiated module: its memory, the exchange area's offset, and `recover(recoveryId)`. */
interface WasmRecovery {
  readonly memory: Uint8Array;
  readonly exchange: number;
  readonly recover: (recoveryId: number) => number;
}

// undefined: not tried yet; null: unavailable (no WebAssembly, a CSP without 'wasm-unsafe-eval', or a failed self-test).
let engine: WasmRecovery | null | undefined;

/** True once the module is compiled and passed its self-test (compiling it on the first call). */
export function wasmSecp256k1Available(): boolean {
  engine ??= instantiate();
  return engine !== null;
}

/**
 * The 65-byte uncompressed key that signed the 32-byte `digest` with the 64 bytes
 * r ‖ s and `recoveryId`, or undefined when r or s is not below n or no point
 * recovers (as @noble/curves refuses). Call only after {@link wasmSecp256k1Available}.
 */
export function wasmRecoverPublicKey(digest: Uint8Array, rs: Uint8Array, recoveryId: number): Uint8Array | undefined {
  return recoverWith(engine as WasmRecovery, digest, rs, recoveryId);
}

function recoverWith({ memory, exchange, recover }: WasmRecovery, digest: Uint8Array, rs: Uint8Array, recoveryId: number): Uint8Array | undefined {
  memory.set(digest, exchange);
  memory.set(rs, exchange + 32);
  return recover(recoveryId) === 1 ? memory.slice(exchange + 96, exchange + 161) : undefined;
}

function instantiate(): WasmRecovery | null {
  try {
    const exports = instantiateHex(SECP256K1_WASM_HEX);
    if ((exports.init as () => number)() !== 1) return null;
    const candidate = { memory: new Uint8Array((exports.memory as WebAssembly.Memory).buffer), exchange: (exports.exchange as () => number)(), recover: exports.recover as (id: number) => number };
    return selfTest(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

// A module that recovers wrongly is never used: it falls back like a missing one.
function selfTest(candidate: WasmRecovery): boolean {
  const digest = new Uint8Array(32).fill(0xa5);
  const key = new Uint8Array(32).fill(7);
  const signature = secp256k1.sign(digest, key);
  const recovered = recoverWith(candidate, digest, signature.toCompactRawBytes(), signature.recovery);
  const expected = secp256k1.getPublicKey(key, false);
  return recovered !== undefined && recovered.every((byte, i) => byte === expected[i]) && recoverWith(candidate, digest, new Uint8Array(64), 0) === undefined;
}
