// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Turns measured figures into the printed table, the target verdicts and bench/RESULTS.md.
import { arch, cpus, platform, release, totalmem } from "node:os";
import type { BundleReport } from "./bundle.js";
import type { ProfileSummary } from "./profile.js";
import type { Group, Target } from "./suite.js";

export interface Verdict {
  readonly target: Target;
  readonly ratio: number;
  readonly pass: boolean;
}

export interface Miss {
  readonly verdict: Verdict;
  readonly bound: string | undefined;
  readonly profiles: readonly { readonly label: string; readonly summary: ProfileSummary }[];
}

export function judge(targets: readonly Target[], ns: ReadonlyMap<string, number>): Verdict[] {
  return targets.map((target) => {
    const subject = figure(ns, target.subject);
    const reference = figure(ns, target.reference);
    const ratio = target.kind === "faster" ? reference / subject : subject / reference;
    return { target, ratio, pass: target.kind === "faster" ? ratio >= target.bound : ratio <= target.bound };
  });
}

function figure(ns: ReadonlyMap<string, number>, id: string): number {
  const value = ns.get(id);
  if (value === undefined) throw new Error(`bench: no measurement for ${id}`);
  return value;
}

/**
 * Markdown table of every group: ops/s, µs/op, heap bytes allocated per op, and
 * each row's time and allocation relative to the group's subject.
 */
export function resultsTable(groups: readonly Group[], ns: ReadonlyMap<string, number>, allocated: ReadonlyMap<string, number>): string {
  const lines = ["| Benchmark | ops/s | µs/op | time ÷ ours | kB allocated/op | allocated ÷ ours |", "| --- | ---: | ---: | ---: | ---: | ---: |"];
  for (const group of groups) {
    lines.push(`| **${group.title}** | | | | | |`);
    const subject = figure(ns, group.subject);
    const subjectBytes = figure(allocated, group.subject);
    for (const c of group.cases) {
      const time = figure(ns, c.id);
      const bytes = figure(allocated, c.id);
      const ours = c.id === group.subject;
      const relative = ours ? "1.00 (ours)" : `${(time / subject).toFixed(2)}`;
      const relativeBytes = ours ? "1.00 (ours)" : subjectBytes > 0 ? `${(bytes / subjectBytes).toFixed(2)}` : "–";
      lines.push(`| ${c.label} | ${Math.round(1e9 / time).toLocaleString("en-US")} | ${(time / 1000).toFixed(1)} | ${relative} | ${(bytes / 1000).toFixed(1)} | ${relativeBytes} |`);
    }
  }
  return lines.join("\n");
}

export function targetsTable(verdicts: readonly Verdict[]): string {
  const lines = ["| Target | Measured | Result |", "| --- | ---: | :---: |"];
  for (const { target, ratio, pass } of verdicts) {
    const measured = target.kind === "faster" ? `${ratio.toFixed(2)}× faster` : `${ratio.toFixed(2)}× the reference`;
    lines.push(`| ${target.text} | ${measured} | ${pass ? "PASS" : "**MISS**"} |`);
  }
  return lines.join("\n");
}

export function bundleSection(bundle: BundleReport): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const verdict = bundle.gzip <= 60_000 ? "PASS" : "**MISS**";
  const lazy = bundle.lazy.length === 0 ? "none" : bundle.lazy.map((c) => `\`${c.file}\` ${kb(c.gzip)} gzip`).join(", ");
  return [
    "Entry `bench/bundle/entry.ts` (create, ShopEventSchema, signEvent, toBinary, privateKeyToAccount), built as a browser app ships it: Vite production build (Rolldown, minified, code splitting). The initial load is the entry chunk and the chunks it imports statically, each gzipped (level 9) on its own.",
    "",
    "| Initial load, minified | Initial load, gzip | Target ≤ 60 kB gzip |",
    "| ---: | ---: | :---: |",
    `| ${bundle.minified.toLocaleString("en-US")} B (${kb(bundle.minified)}) | ${bundle.gzip.toLocaleString("en-US")} B (${kb(bundle.gzip)}) | ${verdict} |`,
    "",
    `- Lazy chunks (behind \`import()\`): ${lazy}.`,
    `- \`@noble/curves\` copies in the initial load: ${bundle.nobleCurvesCopies.map((c) => `\`${c}\``).join(", ") || "none"}.`,
    `- Second opinion, esbuild single file (no code splitting): ${bundle.esbuildSingleFile.minified.toLocaleString("en-US")} B minified, ${bundle.esbuildSingleFile.gzip.toLocaleString("en-US")} B (${kb(bundle.esbuildSingleFile.gzip)}) gzip. esbuild keeps every export of a module loaded with \`await import()\`, so viem's \`recoverAddress\` (the wallet check in \`signEvent\`) brings all of viem's secp256k1 module (Schnorr, hash-to-curve); Rolldown keeps only what is used.`,
    "",
    "Rendered bytes (after tree shaking, before minifying) by origin:",
    "",
    "| Origin | Rendered bytes |",
    "| --- | ---: |",
    ...bundle.packages.map((p) => `| ${p.name} | ${p.bytes.toLocaleString("en-US")} |`),
    "",
    "Largest modules:",
    "",
    "| Module | Rendered bytes |",
    "| --- | ---: |",
    ...bundle.inputs.map((i) => `| ${i.path} | ${i.bytes.toLocaleString("en-US")} |`),
  ].join("\n");
}

export function missSection(misses: readonly Miss[]): string {
  if (misses.length === 0) return "Every target was met in this run.";
  const parts: string[] = [];
  for (const { verdict, bound, profiles } of misses) {
    parts.push(`### ${verdict.target.text}: ${verdict.ratio.toFixed(2)}×`, "");
    if (bound) parts.push(bound, "");
    for (const { label, summary } of profiles) {
      const areas = summary.areas.map((a) => `${a.name} ${(100 * a.share).toFixed(0)}%`).join(", ");
      const fns = summary.functions.map((f) => `${f.name} ${(100 * f.share).toFixed(0)}%`).join(", ");
      parts.push(`- Profile of ${label} (${summary.sampledMs.toFixed(0)} ms sampled): self time by area: ${areas}. Top functions: ${fns}.`);
    }
    parts.push("");
  }
  return parts.join("\n");
}

/** Machine facts; `load` is the 1-minute load average when the run started. */
export function machineSection(now: Date, load: number): string {
  const cpu = cpus();
  const busy = load > cpu.length / 2 ? " (other work was running: expect noisier figures)" : "";
  return [
    `- CPU: ${cpu[0]?.model ?? "unknown"} (${cpu.length} cores)`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${platform()} ${release()} (${arch()})`,
    `- Node.js: ${process.version} (V8 ${process.versions.v8})`,
    `- Date: ${now.toISOString()}`,
    `- Load average at start: ${load.toFixed(2)}${busy}`,
  ].join("\n");
}
