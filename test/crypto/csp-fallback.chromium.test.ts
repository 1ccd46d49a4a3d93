// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A real Content-Security-Policy in real Chromium: a page whose script-src
// lacks 'wasm-unsafe-eval' cannot compile our keccak or secp256k1 modules, and
// hashing and recovery must then run on @noble with the same digests and
// signers; without the policy they run on WebAssembly.
import { describe, expect, it } from "vitest";
import { NO_WASM_CSP, withBundlePage } from "../../bench/browser.js";

type Bench = typeof import("../../bench/browser/entry.js");
const check = (page: import("playwright").Page) => page.evaluate(() => (globalThis as unknown as { hashBench: Bench }).hashBench.checkFallback());

describe("keccak-256 in Chromium under a Content-Security-Policy", () => {
  it(`falls back to @noble/hashes with identical digests under "${NO_WASM_CSP}"`, async () => {
    expect(await withBundlePage(NO_WASM_CSP, check)).toEqual({ keccak: "js", secp256k1: "js", digestsEqual: true });
  });

  it("uses WebAssembly when the policy allows it ('wasm-unsafe-eval')", async () => {
    expect(await withBundlePage(`${NO_WASM_CSP} 'wasm-unsafe-eval'`, check)).toEqual({ keccak: "wasm", secp256k1: "wasm", digestsEqual: true });
  });

  it("recovers the same signers and refuses the same signatures on @noble/curves as on WebAssembly", async () => {
    const sample = (page: import("playwright").Page) =>
      page.evaluate(() => {
        const bench = (globalThis as unknown as { hashBench: Bench }).hashBench;
        return { paths: bench.checkFallback(), signers: bench.recoverySample(300) };
      });
    const refused = await withBundlePage(NO_WASM_CSP, sample);
    const allowed = await withBundlePage(`${NO_WASM_CSP} 'wasm-unsafe-eval'`, sample);
    expect([refused.paths.secp256k1, allowed.paths.secp256k1]).toEqual(["js", "wasm"]);
    expect(refused.signers).toEqual(allowed.signers);
    // Both outcomes occur: real signatures recover, random r ‖ s often does not.
    expect(allowed.signers.filter((s) => s.startsWith("0x")).length).toBeGreaterThan(150);
    expect(allowed.signers.filter((s) => !s.startsWith("0x")).length).toBeGreaterThan(30);
  });
});
