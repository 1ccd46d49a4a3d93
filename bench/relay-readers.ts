// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Two relay targets of issue 18, on the relay CLI in its own process:
// throughput with 16 writers against the single-core signature-verification
// floor (openSignedEvent per event, measured in this run), and the relay's RSS
// before and after 60 unauthenticated LISTING subscribers stop reading a shop
// many times larger than their push budget.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { numberToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { WebSocket } from "ws";
import { connectClientSession, createSignedEvent, DEFAULT_MAX_OUTSTANDING_PUSH_BYTES, ObjectType, ShopEventSchema, signEvent, type SignedEvent } from "../src/index.js";
import { TEST_RELAY_DOMAIN } from "../src/testing.js";
import { medianOf } from "./median-of.js";
import { buildDist, measureRelayLoad, type RelayLoadResult, rss, startRelayProcess } from "./relay-load.js";

export interface RelayReadersResult {
  /** The writers' round with the median throughput ÷ floor. */
  readonly writers: RelayLoadResult;
  /** Every round, in the order run. */
  readonly rounds: readonly RelayLoadResult[];
  readonly readers: number;
  readonly listings: number;
  readonly shopMiB: number;
  readonly rssBeforeMiB: number;
  /** With the readers connected, before they subscribe. */
  readonly rssConnectedMiB: number;
  readonly rssAfterMiB: number;
  /** Pushed bytes waiting in the kernel's queues of the relay's connections (sent, unread), once the readers stopped. */
  readonly queuedMiB: number;
}

const SHOP = numberToBytes(99n, { size: 32 });
const eth = { chainId: 1n, address: { raw: new Uint8Array(20) } };
// How long the stopped readers are left before the relay's RSS is read again.
const SETTLE_MS = 3_000;
// Rounds of the writers' measurement (each its own floor and load): the median is robust to one slow stretch of the machine.
const WRITER_ROUNDS = 3;

/** Accepted events per second of wall time over the single-core floor measured in the same run. */
function floorRatio(r: RelayLoadResult): number {
  return r.verifyMsPerEvent === 0 ? 0 : (r.eventsPerSecond * r.verifyMsPerEvent) / 1000;
}

