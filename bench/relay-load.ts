// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Bounded load on the reference relay over loopback: N clients each write M
// pre-signed ChangeInventory events (pipelined, at most 64 unanswered per
// client) to one shop through the relay CLI in its own process. Reports
// accepted events per second, write-to-ack latency, the relay's memory and
// CPU per event, and how much of that CPU one event's signature check takes
// (the rest is framing, the shop rules and the log).
import { create } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { type Address, numberToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { WebSocket } from "ws";
import { type ClientSession, connectClientSession, createKeycardSet, createSignedEvent, type KeycardSet, openSignedEvent, type SignedEvent, ShopEventSchema, signEvent } from "../src/index.js";
import { TEST_RELAY_DOMAIN } from "../src/testing.js";
import { connectRawReader, type RawReader } from "./raw-reader.js";
import { connectRawWriter, type RawWriter } from "./raw-writer.js";

export interface RelayLoadResult {
  readonly clients: number;
  readonly eventsPerClient: number;
  /** Untimed writes per client before the clock started. */
  readonly warmupPerClient: number;
  readonly accepted: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly relayRssMiB: number;
  readonly relayPeakRssMiB: number;
  readonly relayCpuMsPerEvent: number;
  /** The part of relayCpuMsPerEvent spent on the relay's own (main) thread. */
  readonly relayMainThreadCpuMsPerEvent: number;
  readonly verifyMsPerEvent: number;
  /** The floor's two measurements, before and after the timed load (verifyMsPerEvent is the cheaper). */
  readonly verifyMsPerEventBeforeAfter: readonly [number, number];
  /** CPU time of this process (the writers, and the subscribers when there are) per accepted event. */
  readonly writersCpuMsPerEvent: number;
  readonly subscribers: number;
  /** Writes in flight per writer. */
  readonly window: number;
  /** Pushes and events the subscribers received (0 without subscribers): events per push is the coalescing. */
  readonly pushes: number;
  readonly pushedEvents: number;
  readonly syncStatuses: number;
  /** Before the clock, the raw subscribers' catch-up on the shop's history: events pushed to them, and the relay's CPU per such event (logins and enrollments included). */
  readonly catchUp: { readonly pushedEvents: number; readonly relayCpuMsPerEvent: number; readonly relayMainThreadCpuMsPerEvent: number };
}

const WINDOW = 64;
// Untimed writes per client before the clock starts.
const WARMUP_PER_CLIENT = 300;
const SHOP = numberToBytes(23n, { size: 32 });
const main = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));
/** The compiled CLI (`npm run build`): how the package really runs, its verification workers loading compiled JavaScript, not tsx. */
export const BUILT_MAIN = fileURLToPath(new URL("../dist/src/cli/main.js", import.meta.url));

/** Compiles the package into dist/ (tsconfig.build.json), for runs with `built: true`. */
export function buildDist(): void {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: "inherit" });
}
const eth = { chainId: 1n, address: { raw: new Uint8Array(20) } };

