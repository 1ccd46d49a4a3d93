// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 7. The WebAssembly secp256k1 recovery (issue 23): verify by address on the
// default path against viem recoverTypedDataAddress in Node and in Chromium
// (Tag, Listing); a client's full sync of a 10,000-event signed log in Chromium
// against the WebAssembly recovery of its events alone; importing the package
// root against viem's root (fresh Node processes, built package); and the
// sign-one-event and verify bundles. `npm run bench -- --wasm [--quick]` runs
// only this and rewrites only its section of RESULTS.md (not with --quick).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { fromBinary } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import { type Hex, bytesToHex, hexToBytes, recoverTypedDataAddress } from "viem";
import { cryptoPaths, eventTypedData, hashEvent, shopStateToJSON, SignedEventSchema, signEvent, verifyEvent } from "../src/index.js";
import { setNativeSecp256k1, setWasmSecp256k1Allowed } from "../src/signature/secp256k1-recovery.js";
import { wasmRecoverPublicKey } from "../src/signature/wasm-secp256k1.js";
import { SECP256K1_WASM_HEX } from "../src/crypto/secp256k1-wasm.js";
import { withBundlePage } from "./browser.js";
import { type BundleReport, measureBundle } from "./bundle.js";
import { account, domain } from "./fixtures.js";
import { type Case, measureCases } from "./measure.js";
import { buildStateLog } from "./state-log.js";
import { verifyFixtures } from "./verify-fixtures.js";

type Entry = typeof import("./browser/recovery-entry.js");
const ROOT = new URL("..", import.meta.url).pathname;
const WASM = "secp256k1 wasm";

interface Row {
  readonly label: string;
  readonly ns: number;
  readonly reference: number;
}

interface Verdict {
  readonly text: string;
  readonly measured: string;
  readonly pass: boolean;
}

