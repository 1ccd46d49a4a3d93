// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The scaling benchmark (issue 18): the cost of one event (a guest's
// create_order and change_items, a clerk's Tag) folded into a shop of 100 to
// 50,000 orders, as a ratio to the same events on an empty shop (target ≤ 2×
// at 50,000); and a client's full sync of a 10,000-event log (open every
// event and fold it, pushes of 64 in one atomic step each, as ClientSession
// does) against opening the same events alone (target ≤ 1.3×).
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { type Address, numberToBytes } from "viem";
import { ShopEventSchema, type ShopEvent } from "../gen/market/mass/shop_events_pb.js";
import { createShopFold, createShopState, shopStateToJSON, type ShopState } from "../src/state/index.js";
import { keycardAddress } from "../src/wire/keycards.js";
import { openSignedEvent } from "../src/wire/open-signed-event.js";
import { domain } from "./fixtures.js";
import { buildStateLog, stateContext } from "./state-log.js";

type Union = NonNullable<MessageInitShape<typeof ShopEventSchema>["union"]>;
interface Party {
  readonly address: Address;
  readonly raw: Uint8Array;
}
interface Entry {
  readonly event: ShopEvent;
  readonly signer: Address;
}

export interface ScalingResult {
  /** Per shop size (orders): µs per event of each kind, and the ratio to the empty shop. */
  readonly sizes: { readonly orders: number; readonly us: Record<Kind, number>; readonly ratio: Record<Kind, number> }[];
  readonly sync: { readonly events: number; readonly openMs: number; readonly syncMs: number; readonly ratio: number };
  /** One-minute load average when the run started (the machine may be shared). */
  readonly load: number;
}

const KINDS = ["create_order", "change_items", "tag"] as const;
type Kind = (typeof KINDS)[number];
const SHOP = numberToBytes(0x5eedn, { size: 32 });
const RELAY = party(0xbe1a);
const CLERK = party(0xc1e4);
// Orders per flooding guest keycard, under MAX_GUEST_ACTIVE_ORDERS.
const PER_GUEST = 25;
// The measured guests: each creates and fills this many orders per round.
const ACTORS = 32;
const PER_ACTOR = 32;

function party(n: number): Party {
  const raw = secp256k1.getPublicKey(numberToBytes(n, { size: 32 }), false).slice(1);
  return { address: keycardAddress({ keycard: raw }), raw };
}

/** Unsigned events with per-signer nonces: the fold's cost is measured, not signing. */
class Events {
  private readonly nonces = new Map<string, bigint>();
  private seconds = 1_767_225_600n;
  next(by: Party, union: Union): Entry {
    const nonce = (this.nonces.get(by.address) ?? 0n) + 1n;
    this.nonces.set(by.address, nonce);
    return { event: create(ShopEventSchema, { nonce, shopId: { raw: SHOP }, timestamp: { seconds: (this.seconds += 1n) }, union }), signer: by.address };
  }
}

const oid = (n: number) => ({ raw: numberToBytes(n, { size: 8 }) });
const enroll = (who: Party, guest: boolean): Union => ({ case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: who.raw }, userWallet: { raw: guest ? new Uint8Array(20) : numberToBytes(0xc1, { size: 20 }) } } } } });
const addLine = (order: number): Union => ({ case: "updateOrder", value: { id: oid(order), action: { case: "changeItems", value: { adds: [{ listingId: oid(1), quantity: 1 }] } } } });

/** A shop with a clerk, a listing, the measured guests and `orders` orders of flooding guests (each order holding one line). */
function buildShop(orders: number, actors: readonly Party[]): { state: ShopState; events: Events } {
  const events = new Events();
  const fold = createShopFold({ state: createShopState({ context: { shopId: SHOP, relays: [RELAY.address] } }) });
  const apply = (by: Party, union: Union) => fold.apply(events.next(by, union));
  apply(RELAY, enroll(CLERK, false));
  apply(CLERK, { case: "manifest", value: { tokenId: { raw: SHOP }, payees: [], acceptedCurrencies: [] } });
  apply(CLERK, { case: "listing", value: { id: oid(1), price: { raw: numberToBytes(100n, { size: 32 }) }, metadata: { title: "pen", description: "a pen", images: [] }, viewState: 1 } });
  for (const actor of actors) apply(RELAY, enroll(actor, true));
  for (let made = 0, g = 0; made < orders; g++) {
    const guest = party(0x100000 + g);
    apply(RELAY, enroll(guest, true));
    for (let i = 0; i < PER_GUEST && made < orders; i++, made++) {
      apply(guest, { case: "createOrder", value: { id: oid(1_000_000 + made) } });
      apply(guest, addLine(1_000_000 + made));
    }
  }
  return { state: fold.snapshot(), events };
}