/** The relay CLI in its own process on 127.0.0.1, killed after `timeoutMs` at the latest. */
export async function startRelayProcess({ timeoutMs, relayArgs = [], built = false }: { timeoutMs: number; relayArgs?: readonly string[] | undefined; built?: boolean | undefined }): Promise<{ url: string; http: string; relayAddress: Address; pid: number; stop: () => void }> {
  // RELAY_NODE_ARGS: node flags for the relay process (profiling: "--cpu-prof --cpu-prof-dir=/tmp/prof").
  const child = spawn(process.execPath, [...(process.env.RELAY_NODE_ARGS?.split(" ").filter(Boolean) ?? []), ...(built ? [BUILT_MAIN] : ["--import", "tsx", main]), "relay", "--quiet", "--host", "127.0.0.1", "--port", "0", ...relayArgs], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NODE_OPTIONS: "" } });
  const killer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const stop = () => {
    clearTimeout(killer);
    child.kill("SIGTERM");
  };
  try {
    const [url, addressLine] = await new Promise<string[]>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const lines = out.split("\n");
        if (lines.length > 3) resolve(lines);
      });
      child.once("exit", () => reject(new Error("relay exited early")));
    });
    if (url === undefined || addressLine === undefined) throw new Error("relay printed no URL");
    const http = url.replace(/^ws:/, "http:").replace(/\/v3\/sessions$/, "");
    return { url, http, relayAddress: addressLine.replace("relay address: ", "") as Address, pid: child.pid ?? 0, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

export async function measureRelayLoad({ clients, eventsPerClient, timeoutMs, relayArgs, subscribers = 0, window = WINDOW, built = false, rawReaders = false, rawWriters = false, warmupPerClient = WARMUP_PER_CLIENT }: { clients: number; eventsPerClient: number; timeoutMs: number; relayArgs?: readonly string[] | undefined; subscribers?: number | undefined; window?: number | undefined; built?: boolean | undefined; rawReaders?: boolean | undefined; rawWriters?: boolean | undefined; warmupPerClient?: number | undefined }): Promise<RelayLoadResult> {
  const relay = await startRelayProcess({ timeoutMs, relayArgs, built });
  const { url, http, relayAddress } = relay;
  const child = { pid: relay.pid };
  try {
    const keys = Array.from({ length: clients }, () => privateKeyToAccount(generatePrivateKey()));
    for (const account of keys) {
      const response = await fetch(`${http}/testing/enroll_keycard`, { method: "POST", body: JSON.stringify({ shopId: "23", publicKey: account.publicKey }) });
      if (response.status !== 201) throw new Error(`enrollment failed: ${response.status}`);
    }
    const sign = async (account: (typeof keys)[number], nonce: bigint, union: Parameters<typeof create<typeof ShopEventSchema>>[1] extends infer I ? (I extends { union?: infer U } ? U : never) : never) => {
      const event = create(ShopEventSchema, { nonce, shopId: { raw: SHOP }, timestamp: timestampFromMs(Date.now()), union });
      return createSignedEvent({ event, signature: await signEvent({ event, domain: TEST_RELAY_DOMAIN, account }) });
    };
    const first = keys[0] as (typeof keys)[number];
    const setup = await connectClientSession({ url, domain: TEST_RELAY_DOMAIN, relays: [relayAddress], WebSocket });
    await setup.login({ account: first });
    await setup.write({ events: [await sign(first, 1n, { case: "manifest", value: { tokenId: { raw: SHOP }, acceptedCurrencies: [eth], pricingCurrency: eth } })] });
    const listing = { id: { raw: numberToBytes(1n, { size: 8 }) }, price: { raw: numberToBytes(1n, { size: 32 }) }, metadata: { title: "load", description: "load", images: [] }, viewState: 1 };
    await setup.write({ events: [await sign(first, 2n, { case: "listing", value: listing })] });
    setup.close();

    // Signed up front: the measurement is the relay's, not the clients' signing.
    const batches: SignedEvent[][] = [];
    for (const [k, account] of keys.entries()) {
      const start = k === 0 ? 3n : 1n;
      const events: SignedEvent[] = [];
      for (let i = 0; i < warmupPerClient + eventsPerClient; i++) events.push(await sign(account, start + BigInt(i), { case: "changeInventory", value: { id: listing.id, diff: 1 } }));
      batches.push(events);
    }
    const checked = batches.map((events, k) => ({ events: events.slice(warmupPerClient), keycards: createKeycardSet({ keycards: [(keys[k] as (typeof keys)[number]).publicKey] }) }));
    const verifyBefore = verifyCost(checked);
    // Raw writers send frames encoded before the clock; ClientSession writers encode and check each write as an app does.
    const writers = await Promise.all(keys.map(async (account, k): Promise<RawWriter> => {
      const events = batches[k] ?? [];
      if (rawWriters) return connectRawWriter({ url, account, events });
      const session = await connectClientSession({ url, domain: TEST_RELAY_DOMAIN, relays: [relayAddress], WebSocket });
      await session.login({ account });
      return sessionWriter(session, events);
    }));
    // Warm-up, untimed: the relay's threads compile their hot code in the first thousands of events, as the floor is taken warm.
    await Promise.all(writers.map((writer) => writer.write({ count: warmupPerClient, window: WINDOW })));

    // Readers of the whole shop, logged in as keycards of it: every accepted event is pushed to each.
    const catchUpCpuBefore = cpuMs(child.pid ?? 0);
    const catchUpMainBefore = cpuMs(child.pid ?? 0, child.pid ?? 0);
    const readers: { close: () => void }[] = [];
    const raw: RawReader[] = [];
    for (let i = 0; i < subscribers; i++) {
      const account = privateKeyToAccount(generatePrivateKey());
      await fetch(`${http}/testing/enroll_keycard`, { method: "POST", body: JSON.stringify({ shopId: "23", publicKey: account.publicKey }) });
      // Raw readers answer pushes without opening the events: the relay's fan-out, not the readers' checks, is what is measured.
      if (rawReaders) {
        const reader = await connectRawReader({ url, account, shopId: 23n });
        raw.push(reader);
        readers.push(reader);
        continue;
      }
      const reader = await connectClientSession({ url, domain: TEST_RELAY_DOMAIN, relays: [relayAddress], WebSocket });
      await reader.login({ account });
      await reader.subscribe({ shopId: 23n });
      readers.push(reader);
    }
    // The readers were pushed the history (the warm-up among it): the clock starts once the relay has settled.
    if (subscribers > 0) await settled(child.pid ?? 0);
    const rawBefore = raw.map((reader) => ({ events: reader.events(), ...reader.frames() }));
    // Each reader was caught up on the history: most of it older than the events a relay keeps decoded, so read back from the store.
    const caughtUp = rawBefore.reduce((sum, reader) => sum + reader.events, 0);
    const catchUp = { pushedEvents: caughtUp, relayCpuMsPerEvent: (cpuMs(child.pid ?? 0) - catchUpCpuBefore) / Math.max(1, caughtUp), relayMainThreadCpuMsPerEvent: (cpuMs(child.pid ?? 0, child.pid ?? 0) - catchUpMainBefore) / Math.max(1, caughtUp) };
    const cpuBefore = cpuMs(child.pid ?? 0);
    const mainBefore = cpuMs(child.pid ?? 0, child.pid ?? 0);
    const ownBefore = process.cpuUsage();
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(writers.map((writer) => writer.write({ count: eventsPerClient, window, acked: (ms) => latencies.push(ms) })));
    const seconds = (performance.now() - started) / 1000;
    // Pushes may still be going out: the relay's CPU is read once it has settled.
    if (subscribers > 0) await settled(child.pid ?? 0);
    const cpu = cpuMs(child.pid ?? 0) - cpuBefore;
    // The relay's thread is the task whose id is the process's; the rest are its workers and V8's and libuv's threads.
    const mainCpu = cpuMs(child.pid ?? 0, child.pid ?? 0) - mainBefore;
    const own = process.cpuUsage(ownBefore);
    // The floor again after the load: the cheaper of the two is used, so a slow stretch of the machine during one cannot flatter the relay.
    const verifyAfter = verifyCost(checked);
    const pushed = raw.reduce((sum, reader, i) => {
      const before = rawBefore[i] as { events: number; pushes: number; syncStatuses: number };
      const frames = reader.frames();
      return { events: sum.events + reader.events() - before.events, pushes: sum.pushes + frames.pushes - before.pushes, syncStatuses: sum.syncStatuses + frames.syncStatuses - before.syncStatuses };
    }, { events: 0, pushes: 0, syncStatuses: 0 });
    for (const reader of readers) reader.close();
    const memory = rss(child.pid ?? 0);
    for (const writer of writers) writer.close();
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    return {
      clients,
      eventsPerClient,
      warmupPerClient,
      accepted: latencies.length,
      seconds,
      eventsPerSecond: latencies.length / seconds,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      relayRssMiB: memory.rss,
      relayPeakRssMiB: memory.peak,
      relayCpuMsPerEvent: cpu / latencies.length,
      relayMainThreadCpuMsPerEvent: mainCpu / latencies.length,
      catchUp,
      verifyMsPerEvent: Math.min(verifyBefore, verifyAfter),
      verifyMsPerEventBeforeAfter: [verifyBefore, verifyAfter],
      writersCpuMsPerEvent: (own.user + own.system) / 1000 / latencies.length,
      subscribers,
      window,
      pushes: pushed.pushes,
      pushedEvents: pushed.events,
      syncStatuses: pushed.syncStatuses,
    };
  } finally {
    relay.stop();
  }
}

/**
 * What opening one event costs in this process (type URL, decode, signature check
 * against the writer's own key, as the relay does), warmed up first.
 */
function verifyCost(writers: readonly { events: readonly SignedEvent[]; keycards: KeycardSet }[]): number {
  const open = (sample: (w: { events: readonly SignedEvent[] }) => readonly SignedEvent[]) => {
    let opened = 0;
    for (const writer of writers) {
      for (const signedEvent of sample(writer)) openSignedEvent({ signedEvent, domain: TEST_RELAY_DOMAIN, keycards: writer.keycards });
      opened += sample(writer).length;
    }
    return opened;
  };
  // Warmed on the first fifth (at most 20) three times over, so the JIT has settled (a cold first pass read up to
  // 25% dearer and flattered the ratio to it); then the median of three timed passes on up to 60 after it.
  const warm = (w: { events: readonly SignedEvent[] }) => Math.min(20, Math.floor(w.events.length / 5));
  for (let pass = 0; pass < 3; pass++) open((w) => w.events.slice(0, warm(w)));
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    // CPU time, like the relay's figure: wall time would count other processes' turns on a busy machine.
    const started = process.cpuUsage();
    const opened = open((w) => w.events.slice(warm(w), warm(w) + 60));
    const used = process.cpuUsage(started);
    passes.push(opened === 0 ? 0 : (used.user + used.system) / 1000 / opened);
  }
  return passes.sort((a, b) => a - b)[1] ?? 0;
}

