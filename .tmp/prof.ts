import { buildStateLog, stateContext } from "../bench/state-log.ts";
import { createShopState, reduceShopLog } from "../src/state/index.ts";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
const log = await buildStateLog(10000);
const start = createShopState({ context: stateContext });
for (let i = 0; i < 2; i++) reduceShopLog({ state: start, events: log.events });
const s = new Session(); s.connect(); await s.post("Profiler.enable"); await s.post("Profiler.start");
let t = performance.now();
for (let i = 0; i < 5; i++) reduceShopLog({ state: start, events: log.events });
console.log("ms/fold", (performance.now() - t) / 5);
const { profile } = await s.post("Profiler.stop");
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = new Map<number, number>();
profile.samples.forEach((id: number, i: number) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
for (const n of profile.nodes as any[]) { const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0)); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k}`).join("\n"));
