// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * Byte offsets in the keccak WebAssembly module's two 64 KiB pages, shared by
 * the generator (scripts/keccak-wat.ts) and src/crypto/keccak.ts.
 * `chunk` is the most input one sponge call takes at `input`: a whole number
 * of blocks that still leaves room for the padding block behind it. The
 * second page is scratch space encoders write into and hash in place; the
 * sponge pads in place, so `scratchSize` leaves a block of headroom.
 */
export const KECCAK_LAYOUT = {
  rate: 136,
  state: 0,
  roundConstants: 200,
  output: 416,
  input: 512,
  chunk: 136 * 475,
  scratch: 65536,
  scratchSize: 65536 - 256,
  pages: 2,
} as const;