/** Sizes: `quick` for a smoke run. */
export async function measureRelayReaders({ quick }: { quick: boolean }): Promise<RelayReadersResult> {
  // The relay on the floor's path (WASM, as this process), with its default signature-check workers, written to by
  // raw writers (frames encoded before the clock). The machine's speed drifts: each round measures its own floor and
  // load, and the round with the median ratio is the one reported.
  // The compiled package (dist/), as it is installed: its workers load compiled JavaScript, not tsx.
  buildDist();
  const rounds: RelayLoadResult[] = [];
  for (let round = 0; round < WRITER_ROUNDS; round++) rounds.push(await measureRelayLoad({ clients: 16, eventsPerClient: quick ? 60 : 500, warmupPerClient: quick ? 20 : undefined, timeoutMs: 600_000, relayArgs: ["--crypto", "wasm"], rawWriters: true, built: true }));
  const writers = medianOf(rounds, floorRatio);
  const readers = 60;
  const listings = quick ? 300 : 1_500;
  const relay = await startRelayProcess({ timeoutMs: 600_000 });
  try {
    const clerk = privateKeyToAccount(generatePrivateKey());
    const enrolled = await fetch(`${relay.http}/testing/enroll_keycard`, { method: "POST", body: JSON.stringify({ shopId: "99", publicKey: clerk.publicKey }) });
    if (enrolled.status !== 201) throw new Error(`enrollment failed: ${enrolled.status}`);
    let nonce = 0n;
    const sign = async (union: NonNullable<MessageInitShape<typeof ShopEventSchema>["union"]>): Promise<SignedEvent> => {
      const event = create(ShopEventSchema, { nonce: ++nonce, shopId: { raw: SHOP }, timestamp: timestampFromMs(Date.now()), union });
      return createSignedEvent({ event, signature: await signEvent({ event, domain: TEST_RELAY_DOMAIN, account: clerk }) });
    };
    const writer = await connectClientSession({ url: relay.url, domain: TEST_RELAY_DOMAIN, relays: [relay.relayAddress], WebSocket });
    await writer.login({ account: clerk });
    await writer.write({ events: [await sign({ case: "manifest", value: { tokenId: { raw: SHOP }, acceptedCurrencies: [eth], pricingCurrency: eth } })] });
    // Listings of about 2.3 KB (a long description), 32 to a write.
    let shopBytes = 0;
    for (let n = 1; n <= listings; n += 32) {
      const batch: SignedEvent[] = [];
      for (let i = n; i < n + 32 && i <= listings; i++) {
        batch.push(await sign({ case: "listing", value: { id: { raw: numberToBytes(i, { size: 8 }) }, price: { raw: numberToBytes(1n, { size: 32 }) }, metadata: { title: `item ${i}`, description: "d".repeat(2_100), images: [] }, viewState: 1 } }));
      }
      shopBytes += batch.reduce((sum, e) => sum + (e.event?.value.length ?? 0) + 70, 0);
      await writer.write({ events: batch });
    }
    writer.close();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const before = rss(relay.pid).rss;

    const sockets: WebSocket[] = [];
    class PausedSocket extends WebSocket {
      constructor(url: string) {
        super(url);
        sockets.push(this);
      }
    }
    const sessions = [];
    for (let i = 0; i < readers; i++) sessions.push(await connectClientSession({ url: relay.url, domain: TEST_RELAY_DOMAIN, relays: [relay.relayAddress], WebSocket: PausedSocket }));
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    // The connections' own cost, apart from what their subscriptions hold.
    const connected = rss(relay.pid).rss;
    for (const [i, session] of sessions.entries()) {
      session.subscribe({ shopId: 99n, filters: [{ objectType: ObjectType.LISTING }] }).catch(() => undefined);
      // Stops reading once the subscription is asked for: nothing of it is ever read.
      sockets[i]?.pause();
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const after = rss(relay.pid).rss;
    const queued = queuedBytes(Number(new URL(relay.url).port));
    for (const socket of sockets) socket.terminate();
    return { writers, rounds, readers, listings, shopMiB: shopBytes / 2 ** 20, rssBeforeMiB: before, rssConnectedMiB: connected, rssAfterMiB: after, queuedMiB: queued / 2 ** 20 };
  } finally {
    relay.stop();
  }
}

/**
 * Bytes in the kernel's TCP queues of connections to `port` on this machine
 * (Linux /proc/net/tcp): the relay's send queues and the readers' receive
 * queues. Loopback buffers take megabytes per connection, so a relay that
 * pushes everything at once shows it here rather than in its RSS.
 */
function queuedBytes(port: number): number {
  let total = 0;
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const [, local, remote, , queues] = line.trim().split(/\s+/);
      if (local === undefined || remote === undefined || queues === undefined) continue;
      const [tx = "0", rx = "0"] = queues.split(":");
      if (parseInt(local.split(":")[1] ?? "", 16) === port) total += parseInt(tx, 16);
      if (parseInt(remote.split(":")[1] ?? "", 16) === port) total += parseInt(rx, 16);
    }
  }
  return total;
}

