// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// CPU profile of one benchmark case, taken in-process with the V8 inspector
// (the profile `node --cpu-prof` writes), summarised by where self time goes.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ProfileSummary {
  /** Where the .cpuprofile was written (open it in Chrome DevTools). */
  readonly file: string;
  readonly sampledMs: number;
  /** Share of self time per area (package or our folders), largest first. */
  readonly areas: readonly { readonly name: string; readonly share: number }[];
  /** The functions with the most self time. */
  readonly functions: readonly { readonly name: string; readonly share: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Runs `fn` repeatedly for about `ms` milliseconds under the sampling profiler. */
export async function profileCase({ id, fn, ms = 1500 }: { id: string; fn: () => unknown; ms?: number }): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    await session.post("Profiler.start");
    const end = performance.now() + ms;
    while (performance.now() < end) for (let k = 0; k < 8; k++) await fn();
    const { profile } = await session.post("Profiler.stop");
    const file = join(tmpdir(), `bench-${id}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return summarise(file, profile as unknown as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] });
  } finally {
    session.disconnect();
  }
}

function summarise(file: string, profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((nodeId, i) => {
    const node = nodes.get(nodeId);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node || node.callFrame.functionName === "(idle)") return;
    total += delta;
    const area = areaOf(node.callFrame);
    areas.set(area, (areas.get(area) ?? 0) + delta);
    const fn = `${node.callFrame.functionName || "(anonymous)"} (${area})`;
    functions.set(fn, (functions.get(fn) ?? 0) + delta);
  });
  const ranked = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, time]) => ({ name, share: total === 0 ? 0 : time / total }));
  return { file, sampledMs: total / 1000, areas: ranked(areas, 6), functions: ranked(functions, 6) };
}

function areaOf({ functionName, url }: { functionName: string; url: string }): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "V8 builtins";
  if (url.includes("@noble/hashes")) return "@noble/hashes";
  if (url.includes("@noble/curves")) return "@noble/curves";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const own = /\/(src|gen|bench)\/(.*)$/.exec(url);
  if (own) return `${own[1]}/${(own[2] as string).split("/")[0]}`;
  return url.startsWith("node:") ? "node internals" : url;
}
