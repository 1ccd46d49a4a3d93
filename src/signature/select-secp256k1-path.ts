// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { secp256k1 } from "@noble/curves/secp256k1";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { type NativeSecp256k1, secp256k1Path, setNativeSecp256k1, setWasmSecp256k1Allowed } from "./secp256k1-recovery.js";

// The addon alone: the package's main entry would fall back to elliptic (pure JS) when it fails.
const NATIVE_BINDING = "secp256k1/bindings.js";

/** The secp256k1 path in effect after {@link selectSecp256k1Path}; `reason` says why the one asked for was not taken. */
export type Secp256k1PathSelection = { readonly path: "native" } | { readonly path: "wasm" | "js"; readonly reason?: string };

const WASM_REFUSED = "WebAssembly is unavailable here (no WebAssembly, or a Content-Security-Policy without 'wasm-unsafe-eval')";

/**
 * Chooses how signers are recovered. The default, `path: "wasm"`, is
 * libsecp256k1 compiled to WebAssembly, in Node and browsers alike, with
 * @noble/curves wherever WebAssembly is refused. `path: "js"` forces
 * @noble/curves. `path: "native"` (an opt-in for Node relays) uses the native
 * libsecp256k1 addon of the optional peer dependency `secp256k1` (prebuilt
 * for linux-x64, darwin-arm64 and win32-x64), but only if that addon itself
 * loads and recovers a known signature exactly as @noble/curves does; never
 * the package's `elliptic` fallback. When the path asked for cannot run, the
 * portable path stays in effect and `reason` says why. All paths give identical results.
 *
 * @example
 * const selected = await selectSecp256k1Path({ path: "native" });
 * if (selected.path !== "native") console.warn(`secp256k1 on ${selected.path}: ${selected.reason}`);
 */
export async function selectSecp256k1Path(parameters: { path: "native" | "wasm" | "js" }): Promise<Secp256k1PathSelection> {
  const { path } = objectParameter(parameters);
  if (path !== "native" && path !== "wasm" && path !== "js") throw new FieldValueError("WRONG_TYPE", 'expected "native", "wasm" or "js"', { path: "path" });
  setNativeSecp256k1(undefined);
  setWasmSecp256k1Allowed(path !== "js");
  if (path === "js") return { path: "js" };
  if (path === "wasm") return secp256k1Path() === "wasm" ? { path: "wasm" } : { path: "js", reason: WASM_REFUSED };
  let binding: NativeSecp256k1;
  try {
    // A computed specifier: bundlers leave it alone, browsers simply fail to load it.
    const specifier = NATIVE_BINDING;
    const loaded = (await import(/* @vite-ignore */ specifier)) as { default?: NativeSecp256k1 };
    binding = loaded.default ?? (loaded as unknown as NativeSecp256k1);
  } catch (cause) {
    return { path: portablePath(), reason: `the native addon of the optional dependency "secp256k1" did not load: ${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)}` };
  }
  const problem = selfTest(binding);
  if (problem !== undefined) return { path: portablePath(), reason: problem };
  setNativeSecp256k1(binding);
  return { path: "native" };
}

function portablePath(): "wasm" | "js" {
  return secp256k1Path() === "wasm" ? "wasm" : "js";
}

function selfTest(binding: NativeSecp256k1): string | undefined {
  try {
    const key = new Uint8Array(32).fill(7);
    const digest = new Uint8Array(32).fill(0xa5);
    const signature = secp256k1.sign(digest, key);
    const expected = secp256k1.getPublicKey(key, false);
    const actual = binding.ecdsaRecover(signature.toCompactRawBytes(), signature.recovery, digest, false);
    if (actual instanceof Uint8Array && actual.length === expected.length && actual.every((byte, i) => byte === expected[i])) return undefined;
    return "the native secp256k1 addon recovered a different public key than @noble/curves";
  } catch (cause) {
    return `the native secp256k1 addon failed its self-test: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}