/** Resolves once process `pid` used at most 20 ms of CPU in a quarter second. */
async function settled(pid: number): Promise<void> {
  for (let last = -1, now = cpuMs(pid); now - last > 20; last = now, now = cpuMs(pid)) await new Promise((resolve) => setTimeout(resolve, 250));
}

/** CPU time of process `pid` (all its threads), or of its thread `task` alone. */
function cpuMs(pid: number, task?: number): number {
  const fields = readFileSync(task === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${task}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export function rss(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}

/** The RESULTS.md section. */
export function relayLoadSection(r: RelayLoadResult): string {
  const share = r.relayCpuMsPerEvent === 0 ? 0 : (100 * r.verifyMsPerEvent) / r.relayCpuMsPerEvent;
  return [
    `${r.clients} clients × ${r.eventsPerClient} ChangeInventory events, one shop, relay CLI in its own process on 127.0.0.1, at most ${WINDOW} writes in flight per client, events signed before the clock starts and ${r.warmupPerClient} untimed writes per client first (the relay's threads compile their hot code over the first thousands of events; the signature-check floor is taken warm too); load average ${(loadavg()[0] ?? 0).toFixed(1)} at the end. CPU figures are CPU time; rates and latencies are wall time and depend on the machine's load.`,
    "",
    "| figure | value |",
    "| --- | --- |",
    `| accepted events | ${r.accepted} in ${r.seconds.toFixed(2)} s |`,
    `| accepted events per second | ${r.eventsPerSecond.toFixed(0)} |`,
    `| write-to-ack latency p50 / p99 | ${r.p50Ms.toFixed(1)} ms / ${r.p99Ms.toFixed(1)} ms |`,
    `| relay memory (RSS at the end / peak) | ${r.relayRssMiB.toFixed(0)} MiB / ${r.relayPeakRssMiB.toFixed(0)} MiB |`,
    `| relay CPU per accepted event | ${r.relayCpuMsPerEvent.toFixed(3)} ms |`,
    `| signature check per event (openSignedEvent with the writer's key, as the relay does; CPU time in the bench process) | ${r.verifyMsPerEvent.toFixed(3)} ms, ${share.toFixed(0)} % of the relay's CPU per event |`,
  ].join("\n");
}

/** A ClientSession writing `events` in order, one per write, through the raw writer's interface. */
function sessionWriter(session: ClientSession, events: readonly SignedEvent[]): RawWriter {
  let next = 0;
  const write = async ({ count, window, acked }: { count: number; window: number; acked?: (ms: number) => void }) => {
    const end = next + count;
    const lane = async () => {
      while (next < end) {
        const event = events[next++] as SignedEvent;
        const sent = performance.now();
        await session.write({ events: [event] });
        acked?.(performance.now() - sent);
      }
    };
    await Promise.all(Array.from({ length: window }, lane));
  };
  return { write, close: () => session.close() };
}
