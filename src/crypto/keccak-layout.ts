// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * Byte offsets in the keccak WebAssembly module's one 64 KiB page, shared by
 * the generator (scripts/keccak-wat.ts) and src/crypto/keccak.ts.
 * `chunk` is the most input one sponge call takes: a whole number of blocks
 * that still leaves room for the padding block behind it.
 */
export const KECCAK_LAYOUT = {
  rate: 136,
  state: 0,
  roundConstants: 200,
  output: 416,
  input: 512,
  chunk: 136 * 475,
} as const;