/** Runs the section and returns its Markdown; with `resultsPath`, rewrites that section of RESULTS.md. */
export async function runWasmBench({ quick, resultsPath }: { quick: boolean; resultsPath?: URL | undefined }): Promise<string> {
  const options = quick ? { rounds: 1, minTimeMs: 60 } : { rounds: 3, minTimeMs: 300 };
  const signatures: Record<string, Hex> = {};
  for (const { name, event } of verifyFixtures) signatures[name] = await signEvent({ event, domain, account });
  console.log("wasm: verify by address in Node…");
  const node = await nodeVerify(signatures, options);
  console.log("wasm: verify by address in Chromium…");
  const chromium = await withBundlePage(undefined, (page) => page.evaluate((o) => (globalThis as unknown as { hashBench: Entry }).hashBench.runVerifyBench(o), { ...options, rounds: 1, signatures }), "./browser/recovery-entry.ts");
  const syncEvents = quick ? 640 : 10_000;
  console.log(`wasm: client full sync of ${syncEvents} events in Chromium…`);
  const sync = await chromiumSync(syncEvents);
  console.log("wasm: import of the package root and of viem's, in fresh Node processes…");
  const imports = importCost(quick ? 3 : 9);
  console.log("wasm: sign and verify bundles…");
  const signBundle = await measureBundle();
  const verifyBundle = await measureBundle(new URL("./bundle/verify-entry.ts", import.meta.url).pathname);

  const verdicts: Verdict[] = [];
  const rows: string[] = [];
  for (const { name } of verifyFixtures) {
    const n = node.get(name) as { ours: number; viem: number; raw: number; noble: number };
    rows.push(`| **Node, ${name}** | | |`);
    for (const row of [
      { label: `verifyEvent by address [keccak wasm, ${WASM}]`, ns: n.ours, reference: n.ours },
      { label: "viem recoverTypedDataAddress + compare [keccak JS @noble, secp256k1 JS @noble]", ns: n.viem, reference: n.ours },
      { label: `raw recovery to public key [${WASM}]`, ns: n.raw, reference: n.ours },
      { label: "raw recovery to public key [secp256k1 JS @noble]", ns: n.noble, reference: n.ours },
    ] satisfies Row[])
      rows.push(`| ${row.label} | ${(row.ns / 1000).toFixed(1)} | ${(row.ns / row.reference).toFixed(2)} |`);
    verdicts.push({ text: `Node: verify by address ≥ 8× viem recoverTypedDataAddress (${name})`, measured: `${(n.viem / n.ours).toFixed(2)}×`, pass: n.viem / n.ours >= 8 });
  }
  for (const { name } of verifyFixtures) {
    const [ours, viem] = [chromium.ns[`${name}.ours`] as number, chromium.ns[`${name}.viem`] as number];
    rows.push(`| **Chromium, ${name}** | | |`, `| verifyEvent by address [keccak ${chromium.paths.keccak}, secp256k1 ${chromium.paths.secp256k1}] | ${(ours / 1000).toFixed(1)} | 1.00 |`);
    rows.push(`| viem recoverTypedDataAddress + compare [keccak JS @noble, secp256k1 JS @noble] | ${(viem / 1000).toFixed(1)} | ${(viem / ours).toFixed(2)} |`);
    verdicts.push({ text: `Chromium: verify by address ≥ 8× viem recoverTypedDataAddress (${name})`, measured: `${(viem / ours).toFixed(2)}×`, pass: viem / ours >= 8 });
  }
  verdicts.push(
    { text: `Chromium: client full sync of ${sync.events.toLocaleString("en-US")} events ≤ 1.5× their WebAssembly recovery alone`, measured: `${(sync.syncMs / sync.recoverMs).toFixed(2)}×`, pass: sync.syncMs / sync.recoverMs <= 1.5 },
    { text: "import of the package root ≤ 1.0× import of viem's root", measured: `${(imports.root / imports.viem).toFixed(2)}×`, pass: imports.root / imports.viem <= 1 },
    { text: "sign-one-event bundle ≤ 60 kB gzip (Vite initial load)", measured: `${signBundle.gzip.toLocaleString("en-US")} B`, pass: signBundle.gzip <= 60_000 },
  );
  const wasmBinary = SECP256K1_WASM_HEX.length / 2;
  const text = `## WebAssembly secp256k1

Written by \`npm run bench -- --wasm\` (bench/wasm-recovery.ts) on ${new Date().toISOString()}, load average ${loadavg()[0]?.toFixed(2)} at the end (2 cores shared with other work: absolute figures are slow and noisy; the ratios compare like with like in one run). Paths in Node: ${JSON.stringify(onWasm(() => cryptoPaths())())}; Chromium: ${JSON.stringify(chromium.paths)} (${chromium.userAgent.replace(/.*(HeadlessChrome\/[\d.]+).*/, "$1")}).

Verify by address: \`verifyEvent({ event, domain, signature, address })\` on the default path against viem's \`recoverTypedDataAddress\` (typed data built outside the timing) and a comparison; both checked true before timing. Node: mitata, best of ${options.rounds} interleaved rounds' medians; Chromium: batches of doubling size, one round.

| Benchmark | µs/op | time ÷ ours |
| --- | ---: | ---: |
${rows.join("\n")}

Client full sync in Chromium: ${sync.events.toLocaleString("en-US")} signed events of bench/state-log.ts opened and folded in pushes of 64 (\`ShopFold.verify\`, as \`ClientSession\` does), ${sync.syncMs.toFixed(0)} ms, against the WebAssembly recovery alone of the same (digest, signature) pairs, ${sync.recoverMs.toFixed(0)} ms (the two alternate push by push; each push's best of 2 rounds after a warm-up, summed) (${(sync.recoverMs / sync.events * 1000).toFixed(0)} µs per event): ${(sync.syncMs / sync.recoverMs).toFixed(2)}×; the synced state is checked equal to the log's first.${sync.syncMs / sync.recoverMs > 1.5 ? " What bounds it: opening and folding an event is more than recovering its signer. A CPU profile of the 10,000-event sync in Node (node --cpu-prof, loaded machine, after SignedEvents were read in place and proved-canonical events decoded without reflection): recovery 60% of the samples in `ShopFold.verify`, the fold (`applyToDraft`) 14.5%, decoding (cost pass, canonical pass, read) 9%, the EIP-712 digest 7.5% (over half of it keccak itself), signature parsing, copies and the signer's address 9%; no single part left is large enough alone to reach 1.5×." : ""}

Import: \`await import()\` of the built package root (\`dist/src/index.js\`) and of \`viem\`, each in a fresh Node process, interleaved, median of ${imports.runs}: ${imports.root.toFixed(0)} ms and ${imports.viem.toFixed(0)} ms, ${(imports.root / imports.viem).toFixed(2)}×.

Bundles (Vite production build, initial load, each chunk gzipped at level 9; esbuild single file beside it):

| entry | Vite minified | Vite gzip | esbuild minified | esbuild gzip |
| --- | ---: | ---: | ---: | ---: |
${bundleRow("sign one event (bench/bundle/entry.ts)", signBundle)}
${bundleRow("verify pushed events (bench/bundle/verify-entry.ts)", verifyBundle)}

The verify bundle carries the secp256k1 module: ${wasmBinary.toLocaleString("en-US")} bytes of WebAssembly, shipped as ${SECP256K1_WASM_HEX.length.toLocaleString("en-US")} characters of hex, ${gzipSync(SECP256K1_WASM_HEX, { level: 9 }).length.toLocaleString("en-US")} B gzip (the binary alone: ${gzipSync(hexToBytes(`0x${SECP256K1_WASM_HEX}`), { level: 9 }).length.toLocaleString("en-US")} B). Signing does not load it.

| Target | Measured | Result |
| --- | ---: | :---: |
${verdicts.map((v) => `| ${v.text} | ${v.measured} | ${v.pass ? "PASS" : "**MISS**"} |`).join("\n")}
`;
  console.log(text);
  if (resultsPath !== undefined) patchSection(resultsPath, text);
  return text;
}

