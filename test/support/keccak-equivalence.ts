// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The proof that our WebAssembly keccak-256 equals @noble/hashes', shared by the
// Node test (test/crypto/keccak.test.ts) and the Chromium one
// (test/browser/keccak.browser.test.ts): known answers, every length 0..1024,
// chunk boundaries, and seeded random inputs (KECCAK_RANDOM_INPUTS of them).
import { keccak_256 } from "@noble/hashes/sha3";
import { expect, inject, it } from "vitest";
import { keccak256, keccak256Into, keccak256Utf8Into, keccakPath } from "../../src/crypto/keccak.js";
import { KECCAK_LAYOUT } from "../../src/crypto/keccak-layout.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** How many random inputs the keccak equivalence check hashes (vitest.config.ts). */
    keccakRandomInputs: number;
  }
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const utf8 = new TextEncoder();

/** Published Keccak-256 (original padding, as Ethereum uses) answers. */
export const KNOWN_ANSWERS: readonly { readonly input: string; readonly digest: string }[] = [
  { input: "", digest: "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470" },
  { input: "abc", digest: "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45" },
  { input: "The quick brown fox jumps over the lazy dog", digest: "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15" },
  { input: "The quick brown fox jumps over the lazy dog.", digest: "578951e24efd62a3d63a86f7cd19aaa53c898fe287d2552133220370240b572d" },
  { input: "testing", digest: "5f16f4c7f149ac4f9510d9cf8cf384038ad348b3bcdc01915f95de12df9d1b02" },
  { input: "Transfer(address,address,uint256)", digest: "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef" },
];

/** A small seeded generator (xorshift32), so a failure names a reproducible input. */
export function seededBytes(seed: number): (length: number) => Uint8Array {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return (length) => {
    const out = new Uint8Array(length);
    for (let k = 0; k < length; k++) out[k] = next() & 0xff;
    return out;
  };
}

/** Registers the equivalence tests; `expectedPath` is the path this environment must take. */
export function keccakEquivalenceTests(expectedPath: "wasm" | "js"): void {
  it(`runs on the ${expectedPath} path`, () => {
    expect(keccakPath()).toBe(expectedPath);
  });

  it("gives the known answers", () => {
    for (const { input, digest } of KNOWN_ANSWERS) {
      expect(hex(keccak256(utf8.encode(input))), input).toBe(digest);
      const target = new Uint8Array(40);
      keccak256Utf8Into(input, target, 5);
      expect(hex(target.subarray(5, 37)), input).toBe(digest);
    }
  });

  it("equals @noble/hashes for every input length from 0 to 1024 bytes, through every entry", () => {
    const random = seededBytes(1024);
    for (let length = 0; length <= 1024; length++) {
      const input = random(length);
      const expected = hex(keccak_256(input));
      expect(hex(keccak256(input)), `length ${length}`).toBe(expected);
      const target = new Uint8Array(64).fill(0xee);
      keccak256Into(input, target, 7);
      expect(hex(target.subarray(7, 39)), `length ${length} (into)`).toBe(expected);
      expect(target[6]).toBe(0xee);
      expect(target[39]).toBe(0xee);
      // A view into a larger buffer hashes only its own bytes.
      const padded = new Uint8Array(length + 9).fill(0x5a);
      padded.set(input, 4);
      expect(hex(keccak256(padded.subarray(4, 4 + length))), `length ${length} (view)`).toBe(expected);
    }
  });

  it("equals @noble/hashes on UTF-8 text, lone surrogates included", () => {
    const texts = ["", "ä", "日本語", "😀", "\uD800", "a\uDC00b", "\uDBFF\uDFFF", "x".repeat(135), "é".repeat(68), "ü".repeat(40_000)];
    for (const text of texts) {
      const target = new Uint8Array(32);
      keccak256Utf8Into(text, target, 0);
      expect(hex(target), JSON.stringify(text.slice(0, 12))).toBe(hex(keccak_256(utf8.encode(text))));
    }
  });

  it("equals @noble/hashes across the module's input chunk boundary", () => {
    const random = seededBytes(7);
    const { chunk, rate } = KECCAK_LAYOUT;
    for (const length of [chunk - rate - 1, chunk - 1, chunk, chunk + 1, chunk + rate, 2 * chunk, 2 * chunk + 77, 300_000]) {
      const input = random(length);
      expect(hex(keccak256(input)), `length ${length}`).toBe(hex(keccak_256(input)));
    }
  });

  const count = inject("keccakRandomInputs");
  it(`equals @noble/hashes on ${count.toLocaleString("en")} seeded random inputs of 0..600 bytes`, () => {
    const random = seededBytes(0x6b656363);
    const sizes = seededBytes(0x73697a65);
    for (let n = 0; n < count; n++) {
      const [hi, lo] = sizes(2) as unknown as [number, number];
      const input = random(((hi << 8) | lo) % 601);
      const ours = keccak256(input);
      const theirs = keccak_256(input);
      // Compare bytes directly: hex strings for a million inputs would dominate the run.
      for (let k = 0; k < 32; k++) {
        if (ours[k] !== theirs[k]) expect(hex(ours), `input #${n}: ${hex(input)}`).toBe(hex(theirs));
      }
    }
  }, 600_000);
}