/** The RESULTS.md lines (a part of the "Relay load" section). */
export function relayReadersSection(r: RelayReadersResult): string {
  const w = r.writers;
  const floor = w.verifyMsPerEvent === 0 ? 0 : 1000 / w.verifyMsPerEvent;
  const wallRatio = floorRatio(w);
  const roundRatios = r.rounds.map((round) => floorRatio(round).toFixed(2)).join(", ");
  // Events per second of relay CPU: what the relay sustains on one core of its own, whatever else the machine runs.
  const cpuRate = w.relayCpuMsPerEvent === 0 ? 0 : 1000 / w.relayCpuMsPerEvent;
  const cpuRatio = floor === 0 ? 0 : cpuRate / floor;
  // Each push is encoded once (protobuf's writer joins its chunks: two copies while encoding) before the socket takes it.
  const budgetMiB = (2 * r.readers * DEFAULT_MAX_OUTSTANDING_PUSH_BYTES) / 2 ** 20;
  const growth = r.rssAfterMiB - r.rssConnectedMiB;
  return [
    `### 16 writers, and ${r.readers} readers that stop reading`,
    "",
    `Each on its own relay process (the writers on the compiled CLI in dist/); load average ${(loadavg()[0] ?? 0).toFixed(1)} at the end. The floor is one core doing nothing but the relay's signature check (openSignedEvent with the writer's key, WASM, CPU time in this process); the relay (WASM, signature checks on its default worker threads, one per core) is judged on accepted events per second of wall time: workers add CPU per event and win by using every core, so the rate per second of relay CPU is shown beside it, with the load average (the writers share the machine). The writers are raw WebSocket clients (bench/raw-writer.ts) that send write frames encoded before the clock, ${w.warmupPerClient} untimed ones each first (a warm relay, as the floor is taken warm), and check each acknowledgement for a refusal: ${w.writersCpuMsPerEvent.toFixed(3)} ms of this process's CPU per event, where ClientSession writers take two to three times that from the cores the relay runs on (the "Verification pool" table has a ClientSession row). The machine's speed drifts by tens of percent within a run, so the writers' measurement runs ${r.rounds.length} times, each with its own floor, and the round with the median ratio is shown (ratios of the rounds, in order: ${roundRatios}). The readers are unauthenticated LISTING subscribers of a shop of ${r.listings} listings (${r.shopMiB.toFixed(1)} MiB) that never read after subscribing; each session's pushes are held to DEFAULT_MAX_OUTSTANDING_PUSH_BYTES (256 KiB) until acknowledged.`,
    "",
    "| figure | value | target |",
    "| --- | --- | --- |",
    `| 16 writers × ${w.eventsPerClient} events: accepted per second of relay CPU (${w.relayCpuMsPerEvent.toFixed(3)} ms each) | ${cpuRate.toFixed(0)} | |`,
    `| the same per second of wall time | ${w.eventsPerSecond.toFixed(0)} (p50 ${w.p50Ms.toFixed(0)} ms, p99 ${w.p99Ms.toFixed(0)} ms), ${wallRatio.toFixed(2)} × the floor | |`,
    `| signature-verification floor (1 / ${w.verifyMsPerEvent.toFixed(3)} ms, the cheaper of ${w.verifyMsPerEventBeforeAfter.map((ms) => ms.toFixed(3)).join(" ms before and ")} ms after the load) | ${floor.toFixed(0)} events/s | |`,
    `| throughput / floor (wall time; per second of relay CPU: ${cpuRatio.toFixed(2)}) | ${wallRatio.toFixed(2)} | ≥ 0.8: ${wallRatio >= 0.8 ? "met" : "missed"} |`,
    `| relay RSS: shop loaded / ${r.readers} readers connected / subscribed and stopped | ${r.rssBeforeMiB.toFixed(0)} / ${r.rssConnectedMiB.toFixed(0)} / ${r.rssAfterMiB.toFixed(0)} MiB (growth from the subscriptions ${growth.toFixed(1)} MiB) | flat: growth ≤ 2 × readers × budget (${budgetMiB.toFixed(0)} MiB), whatever the shop's size: ${growth <= budgetMiB ? "met" : "missed"} |`,
    `| pushed and unread, in the kernel's queues of these connections | ${r.queuedMiB.toFixed(1)} MiB | ≤ readers × budget (${(budgetMiB / 2).toFixed(0)} MiB): ${r.queuedMiB <= budgetMiB / 2 ? "met" : "missed"} |`,
    `| what pushing the whole shop to each would hold | ${(r.readers * r.shopMiB).toFixed(0)} MiB | |`,
  ].join("\n");
}
