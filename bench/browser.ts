// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 1b. The hashing bench in headless Chromium (Debian's, flags as for the
// browser tests): bundles bench/browser/entry.ts, runs it in a page, and
// once more in a page whose Content-Security-Policy refuses WebAssembly.
import { build } from "esbuild";
import { chromium } from "playwright";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/support/chromium.js";
import type { BrowserBenchResult } from "./browser/entry.js";
import { aroundFloor, floorBound, type Target } from "./suite.js";

/** The entry (by default the hashing bench's) bundled as a script that sets `globalThis.hashBench`. */
export async function browserBundle(entry = "./browser/entry.ts"): Promise<string> {
  const result = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    format: "iife",
    globalName: "hashBench",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("browser bench: esbuild produced no output");
  return output.text;
}

/** A page with `csp` as its policy (none if undefined) and the bundle loaded. */
export async function withBundlePage<T>(csp: string | undefined, run: (page: import("playwright").Page) => Promise<T>, entry?: string): Promise<T> {
  const script = await browserBundle(entry);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const meta = csp === undefined ? "" : `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
    await page.setContent(`<!doctype html><html><head>${meta}<title>bench</title></head><body></body></html>`);
    await page.addScriptTag({ content: script });
    return await run(page);
  } finally {
    await browser.close();
  }
}

/** Runs the hashing bench in Chromium; the result carries every case's ns/op. */
export async function measureInChromium(options: { rounds: number; minTimeMs: number }): Promise<BrowserBenchResult> {
  return withBundlePage(undefined, (page) =>
    page.evaluate((opts) => (globalThis as unknown as { hashBench: typeof import("./browser/entry.js") }).hashBench.runHashBench(opts), options),
  );
}

/** The CSP that refuses WebAssembly compilation: script-src without 'wasm-unsafe-eval' (or 'unsafe-eval'). */
export const NO_WASM_CSP = "script-src 'unsafe-inline'";

/** Runs the fallback check in a page under {@link NO_WASM_CSP}. */
export async function fallbackInChromium(): Promise<{ keccak: "wasm" | "js"; secp256k1: "native" | "wasm" | "js"; digestsEqual: boolean }> {
  return withBundlePage(NO_WASM_CSP, (page) => page.evaluate(() => (globalThis as unknown as { hashBench: typeof import("./browser/entry.js") }).hashBench.checkFallback()));
}

/** Issue 13's hashing targets, judged on the Chromium figures (ids from bench/browser/entry.ts). */
export function chromiumTargets(names: readonly string[]): Target[] {
  return names.flatMap((name): Target[] => {
    const id = (what: string) => `chromium.digest.${name}.${what}`;
    return [
      {
        text: `Chromium: hashEvent ≥ 8× viem hashTypedData (${name})`,
        kind: "faster",
        subject: id("ours"),
        reference: id("viem"),
        bound: 8,
        explain: (ns) => floorBound(ns, id("ours"), id("viem"), id("floor"), "hashEvent"),
      },
      {
        text: `Chromium: hashEvent ≤ 1.5× the keccak floor on its path (${name})`,
        kind: "within",
        subject: id("ours"),
        reference: id("floor"),
        bound: 1.5,
        explain: (ns) => aroundFloor(ns, id("ours"), id("floor"), "hashEvent"),
      },
    ];
  });
}

/** The Chromium section of RESULTS.md: the browser, the path, every case and the CSP check. */
export function chromiumSection(result: BrowserBenchResult, fallback: { keccak: string; digestsEqual: boolean }): string {
  const lines = [
    `- Browser: ${result.userAgent}`,
    `- keccak-256 path in a normal page: ${result.keccak}; under \`Content-Security-Policy: ${NO_WASM_CSP}\`: ${fallback.keccak}, every fixture's digest ${fallback.digestsEqual ? "equal" : "NOT equal"} to viem's`,
    "",
    "| Benchmark | ops/s | µs/op | time ÷ ours |",
    "| --- | ---: | ---: | ---: |",
  ];
  let subject = Number.NaN;
  for (const c of result.cases) {
    const group = /^chromium\.digest\.([^.]+)\.ours$/.exec(c.id);
    if (group) {
      lines.push(`| **1b. EIP-712 digest in Chromium, ${group[1]}** | | | |`);
      subject = c.ns;
    }
    lines.push(`| ${c.label} | ${Math.round(1e9 / c.ns).toLocaleString("en-US")} | ${(c.ns / 1000).toFixed(1)} | ${group ? "1.00 (ours)" : (c.ns / subject).toFixed(2)} |`);
  }
  return lines.join("\n");
}
