// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A real Content-Security-Policy in real Chromium: a page whose script-src
// lacks 'wasm-unsafe-eval' cannot compile our keccak module, and hashing must
// then run on @noble/hashes with the same digests; without the policy it runs
// on WebAssembly.
import { describe, expect, it } from "vitest";
import { NO_WASM_CSP, withBundlePage } from "../../bench/browser.js";

type Bench = typeof import("../../bench/browser/entry.js");
const check = (page: import("playwright").Page) => page.evaluate(() => (globalThis as unknown as { hashBench: Bench }).hashBench.checkFallback());

describe("keccak-256 in Chromium under a Content-Security-Policy", () => {
  it(`falls back to @noble/hashes with identical digests under "${NO_WASM_CSP}"`, async () => {
    expect(await withBundlePage(NO_WASM_CSP, check)).toEqual({ keccak: "js", digestsEqual: true });
  });

  it("uses WebAssembly when the policy allows it ('wasm-unsafe-eval')", async () => {
    expect(await withBundlePage(`${NO_WASM_CSP} 'wasm-unsafe-eval'`, check)).toEqual({ keccak: "wasm", digestsEqual: true });
  });
});
