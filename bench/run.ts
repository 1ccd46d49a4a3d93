// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `npm run bench`: checks every fast path against its reference, times all
// suites in one process, judges the targets, profiles any miss, measures the
// bundle, prints the results and writes bench/RESULTS.md.
// `npm run bench -- --quick` is a short smoke run that leaves RESULTS.md alone.
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { cryptoPaths, selectSecp256k1Path } from "../src/index.js";
import { chromiumSection, chromiumTargets, fallbackInChromium, measureInChromium } from "./browser.js";
import { measureBundle } from "./bundle.js";
import { fixtures } from "./fixtures.js";
import { type Case, measureCases } from "./measure.js";
import { measureAllocations } from "./memory.js";
import { measureRelayLoad, relayLoadSection } from "./relay-load.js";
import { measureRelayReaders, relayReadersSection } from "./relay-readers.js";
import { measureRelayPool, relayPoolSection } from "./relay-pool.js";
import { profileCase } from "./profile.js";
import { measureScaling, patchScalingSection, SCALING_FULL, SCALING_QUICK, scalingSection } from "./scaling.js";
import { keptRestartSection, runRestartBench } from "./restart.js";
import { keptStoreSection, runStoreBench } from "./store-throughput.js";
import { stateBench } from "./state.js";
import { bundleSection, judge, machineSection, type Miss, missSection, resultsTable, targetsTable } from "./report.js";
import type { Suite } from "./suite.js";
import { adversarialSuite } from "./suites/adversarial.js";
import { codecSuite } from "./suites/codec.js";
import { digestSuite } from "./suites/digest.js";
import { eip191Suite } from "./suites/eip191.js";
import { signSuite } from "./suites/sign.js";
import { verifySuite } from "./suites/verify.js";
import { runWasmBench } from "./wasm-recovery.js";

