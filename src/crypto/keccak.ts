// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The one keccak-256 the library uses: our WebAssembly sponge (scripts/keccak-wat.ts)
// when the engine lets us compile it, otherwise @noble/hashes, with identical results.
import { keccak_256 } from "@noble/hashes/sha3";
import { KECCAK_LAYOUT as L } from "./keccak-layout.js";
import { KECCAK_WASM_HEX } from "./keccak-wasm.js";
import { instantiateHex } from "./wasm-instance.js";

interface WasmKeccak {
  readonly memory: Uint8Array;
  readonly input: Uint8Array;
  readonly output: Uint8Array;
  readonly sponge: (pointer: number, length: number, final: number, resume: number) => void;
}

const utf8 = new TextEncoder();
const wasm = instantiate();

function instantiate(): WasmKeccak | undefined {
  try {
    // Synchronous compile: the module is under 4 kB, which browsers allow on the main thread.
    const exports = instantiateHex(KECCAK_WASM_HEX);
    const memory = new Uint8Array((exports.memory as WebAssembly.Memory).buffer);
    const engine = { memory, input: memory.subarray(L.input, L.input + L.chunk), output: memory.subarray(L.output, L.output + 32), sponge: exports.sponge as WasmKeccak["sponge"] };
    // A wrong engine is never used: it falls back like a missing one.
    const probe = utf8.encode("abc");
    memory.set(probe, L.input);
    engine.sponge(L.input, probe.length, 1, 0);
    return keccak_256(probe).every((byte, i) => byte === engine.output[i]) ? engine : undefined;
  } catch {
    // No WebAssembly, or a Content-Security-Policy without 'wasm-unsafe-eval'.
    return undefined;
  }
}

/**
 * Scratch space for encoders (hash-struct.ts): bytes written here hash in
 * place with {@link keccakScratchInto}, without a copy on the WebAssembly path.
 * Hashing may overwrite up to 136 bytes after the hashed range.
 */
export const scratch: Uint8Array = wasm === undefined ? new Uint8Array(L.scratchSize) : wasm.memory.subarray(L.scratch, L.scratch + L.scratchSize);

/** Writes keccak-256 of `scratch[start, start + length)` into `target` at `offset`. */
export function keccakScratchInto(start: number, length: number, target: Uint8Array, offset: number): void {
  if (wasm === undefined) {
    target.set(keccak_256(scratch.subarray(start, start + length)), offset);
    return;
  }
  wasm.sponge(L.scratch + start, length, 1, 0);
  target.set(wasm.output, offset);
}

/** Which keccak-256 runs: `"wasm"` (our WebAssembly module) or `"js"` (@noble/hashes). */
export function keccakPath(): "wasm" | "js" {
  return wasm === undefined ? "js" : "wasm";
}

/** keccak-256 of `input` as a new 32-byte array. */
export function keccak256(input: Uint8Array): Uint8Array {
  if (wasm === undefined) return keccak_256(input);
  absorb(wasm, input);
  return wasm.output.slice();
}

/** Writes keccak-256 of `input` into `target` at `offset`, allocating nothing on the WebAssembly path. */
export function keccak256Into(input: Uint8Array, target: Uint8Array, offset: number): void {
  if (wasm === undefined) {
    target.set(keccak_256(input), offset);
    return;
  }
  absorb(wasm, input);
  target.set(wasm.output, offset);
}

/** Writes keccak-256 of the UTF-8 bytes of `text` (lone surrogates become U+FFFD) into `target` at `offset`. */
export function keccak256Utf8Into(text: string, target: Uint8Array, offset: number): void {
  if (wasm === undefined) {
    target.set(keccak_256(utf8.encode(text)), offset);
    return;
  }
  // Encode straight into the module's input area; only text longer than one chunk takes the copying path.
  const { read, written } = utf8.encodeInto(text, wasm.input);
  if (read !== text.length) {
    keccak256Into(utf8.encode(text), target, offset);
    return;
  }
  wasm.sponge(L.input, written, 1, 0);
  target.set(wasm.output, offset);
}

function absorb({ memory, sponge }: WasmKeccak, input: Uint8Array): void {
  let offset = 0;
  for (; input.length - offset > L.chunk; offset += L.chunk) {
    memory.set(input.subarray(offset, offset + L.chunk), L.input);
    sponge(L.input, L.chunk, 0, offset === 0 ? 0 : 1);
  }
  const rest = input.length - offset;
  // Short inputs (most EIP-712 words) copy faster byte by byte than through TypedArray.set.
  if (rest <= 64) for (let k = 0; k < rest; k++) memory[L.input + k] = input[offset + k] as number;
  else memory.set(offset === 0 ? input : input.subarray(offset), L.input);
  sponge(L.input, rest, 1, offset === 0 ? 0 : 1);
}