function bundleRow(name: string, bundle: BundleReport): string {
  return `| ${name} | ${bundle.minified.toLocaleString("en-US")} B | ${bundle.gzip.toLocaleString("en-US")} B | ${bundle.esbuildSingleFile.minified.toLocaleString("en-US")} B | ${bundle.esbuildSingleFile.gzip.toLocaleString("en-US")} B |`;
}

// The default path (WebAssembly) pinned around one operation, and put back to @noble/curves, where the other suites run.
function onWasm<T>(run: () => T): () => T {
  return () => {
    setNativeSecp256k1(undefined);
    setWasmSecp256k1Allowed(true);
    try {
      return run();
    } finally {
      setWasmSecp256k1Allowed(false);
    }
  };
}

async function nodeVerify(signatures: Record<string, Hex>, options: { rounds: number; minTimeMs: number }) {
  const cases: Case[] = [];
  for (const { name, event } of verifyFixtures) {
    const signature = signatures[name] as Hex;
    const typedData = eventTypedData({ event, domain }) as unknown as Omit<Parameters<typeof recoverTypedDataAddress>[0], "signature">;
    const digest = hexToBytes(hashEvent({ event, domain }));
    const bytes = hexToBytes(signature);
    const rs = bytes.subarray(0, 64);
    const v = (bytes[64] as number) - 27;
    const ours = onWasm(() => verifyEvent({ event, domain, signature, address: account.address }));
    const viem = async () => (await recoverTypedDataAddress({ ...typedData, signature })) === account.address;
    const raw = onWasm(() => wasmRecoverPublicKey(digest, rs, v));
    const noble = () => secp256k1.Signature.fromCompact(rs).addRecoveryBit(v).recoverPublicKey(digest).toRawBytes(false);
    if (!ours() || !(await viem()) || bytesToHex(raw() as Uint8Array) !== bytesToHex(noble())) throw new Error(`bench check failed: ${name} does not verify alike`);
    cases.push({ id: `${name}.ours`, label: name, fn: ours }, { id: `${name}.viem`, label: name, fn: viem }, { id: `${name}.raw`, label: name, fn: raw }, { id: `${name}.noble`, label: name, fn: noble });
  }
  const ns = await measureCases(cases, options);
  const at = (id: string) => ns.get(id) as number;
  return new Map(verifyFixtures.map(({ name }) => [name, { ours: at(`${name}.ours`), viem: at(`${name}.viem`), raw: at(`${name}.raw`), noble: at(`${name}.noble`) }]));
}

async function chromiumSync(length: number) {
  const log = await buildStateLog(length);
  const recoveries = new Uint8Array(97 * log.events.length);
  log.events.forEach(({ event }, i) => {
    recoveries.set(hexToBytes(hashEvent({ event, domain })), 97 * i);
    recoveries.set(fromBinary(SignedEventSchema, log.signedEvents[i] as Uint8Array).signature?.raw ?? new Uint8Array(65), 97 * i + 32);
  });
  const input = { signedEvents: log.signedEvents.map((b) => bytesToHex(b)), recoveries: bytesToHex(recoveries), expectedState: shopStateToJSON({ state: log.state }), rounds: 2 };
  return withBundlePage(undefined, (page) => page.evaluate((o) => (globalThis as unknown as { hashBench: Entry }).hashBench.runSyncBench(o), input), "./browser/recovery-entry.ts");
}

function importCost(runs: number): { root: number; viem: number; runs: number } {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
  const once = (specifier: string) =>
    Number(execFileSync(process.execPath, ["--input-type=module", "-e", `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`], { cwd: ROOT, encoding: "utf8" }));
  const root: number[] = [];
  const viem: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternating which goes first, so neither always meets a warmer file cache.
    if (i % 2 === 0) root.push(once("./dist/src/index.js"));
    viem.push(once("viem"));
    if (i % 2 === 1) root.push(once("./dist/src/index.js"));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return { root: median(root), viem: median(viem), runs };
}

function patchSection(path: URL, section: string): void {
  const text = readFileSync(path, "utf8");
  const at = text.indexOf("## WebAssembly secp256k1");
  const next = at < 0 ? -1 : text.indexOf("\n## ", at + 1);
  writeFileSync(path, at < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, at)}${section}${next < 0 ? "" : text.slice(next + 1)}`);
}
