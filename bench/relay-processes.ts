// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// "Relay processes" (issue 22): `massmarket-schema relay` processes on one
// PostgreSQL (fsync on, a throwaway cluster on loopback), 1 and 2 of them,
// beside one process on the file log (--data). 16 writers over WebSocket,
// spread over the processes, write to ONE shop, one event in flight each;
// events per second and p50/p99 write-to-ack latency. A write refused with
// STORE_FAILED (retry later, e.g. 64 lost append races) is sent again and
// counted. `npm run bench -- --processes [--quick]` runs only it and patches
// its section into RESULTS.md (not with --quick).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { generatePrivateKey } from "viem/accounts";
import type { Hex } from "viem";
import { WebSocket } from "ws";
import { type ClientSession, connectClientSession, ErrorCodes, isRelayError } from "../src/index.js";
import { TEST_RELAY_DOMAIN } from "../src/testing.js";
import { startPostgresCluster } from "../test/support/postgres-cluster.js";
import { withSection } from "./store-throughput.js";
import * as f from "../test/session/fixtures.js";
import { postJson, type RelayProcess, spawnRelay } from "../test/session/relay-process.js";

const WRITERS = 16;
const TITLE = "## Relay processes";

interface Row {
  readonly setup: string;
  readonly events: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly retries: number;
}

const hex = (bytes: Uint8Array): Hex => `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;

// Writers enrolled and logged in round-robin over the processes (writer w in shop w mod shops), then `count` one-event writes each.
async function measure(relays: readonly RelayProcess[], count: number, shopIds: readonly Uint8Array[]): Promise<Omit<Row, "setup">> {
  const writers = Array.from({ length: WRITERS }, (_, w) => new f.Writer(TEST_RELAY_DOMAIN, generatePrivateKey(), shopIds[w % shopIds.length]!));
  const sessions: ClientSession[] = [];
  for (const [w, writer] of writers.entries()) {
    const relay = relays[w % relays.length]!;
    const enrolled = await postJson(`${relay.httpUrl}/testing/enroll_keycard`, { shopId: hex(shopIds[w % shopIds.length]!), publicKey: writer.account.publicKey });
    if (enrolled.status !== 201) throw new Error(`enrollment failed: ${JSON.stringify(enrolled.json)}`);
    const session = await connectClientSession({ url: relay.url, domain: TEST_RELAY_DOMAIN, relays: [relay.relayAddress as Hex], WebSocket });
    await session.login({ account: writer.account });
    sessions.push(session);
  }
  for (const [i, shopId] of shopIds.entries()) await sessions[i]!.write({ events: [await writers[i]!.sign(f.manifest(shopId))] });
  const latencies: number[] = [];
  let retries = 0;
  const start = performance.now();
  await Promise.all(writers.map(async (writer, w) => {
    for (let i = 0; i < count; i++) {
      const event = await writer.sign(f.tag(w * 100_000 + i));
      const began = performance.now();
      for (;;) {
        try {
          await sessions[w]!.write({ events: [event] });
          break;
        } catch (error) {
          if (!isRelayError(error) || error.errorCode !== ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS) throw error;
          retries++;
        }
      }
      latencies.push(performance.now() - began);
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  for (const session of sessions) session.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { events: latencies.length, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), retries };
}

async function stopped(relays: readonly RelayProcess[]): Promise<void> {
  for (const relay of relays) relay.child.kill("SIGTERM");
  await Promise.all(relays.map((relay) => relay.exited));
}

/** Measures the three set-ups and prints (and, unless quick, patches into RESULTS.md) the section. */
export async function runRelayProcessesBench({ quick, resultsPath }: { quick: boolean; resultsPath: URL | undefined }): Promise<void> {
  const count = quick ? 10 : 100;
  const rows: Row[] = [];
  const load = loadavg()[0]!.toFixed(2);
  const directory = mkdtempSync(join(tmpdir(), "bench-relay-processes-"));
  const keyFile = join(directory, "relay.key");
  writeFileSync(keyFile, `${generatePrivateKey()}\n`, { mode: 0o600 });
  const cluster = await startPostgresCluster({ fsync: true });
  // One relay thread per process (no verification workers): the machine's cores go to the processes.
  const flags = ["--key-file", keyFile, "--quiet", "--verify-workers", "0"];
  try {
    const one = async () => [await spawnRelay(["--database", cluster.url, ...flags])];
    const two = async () => [await spawnRelay(["--database", cluster.url, ...flags]), await spawnRelay(["--database", cluster.url, ...flags])];
    const setups: [string, () => Promise<RelayProcess[]>, number][] = [
      ["file log (--data), 1 process, 1 shop", async () => [await spawnRelay(["--data", join(directory, "data"), ...flags])], 1],
      ["PostgreSQL, 1 process, 1 shop", one, 1],
      ["PostgreSQL, 2 processes, 1 shop", two, 1],
      ["PostgreSQL, 1 process, 16 shops", one, WRITERS],
      ["PostgreSQL, 2 processes, 16 shops", two, WRITERS],
    ];
    let next = 40;
    for (const [setup, start, shops] of setups) {
      const relays = await start();
      try {
        const first = next;
        next += shops;
        const shopIds = Array.from({ length: shops }, (_, s) => f.shopRaw.map((byte, k) => (k === 31 ? (first + s) & 0xff : k === 30 ? (first + s) >> 8 : byte)));
        rows.push({ setup, ...(await measure(relays, count, shopIds)) });
      } finally {
        await stopped(relays);
      }
    }
  } finally {
    cluster.stop();
    rmSync(directory, { recursive: true, force: true });
  }
  const section = [
    `${WRITERS} writers over WebSocket on one shop (or each on a shop of its own), ${count} one-event writes each, one in flight per writer, spread round-robin over the relay processes (\`massmarket-schema relay\`, one thread each, \`--verify-workers 0\`); PostgreSQL with fsync on, a throwaway cluster on loopback; load average ${load} at start. Over PostgreSQL each write catches the shop up, folds and appends before its ack (no pipelining past the store); two processes on one shop also lose append races (each catches up, folds again and retries inside the relay; a write refused with STORE_FAILED after 64 lost races is sent again by the writer, counted), so one busy shop is served fastest by one process, while shops spread over processes do not race. On a machine with ${cpus().length} cores, shared by the writers, PostgreSQL and the relays, a second process adds no CPU: it shows what sharing costs, not what it gains.`,
    "",
    "| set-up | events | events/s | p50 ack | p99 ack | writer retries |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.setup} | ${r.events} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.retries} |`),
  ].join("\n");
  console.log(section);
  if (resultsPath !== undefined) writeFileSync(resultsPath, withSection(readFileSync(resultsPath, "utf8"), section, TITLE));
}