/** The measured events, by kind: each actor's new orders, a line in each, and the clerk's tags. */
function measuredEvents(events: Events, actors: readonly Party[]): Record<Kind, Entry[]> {
  const out: Record<Kind, Entry[]> = { create_order: [], change_items: [], tag: [] };
  actors.forEach((actor, a) => {
    for (let i = 0; i < PER_ACTOR; i++) out.create_order.push(events.next(actor, { case: "createOrder", value: { id: oid(a * 1000 + i + 1) } }));
  });
  actors.forEach((actor, a) => {
    for (let i = 0; i < PER_ACTOR; i++) out.change_items.push(events.next(actor, addLine(a * 1000 + i + 1)));
  });
  for (let i = 0; i < ACTORS * PER_ACTOR; i++) out.tag.push(events.next(CLERK, { case: "tag", value: { id: oid(500_000 + i), name: `tag ${i}` } }));
  return out;
}

/** Process CPU time in µs (user + system): on a shared machine, waiting for a core is not the event's cost. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** µs per event of each kind in one fresh fold of `state` (so the same events apply again in every round). */
function timeKinds(state: ShopState, kinds: Record<Kind, Entry[]>): Record<Kind, number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const fold = createShopFold({ state });
  const us = { create_order: 0, change_items: 0, tag: 0 };
  for (const kind of KINDS) {
    gc?.();
    const start = cpuMicros();
    for (const entry of kinds[kind]) fold.apply(entry);
    us[kind] = (cpuMicros() - start) / kinds[kind].length;
  }
  return us;
}

/** Client full sync of a signed log: opening every event alone, against opening and folding it in pushes of 64 (best of `rounds`). */
async function measureSync(length: number, rounds: number): Promise<ScalingResult["sync"]> {
  const log = await buildStateLog(length);
  const start = createShopState({ context: stateContext });
  const sync = () => {
    const fold = createShopFold({ state: start });
    for (let i = 0; i < log.signedEvents.length; i += 64) {
      fold.atomically(() => {
        for (const signedEvent of log.signedEvents.slice(i, i + 64)) fold.verify({ signedEvent, domain });
      });
    }
    return fold.state;
  };
  if (shopStateToJSON({ state: sync() }) !== shopStateToJSON({ state: log.state })) throw new Error("bench check failed: the synced state differs from the log's");
  let openMs = Infinity;
  let syncMs = Infinity;
  const openAll = () => {
    for (const signedEvent of log.signedEvents) openSignedEvent({ signedEvent, domain });
  };
  const cpuMs = (fn: () => unknown) => {
    const t = cpuMicros();
    fn();
    return (cpuMicros() - t) / 1000;
  };
  // Alternating which goes first, so neither always runs on a warmer JIT or a fuller heap.
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) openMs = Math.min(openMs, cpuMs(openAll));
    syncMs = Math.min(syncMs, cpuMs(sync));
    if (r % 2 === 1) openMs = Math.min(openMs, cpuMs(openAll));
  }
  return { events: length, openMs, syncMs, ratio: syncMs / openMs };
}

/**
 * Runs the scaling benchmark at the given shop sizes (orders) and sync length.
 * @example const result = await measureScaling({ sizes: [100, 1_000], syncEvents: 1_000, rounds: 3, syncRounds: 1 });
 */
