// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Relay restart of a big shop: from its last snapshot plus the tail, against
// a full replay of the same log (every record verified again), in one run.
// The shop is one listing and N ChangeInventory events (a fold that stays
// cheap, so the replay measures verification, not today's collection copies),
// written through the relay with one snapshot where the tail is half the
// default snapshot interval: an average restart. Signing N events is
// slow, so the data directory is built once into os.tmpdir() under a version
// key and reused. After the snapshot restart it weighs the heap the relay
// keeps (referenced, minus after it is let go) against the snapshot's size
// plus a fixed base: the same relay restarted on a 3,000-event shop of the
// same kind, weighed the same way (what does not grow with the log).
import { create } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { numberToBytes, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ShopEventSchema } from "../gen/market/mass/shop_events_pb.js";
import { SHOP_STATE_VERSION } from "../src/state/shop-state.js";
import { shopStateToJSON } from "../src/state/shop-state-to-json.js";
import { createFileStore } from "../src/relay/file-store.js";
import { ReferenceRelay } from "../src/relay/reference-relay.js";
import { createRelaySigner } from "../src/relay/relay-signer.js";
import { loadSnapshotFiles } from "../src/relay/snapshot-file.js";
import { DEFAULT_SNAPSHOT_EVERY } from "../src/relay/snapshot-keeper.js";
import { TEST_RELAY_DOMAIN } from "../src/testing.js";
import { retainedHeap } from "./retained-heap.js";

/** Bump when the generated log would differ: the cache is keyed by it (and by the state version, so an older snapshot is never reused). */
const VERSION = `restart-v4-state${SHOP_STATE_VERSION}`;
const RELAY_KEY: Hex = `0x${"11".repeat(32)}`;
const CLERK_KEY: Hex = `0x${"22".repeat(32)}`;
const SHOP_ID = 23n;
/** Events of the small shop whose relay is the fixed base: past LOG_INDEX_CHECKPOINTS, so its index is as big as it gets. */
const BASE_EVENTS = 3000;
const shopRaw = numberToBytes(SHOP_ID, { size: 32 });
const ETH = { chainId: 1n, address: { raw: new Uint8Array(20) } };

export interface RestartResult {
  readonly events: number;
  readonly snapshotAt: number;
  readonly fullMs: number;
  readonly snapshotMs: number;
  readonly ratio: number;
  /** Both restarts ended in the same state. */
  readonly sameState: boolean;
  /** Heap the relay keeps after the snapshot restart, on a BASE_EVENTS-event shop of the same kind (the fixed base), and over an empty store (undefined without global.gc). */
  readonly retainedBytes: number | undefined;
  readonly baseBytes: number | undefined;
  readonly emptyBytes?: number | undefined;
  readonly baseEvents?: number | undefined;
  /** Each weighing cycle's bytes (the figures above are their medians). */
  readonly samples?: { readonly retained: readonly number[]; readonly base: readonly number[]; readonly empty: readonly number[] } | undefined;
  /** Length of the snapshot's state JSON. */
  readonly snapshotBytes: number;
}

/** Whether the relay keeps at most 3 × its snapshot plus the base (undefined when not measured). */
export function memoryMet(result: RestartResult): boolean | undefined {
  if (result.retainedBytes === undefined || result.baseBytes === undefined) return undefined;
  return result.retainedBytes <= 3 * result.snapshotBytes + result.baseBytes;
}