const quick = process.argv.includes("--quick");
// 8 clients × 2,000 events on loopback, bounded in count and time.
const RELAY_LOAD = { clients: 8, eventsPerClient: 2_000, timeoutMs: 600_000 };
// `npm run bench -- --relay-pool [--quick]`: only the verification-pool section (bench/relay-pool.ts), printed.
if (process.argv.includes("--relay-pool")) process.exit(console.log(relayPoolSection(await measureRelayPool({ quick }))) ?? 0);
// `npm run bench -- --relay`: only the relay load, its section patched into RESULTS.md.
if (process.argv.includes("--relay")) {
  const load = await measureRelayLoad(RELAY_LOAD);
  const readers = `${relayReadersSection(await measureRelayReaders({ quick: process.argv.includes("--quick") }))}\n\n### Verification pool (issue 24)\n\n${relayPoolSection(await measureRelayPool({ quick }))}`;
  console.log(`${relayLoadSection(load)}\n\n${readers}`);
  const path = new URL("./RESULTS.md", import.meta.url);
  const text = readFileSync(path, "utf8");
  const section = `## Relay load\n\n${relayLoadSection(load)}\n\n${readers}\n`;
  const at = text.indexOf("## Relay load");
  writeFileSync(path, at < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, at)}${section}${text.slice(text.indexOf("\n## ", at + 1) < 0 ? text.length : text.indexOf("\n## ", at + 1) + 1)}`);
  process.exit(0);
}
// `npm run bench -- --scaling [--quick]`: only the scaling bench; its section patched into RESULTS.md (not with --quick).
if (process.argv.includes("--scaling")) {
  const text = scalingSection(await measureScaling(quick ? SCALING_QUICK : SCALING_FULL));
  console.log(text);
  if (!quick) patchScalingSection(text);
  process.exit(0);
}
// `npm run bench -- --restart [--restart-events=N]`: only the relay restart, its section patched.
// `npm run bench -- --wasm [--quick]`: only the WebAssembly secp256k1 section (bench/wasm-recovery.ts), patched (not with --quick).
if (process.argv.includes("--wasm")) process.exit(await runWasmBench({ quick, resultsPath: quick ? undefined : new URL("./RESULTS.md", import.meta.url) }).then(() => 0));
if (process.argv.includes("--stores")) process.exit(await runStoreBench({ quick, resultsPath: quick ? undefined : new URL("./RESULTS.md", import.meta.url) }).then(() => 0));
if (process.argv.includes("--processes")) process.exit(await (await import("./relay-processes.js")).runRelayProcessesBench({ quick, resultsPath: quick ? undefined : new URL("./RESULTS.md", import.meta.url) }).then(() => 0));
if (process.argv.includes("--restart")) process.exit(await runRestartBench({ argv: process.argv, resultsPath: new URL("./RESULTS.md", import.meta.url) }).then(() => 0));
const nativeSelection = await selectSecp256k1Path({ path: "native" });
const nativeNote = nativeSelection.path === "native" ? "available (native cases included)" : `not available: ${nativeSelection.reason ?? "?"}`;
await selectSecp256k1Path({ path: "js" });
const options = quick ? { rounds: 1, minTimeMs: 60 } : { rounds: 3, minTimeMs: 300 };
const started = performance.now();
const now = new Date();
const load = loadavg()[0] ?? 0;

// Every suite asserts, before any timing, that our output equals its reference's.
const suites: Suite[] = [digestSuite(), await signSuite(), await verifySuite(), await eip191Suite(), codecSuite(), await adversarialSuite()];
const groups = suites.flatMap((s) => s.groups);
const targets = suites.flatMap((s) => s.targets);
const cases: Case[] = groups.flatMap((g) => g.cases);
if (load > 1) console.log(`note: load average ${load.toFixed(2)}: other work is running, figures will be noisier`);
console.log(`checks passed; timing ${cases.length} cases × ${options.rounds} rounds (≥ ${options.minTimeMs} ms each)…`);

const ns = await measureCases(cases, {
  ...options,
  onProgress: (done, total) => {
    if (done % 10 === 0 || done === total) console.log(`  ${done}/${total}`);
  },
});
console.log("measuring heap allocations per operation…");
const allocated = await measureAllocations(cases);

// The hashing suite once more in headless Chromium, and the CSP fallback there.
console.log("timing the hashing suite in headless Chromium…");
const chromium = await measureInChromium(options);
const fallback = await fallbackInChromium();
if (!fallback.digestsEqual) throw new Error("bench check failed: under a CSP refusing WebAssembly, Chromium's digests differ from viem's");
for (const c of chromium.cases) ns.set(c.id, c.ns);
targets.push(...chromiumTargets(fixtures.map((f) => f.name)));
const verdicts = judge(targets, ns);

// A miss gets a CPU profile of both sides, to show where their time goes.
const misses: Miss[] = [];
for (const verdict of verdicts.filter((v) => !v.pass)) {
  const { target } = verdict;
  const profiles = [];
  for (const c of cases.filter((x) => x.id === target.subject || x.id === target.reference)) {
    profiles.push({ label: c.label, summary: await profileCase({ id: c.id, fn: c.fn, ms: quick ? 300 : 1500 }) });
  }
  misses.push({ verdict, bound: target.explain?.(ns), profiles });
}

const bundle = await measureBundle();
console.log("shop state: building and signing a 10,000-event log…");
const state = await stateBench({ quick });
console.log("relay load over loopback…");
const relayLoad = await measureRelayLoad(quick ? { clients: 2, eventsPerClient: 100, warmupPerClient: 20, timeoutMs: 120_000 } : RELAY_LOAD);
const relayReaders = relayReadersSection(await measureRelayReaders({ quick }));
console.log("scaling: one event on shops of 100 to 50,000 orders, client full sync…");
const scaling = scalingSection(await measureScaling(quick ? SCALING_QUICK : SCALING_FULL));
const seconds = (performance.now() - started) / 1000;

const table = resultsTable(groups, ns, allocated);
const verdictTable = targetsTable(verdicts);
console.log(`\n${table}\n\nChromium:\n${chromiumSection(chromium, fallback)}\n\nTargets:\n${verdictTable}\n`);
console.log(`Bundle (sign and encode one event, Vite initial load): ${bundle.minified} B minified, ${bundle.gzip} B gzip; esbuild single file ${bundle.esbuildSingleFile.gzip} B gzip\n`);
console.log(missSection(misses));
console.log(`\nShop state:\n${state.text}`);
console.log(`\nRelay load:\n${relayLoadSection(relayLoad)}\n\n${relayReaders}`);
console.log(`\nScaling:\n${scaling}`);
console.log(`\nsuite time: ${seconds.toFixed(0)} s`);

if (!quick) writeFileSync(new URL("./RESULTS.md", import.meta.url), results());
await runWasmBench({ quick, resultsPath: quick ? undefined : new URL("./RESULTS.md", import.meta.url) });

function results(): string {
  const version = (pkg: string) => (JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), "utf8")) as { version: string }).version;
  return `<!--
