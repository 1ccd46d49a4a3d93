// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Path labels printed beside every figure: which keccak-256 and which
// secp256k1 implementation a case runs on.
import { keccak_256 } from "@noble/hashes/sha3";
import { cryptoPaths } from "../src/index.js";
import { keccak256 } from "../src/crypto/keccak.js";
import type { Keccak } from "./keccak-floor.js";

/** Our keccak-256 (WebAssembly when it loads) and its label. */
export const ours: { readonly keccak: Keccak; readonly label: string } = {
  keccak: keccak256,
  label: cryptoPaths().keccak === "wasm" ? "keccak wasm" : "keccak JS (wasm refused)",
};

/** @noble/hashes' keccak-256, which viem uses, and its label. */
export const noble: { readonly keccak: Keccak; readonly label: string } = { keccak: keccak_256, label: "keccak JS @noble" };

/** " [a, b]": the paths of one case, for its row label. */
export function onPaths(...paths: string[]): string {
  return ` [${paths.join(", ")}]`;
}
