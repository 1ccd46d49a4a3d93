// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// libsecp256k1's public-key recovery as WebAssembly (src/crypto/secp256k1-wasm.ts,
// built by npm run build:wasm): compiled and checked against a known answer on
// first use, then called synchronously. Not compiled at import, so importing the package stays cheap.
import { SECP256K1_WASM_HEX } from "../crypto/secp256k1-wasm.js";
import { hexToBytes } from "../crypto/hex.js";
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

/**
 * The self-test's known answer, computed once with @noble/curves (a test checks it still is):
 * `secp256k1.sign(digest, key)` with digest 32 × 0xa5 and private key 32 × 0x07 gives r ‖ s and
 * recovery id 0, and `secp256k1.getPublicKey(key, false)` the 65-byte key. Constants rather than
 * signing at first use: noble's first sign builds its tables (~60 ms), in every process and worker.
 */
export const WASM_SELF_TEST = {
  digest: "a5".repeat(32),
  rs: "11f132778aa352c6b7c90994d67d25975d9967b4638c2e482ebc6b476c5ee9ff63e4952e39bc8d8d483cfdf5ce4c165b08283456035410f05a447a10b43ef754",
  recoveryId: 0,
  publicKey: "04989c0b76cb563971fdc9bef31ec06c3560f3249d6ee9e5d83c57625596e05f6f631f4d05b3ae518776ee08755a7703e64b2ebc32547504de0b55a142d4ecdf80",
} as const;

// A module that recovers wrongly is never used: it falls back like a missing one.
function selfTest(candidate: WasmRecovery): boolean {
  const digest = hexToBytes(WASM_SELF_TEST.digest);
  const recovered = recoverWith(candidate, digest, hexToBytes(WASM_SELF_TEST.rs), WASM_SELF_TEST.recoveryId);
  const expected = hexToBytes(WASM_SELF_TEST.publicKey);
  return recovered !== undefined && recovered.length === expected.length && recovered.every((byte, i) => byte === expected[i]) && recoverWith(candidate, digest, new Uint8Array(64), 0) === undefined;
}
