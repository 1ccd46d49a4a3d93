// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Compiles wasm/secp256k1/recover.c (libsecp256k1's recovery, from the C
// sources of the pinned `secp256k1` dev dependency) to WebAssembly with clang
// and wasm-ld (Debian: apt-get install clang lld). The same clang gives the same bytes.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const file = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const SOURCES = file("node_modules/secp256k1/src/secp256k1");

/** The window of the verification tables: 2 × 2^(12−2) points (128 KiB, built at init); wider windows were no faster here. */
export const ECMULT_WINDOW_SIZE = 12;

/** libsecp256k1's build settings for wasm32: 32-bit limbs (no __int128), no GMP, GLV endomorphism, only the recovery module. */
const DEFINES = [
  "USE_EXTERNAL_DEFAULT_CALLBACKS=1",
  "ECMULT_GEN_PREC_BITS=4",
  `ECMULT_WINDOW_SIZE=${ECMULT_WINDOW_SIZE}`,
  "ENABLE_MODULE_RECOVERY=1",
  "USE_ENDOMORPHISM=1",
  "USE_NUM_NONE=1",
  "USE_FIELD_INV_BUILTIN=1",
  "USE_SCALAR_INV_BUILTIN=1",
  "USE_FIELD_10X26=1",
  "USE_SCALAR_8X32=1",
];

/** The clang that builds the module and its version line, or why there is none. */
export function findClang(): { clang: string; version: string } | { missing: string } {
  const clang = process.env.CLANG ?? "clang";
  try {
    const version = execFileSync(clang, ["--version"], { encoding: "utf8" }).split("\n")[0] ?? "";
    execFileSync("wasm-ld", ["--version"], { encoding: "utf8" });
    return { clang, version: version.trim() };
  } catch {
    return { missing: "clang and wasm-ld (Debian: apt-get install clang lld)" };
  }
}

/** The module's bytes, built with `clang` (see {@link findClang}). */
export function buildSecp256k1Wasm(clang: string): Uint8Array {
  const args = [
    "--target=wasm32",
    "-O2",
    "-mbulk-memory",
    "-nostdlib",
    "-ffreestanding",
    "-isystem",
    file("wasm/secp256k1/libc"),
    `-I${SOURCES}`,
    `-I${SOURCES}/src`,
    ...DEFINES.map((define) => `-D${define}`),
    // libsecp256k1's own unused helpers and its realloc use, which our stand-in header declares.
    "-Wno-unused-function",
    "-Wl,--no-entry",
    "-Wl,--strip-all",
    // Context creation takes about 200 KiB of stack (libsecp256k1 reserves its signing table's frame even when
    // not signing); the stack sits below the data, so an overflow traps instead of overwriting the tables.
    "-Wl,-z,stack-size=524288",
    "-Wl,--stack-first",
    "-o",
    "-",
    file("wasm/secp256k1/recover.c"),
  ];
  return new Uint8Array(execFileSync(clang, args, { maxBuffer: 1 << 24 }));
}