export async function measureScaling({ sizes, syncEvents, rounds, syncRounds }: { sizes: readonly number[]; syncEvents: number; rounds: number; syncRounds: number }): Promise<ScalingResult> {
  const load = loadavg()[0] ?? 0;
  const actors = Array.from({ length: ACTORS }, (_, i) => party(0x200 + i));
  const shops = [0, ...sizes].map((orders) => {
    const { state, events } = buildShop(orders, actors);
    if (Object.keys(state.orders).length !== orders) throw new Error(`bench check failed: built ${Object.keys(state.orders).length} orders, not ${orders}`);
    return { orders, state, kinds: measuredEvents(events, actors) };
  });
  // A warm-up round, then rounds that visit every size in turn, so that load and JIT state touch all sizes alike; best per size and kind.
  const best = shops.map(() => ({ create_order: Infinity, change_items: Infinity, tag: Infinity }));
  for (let round = 0; round <= rounds; round++) {
    shops.forEach((shop, i) => {
      const us = timeKinds(shop.state, shop.kinds);
      if (round > 0) for (const kind of KINDS) best[i]![kind] = Math.min(best[i]![kind], us[kind]);
    });
  }
  const empty = best[0]!;
  const results = shops.map((shop, i) => {
    const us = best[i]!;
    console.log(`  ${shop.orders.toLocaleString("en-US")} orders: ${KINDS.map((k) => `${k} ${us[k].toFixed(1)} µs`).join(", ")}`);
    return { orders: shop.orders, us, ratio: Object.fromEntries(KINDS.map((k) => [k, us[k] / empty[k]])) as Record<Kind, number> };
  });
  return { sizes: results, sync: await measureSync(syncEvents, syncRounds), load };
}

/** The RESULTS.md section of a scaling run. */
export function scalingSection(result: ScalingResult): string {
  const largest = result.sizes[result.sizes.length - 1];
  const worst = largest === undefined ? 0 : Math.max(...KINDS.map((k) => largest.ratio[k]));
  const rows = result.sizes.map((s) => `| ${s.orders.toLocaleString("en-US")} | ${KINDS.map((k) => `${s.us[k].toFixed(1)} µs (${s.ratio[k].toFixed(2)}×)`).join(" | ")} |`);
  const { sync } = result;
  return [
    `One event folded into a shop of N orders (\`createShopFold\`, unsigned events: the fold alone), µs of process CPU time per event and the ratio to the empty shop; each order of the flood has one line, its guests 25 orders each (so N/25 more keycards and nonces). Best of the rounds (each a fresh fold of the same state, the sizes visited in turn, after a warm-up round). Load average at the start: ${result.load.toFixed(2)}.`,
    "",
    `| orders | ${KINDS.join(" | ")} |`,
    `|---|${KINDS.map(() => "---").join("|")}|`,
    ...rows,
    "",
    `Client full sync of ${sync.events.toLocaleString("en-US")} signed events (bench/state-log.ts), process CPU time: opening each (openSignedEvent) ${sync.openMs.toFixed(0)} ms; opening and folding in pushes of 64 (ShopFold.verify, one atomic step per push) ${sync.syncMs.toFixed(0)} ms: ${sync.ratio.toFixed(3)}×.`,
    "",
    `Targets: one event at ${largest?.orders.toLocaleString("en-US")} orders ≤ 2× the empty shop: ${worst.toFixed(2)}× — ${worst <= 2 ? "pass" : "MISS"}; full sync ≤ 1.3× opening alone: ${sync.ratio.toFixed(3)}× — ${sync.ratio <= 1.3 ? "pass" : "MISS"}.`,
    "",
  ].join("\n");
}


/** Full sizes (`npm run bench`, `-- --scaling`) and a smoke size (`--quick`). */
export const SCALING_FULL = { sizes: [100, 1_000, 10_000, 50_000], syncEvents: 10_000, rounds: 5, syncRounds: 2 } as const;
export const SCALING_QUICK = { sizes: [100, 1_000], syncEvents: 500, rounds: 2, syncRounds: 1 } as const;

/** Replaces the "## Scaling" section of bench/RESULTS.md (appended when missing), leaving every other section as it is. */
export function patchScalingSection(body: string): void {
  const path = new URL("./RESULTS.md", import.meta.url);
  const text = readFileSync(path, "utf8");
  const from = text.indexOf("## Scaling\n");
  const next = from < 0 ? -1 : text.indexOf("\n## ", from + 1);
  const section = `## Scaling\n\n${body}`;
  writeFileSync(path, from < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, from)}${section}${next < 0 ? "" : text.slice(next + 1)}`);
}