SPDX-FileCopyrightText: 2026 Mass Market network-schema developers

SPDX-License-Identifier: MIT
-->

# Benchmark results

Written by \`npm run bench\` (bench/run.ts); regenerate rather than edit. All
figures come from one run in one process on the machine below, so the ratios
compare like with like; absolute numbers only mean something on this machine.

## Machine

${machineSection(now, load)}
- Libraries: viem ${version("viem")}, @noble/hashes ${version("@noble/hashes")}, @noble/curves ${version("@noble/curves")}, @bufbuild/protobuf ${version("@bufbuild/protobuf")}, secp256k1 ${version("secp256k1")}
- Paths: keccak-256 ${cryptoPaths().keccak}; native secp256k1 ${nativeNote}
- Suite time: ${seconds.toFixed(0)} s

## Method

Each case is timed with mitata's \`measure\` for at least ${options.minTimeMs} ms, in
${options.rounds} interleaved rounds (alternating order); the figure is the best
round's median time per operation. Before any timing every case's output is
checked against its reference (same digest, same signature, same signer; the
52 v3 vectors' EIP-191 hashes; byte-identical re-encoding), so a wrong fast
path fails the bench. Baselines get their inputs prepared outside the timing
(viem receives \`eventTypedData\`'s output). The keccak floor replays exactly
the keccak-256 calls hashEvent makes for the event (recorded by
bench/keccak-floor.ts, whose own EIP-712 walk is checked against viem) on
preallocated copies of their inputs, so its last output is the digest, checked
like every other case; it runs once on our keccak and once on @noble's.
"time ÷ ours" above 1 means ours is faster.

Every row names its paths in brackets: "keccak wasm" is our WebAssembly
keccak-256 (src/crypto/keccak.ts), "keccak JS @noble" is @noble/hashes (what
viem uses); "secp256k1 JS @noble" is @noble/curves, "secp256k1 native" the
libsecp256k1 addon of the \`secp256k1\` package, opted into with
\`selectSecp256k1Path\`. Relay verification opens SignedEvent bytes with the
shop's keycard set (three keycards: the session's first, as a relay builds it,
then another by public key and one by address) and checks membership; on the
portable path the session's keycard is checked with its precomputed table, on
the native path the signer is recovered.

Memory: heap bytes allocated per operation, the median of 15 bursts of 8
operations, each started right after a full garbage collection (so the burst's
heap growth is what it allocated); "allocated ÷ ours" above 1 means ours
allocates less.

## Results

${table}

## Chromium

The hashing suite (1) bundled with esbuild and run in headless Debian
Chromium with the flags of the browser tests (bench/browser.ts), with the same
checks before timing. Each case runs in batches of doubling size until one
takes at least ${options.minTimeMs} ms; the figure is the best of ${options.rounds} interleaved rounds'
mean time per operation (the page clock is too coarse for per-sample medians).

${chromiumSection(chromium, fallback)}

## Targets

${verdictTable}

## Bundle

${bundleSection(bundle)}

## Missed targets: what bounds them

${missSection(misses)}

## Shop state

${state.text}
## Relay load

${relayLoadSection(relayLoad)}

${relayReaders}

## Scaling

${scaling}
${keptRestartSection({ resultsPath: new URL("./RESULTS.md", import.meta.url) })}${keptStoreSection({ resultsPath: new URL("./RESULTS.md", import.meta.url) })}`;
}