/** Builds (or reuses) the cached data directory of a shop with `events` events. */
export async function restartFixture({ events, tail = DEFAULT_SNAPSHOT_EVERY / 2, cacheRoot = tmpdir() }: { events: number; tail?: number | undefined; cacheRoot?: string | undefined }): Promise<{ directory: string; snapshotAt: number }> {
  const snapshotAt = events - tail;
  // One snapshot only: the next multiple of the interval lies past the log.
  if (snapshotAt <= events / 2) throw new Error(`a tail of ${tail} needs a log of more than ${2 * tail} events`);
  const directory = join(cacheRoot, `massmarket-bench-${VERSION}-${events}-${tail}`);
  if (existsSync(directory)) return { directory, snapshotAt };
  const building = `${directory}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { mode: 0o700 });
  const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: RELAY_KEY, store: await createFileStore({ directory: building }), snapshotEvery: snapshotAt });
  const clerk = privateKeyToAccount(CLERK_KEY);
  await relay.enrollKeycard({ shopId: SHOP_ID, publicKey: clerk.publicKey });
  const signer = createRelaySigner({ privateKey: CLERK_KEY, domain: TEST_RELAY_DOMAIN });
  const keycard = { address: clerk.address, shopId: shopRaw, guest: false };
  const id = { raw: numberToBytes(1, { size: 8 }) };
  const price = { raw: numberToBytes(100n, { size: 32 }) };
  const unions = [
    { case: "manifest", value: { tokenId: { raw: shopRaw }, payees: [], acceptedCurrencies: [ETH], pricingCurrency: ETH } },
    { case: "listing", value: { id, price, metadata: { title: "bench", description: "bench", images: [] }, viewState: 1 } },
  ] as const;
  let nonce = 0n;
  const sign = (union: unknown) => signer.sign(create(ShopEventSchema, { nonce: ++nonce, shopId: { raw: shopRaw }, timestamp: timestampFromMs(Date.now()), union: union as never }));
  await relay.write({ keycard, events: unions.map(sign) });
  // Enrollment, manifest and listing are 3 records; the rest change the stock.
  for (let written = 3; written < events; ) {
    const batch = Math.min(64, events - written);
    await relay.write({ keycard, events: Array.from({ length: batch }, () => sign({ case: "changeInventory", value: { id, diff: 1 } })) });
    written += batch;
  }
  await relay.close();
  renameSync(building, directory);
  return { directory, snapshotAt };
}

/** Times both restarts of the cached shop (the full one without the store's snapshots). */
export async function measureRestart({ events, tail, baseEvents = BASE_EVENTS, replay = true, cacheRoot = tmpdir() }: { events: number; tail?: number | undefined; baseEvents?: number | undefined; replay?: boolean | undefined; cacheRoot?: string | undefined }): Promise<RestartResult> {
  const { directory, snapshotAt } = await restartFixture({ events, tail, cacheRoot });
  let ms = 0;
  const openRelay = async (at: string, withSnapshots: boolean) => {
    const store = await createFileStore({ directory: at });
    const started = performance.now();
    // Without snapshots: no readRecord either, so the full replay's relay holds every record's bytes (as before).
    const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: RELAY_KEY, store: withSnapshots ? store : { load: store.load, append: store.append, close: store.close }, warn: (line) => console.warn(line) });
    ms = performance.now() - started;
    return relay;
  };
  const check = async (relay: ReferenceRelay) => {
    const json = shopStateToJSON({ state: relay.shopState({ shopId: SHOP_ID })! });
    const length = relay.shopLog({ shopId: SHOP_ID }).length;
    await relay.close();
    if (length !== events) throw new Error(`restart found ${length} events, not ${events}`);
    return json;
  };
  // Without global.gc nothing is weighed: one cycle each is enough.
  const cycles = (globalThis as { gc?: unknown }).gc === undefined ? 1 : 5;
  const full = replay ? await check(await openRelay(directory, false)) : undefined;
  const fullMs = replay ? ms : Number.NaN;
  // Timed first, from a cold open like the full replay; the heap is weighed after.
  const json = await check(await openRelay(directory, true));
  const snapshotMs = ms;
  const empty = mkdtempSync(join(cacheRoot, "massmarket-bench-empty-"));
  const emptyStore = await retainedHeap({ open: () => openRelay(empty, true), release: (relay) => relay.close(), cycles });
  rmSync(empty, { recursive: true, force: true });
  // The fixed base: the same kind of shop, small, its log index already at its cap.
  const small = await restartFixture({ events: baseEvents, tail: Math.floor(baseEvents / 3), cacheRoot });
  const base = await retainedHeap({ open: () => openRelay(small.directory, true), release: (relay) => relay.close(), cycles });
  const fromSnapshot = await retainedHeap({ open: () => openRelay(directory, true), release: (relay) => relay.close(), cycles });
  const snapshotBytes = (await loadSnapshotFiles({ directory })).snapshots[0]?.stateJson.length ?? 0;
  return { events, snapshotAt, fullMs, snapshotMs, ratio: snapshotMs / fullMs, sameState: replay ? full === json : true, retainedBytes: fromSnapshot.bytes, baseBytes: base.bytes, emptyBytes: emptyStore.bytes, baseEvents, snapshotBytes, samples: { retained: fromSnapshot.samples, base: base.samples, empty: emptyStore.samples } };
}

/** The RESULTS.md section. */
export function restartSection(result: RestartResult): string {
  const met = result.ratio <= 0.05 && result.sameState ? "met" : "MISSED";
  return `Relay restart of a ${result.events.toLocaleString("en-US")}-event shop (one listing, ChangeInventory events), snapshot at ${result.snapshotAt.toLocaleString("en-US")}, tail ${(result.events - result.snapshotAt).toLocaleString("en-US")}:

| restart | time |
| --- | --- |
| full replay (every record verified) | ${(result.fullMs / 1000).toFixed(2)} s |
| snapshot + tail | ${(result.snapshotMs / 1000).toFixed(2)} s |

Snapshot + tail / full replay: ${(result.ratio * 100).toFixed(1)}% (target ≤ 5%: ${met}); same state: ${result.sameState ? "yes" : "NO"}.
${memoryLines(result)}`;
}

const kib = (samples: readonly number[]) => samples.map((bytes) => (bytes / 1024).toFixed(0)).join(", ");

// Heap after the snapshot restart against 3 × the snapshot plus the fixed base.
function memoryLines(result: RestartResult): string {
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
  const met = memoryMet(result);
  if (met === undefined || result.retainedBytes === undefined || result.baseBytes === undefined) return "\nRetained heap: not measured (needs global.gc: run it with `npm run bench`).\n";
  return `
| heap the relay keeps after the snapshot restart (after gc: referenced − let go) | |
| --- | --- |
| retained by the relay | ${mib(result.retainedBytes)} (${(result.retainedBytes / result.events).toFixed(1)} bytes per event) |
| snapshot (state JSON) | ${mib(result.snapshotBytes)} |
| base: the same relay on a ${(result.baseEvents ?? BASE_EVENTS).toLocaleString("en-US")}-event shop of the same kind (its log index at its cap) | ${mib(result.baseBytes)} |
| a relay over an empty store | ${result.emptyBytes === undefined ? "not measured" : mib(result.emptyBytes)} |

Retained ≤ 3 × snapshot + base (${mib(3 * result.snapshotBytes + result.baseBytes)}): ${met ? "met" : "MISSED"}.
${result.samples === undefined ? "" : `\nEach figure is the median of ${result.samples.retained.length} cycles (open, weigh, close, weigh) after a warm-up; the cycles, in KiB: retained ${kib(result.samples.retained)}; base ${kib(result.samples.base)}; empty store ${kib(result.samples.empty)}.\n`}`;
}

/** `npm run bench -- --restart [--restart-events=N]`: runs only this bench and patches its RESULTS.md section. */
export async function runRestartBench({ argv, resultsPath }: { argv: readonly string[]; resultsPath: URL }): Promise<void> {
  const events = Number(argv.find((a) => a.startsWith("--restart-events="))?.split("=")[1] ?? 100_000);
  const result = await measureRestart({ events });
  const section = restartSection(result);
  console.log(section);
  writeFileSync(resultsPath, withRestartSection({ text: readFileSync(resultsPath, "utf8"), section }));
}

/** RESULTS.md text with the restart section replaced (or added at the end). */
export function withRestartSection({ text, section }: { text: string; section: string | undefined }): string {
  const at = text.indexOf(TITLE);
  const next = at < 0 ? -1 : text.indexOf("\n## ", at + 1);
  const body = section === undefined ? "" : `${TITLE}\n\n${section}`;
  if (at < 0) return body === "" ? text : `${text.trimEnd()}\n\n${body}`;
  return `${text.slice(0, at)}${body}${next < 0 ? "" : `\n${text.slice(next + 1)}`}`;
}

/** The restart section of an existing RESULTS.md, kept by a full run that does not measure it. */
export function keptRestartSection({ resultsPath }: { resultsPath: URL }): string {
  const text = existsSync(resultsPath) ? readFileSync(resultsPath, "utf8") : "";
  const at = text.indexOf(TITLE);
  if (at < 0) return "";
  const next = text.indexOf("\n## ", at + 1);
  return `\n${text.slice(at, next < 0 ? text.length : next + 1)}`;
}

const TITLE = "## Relay restart";
