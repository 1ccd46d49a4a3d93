// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * Compiles and instantiates a module shipped as hex, synchronously; throws
 * where the engine has no WebAssembly or a Content-Security-Policy forbids it
 * (no 'wasm-unsafe-eval'). Chromium allows synchronous compiles of this size on the main thread.
 */
export function instantiateHex(hex: string): WebAssembly.Exports {
  const binary = new Uint8Array(hex.length / 2);
  for (let i = 0; i < binary.length; i++) binary[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return new WebAssembly.Instance(new WebAssembly.Module(binary), {}).exports;
}
