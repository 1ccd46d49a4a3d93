// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Model-based tests: random command sequences (≥ 10,000 steps in all by
// default; STATE_MODEL_STEPS raises it) drive a shop through every kind of
// event, valid and not, and check after every step what must always hold.
import { create } from "@bufbuild/protobuf";
import fc from "fast-check";
import { bytesToHex, hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { ShopEventSchema, type ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import { createShopState } from "../../src/state/create-shop-state.js";
import { reduceShopLog } from "../../src/state/reduce-shop-log.js";
import { shopStateFromJSON } from "../../src/state/shop-state-from-json.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import type { ShopState } from "../../src/state/shop-state.js";
import { arbitraries } from "../support/arbitraries.js";
import {
  ADDRESS, clerk, context, enrollAll, ETH, guest, guest2, h32, LogBuilder, manifestUnion, oid, oidHex, type Party, PAYEE, relay, REGIONS, stranger, u256, type UnionInit,
} from "../support/shop-fixtures.js";

const STEPS = Number(process.env.STATE_MODEL_STEPS ?? 10_000);
const LENGTH = 250;
const RUNS = Math.max(1, Math.ceil(STEPS / LENGTH));
const DEFAULT_SEED = 20261126;
const SEED = Number(process.env.STATE_MODEL_SEED ?? DEFAULT_SEED);

const command = fc.record({
  kind: fc.constantFrom(
    "listing", "price", "addVariation", "removeVariation", "stock", "stock", "createOrder", "add", "add", "remove", "commit", "commit",
    "address", "choose", "details", "details", "decrement", "decrement", "pay", "cancel", "relayCancel", "shipStatus", "tag", "junk",
  ),
  a: fc.nat({ max: 7 }),
  b: fc.nat({ max: 7 }),
  n: fc.integer({ min: -4, max: 6 }),
  who: fc.nat({ max: 9 }),
  off: fc.constantFrom(0, 0, 0, 0, 1, -1),
  junk: arbitraries.event,
});
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

const hex = (raw: Uint8Array | undefined) => (raw === undefined ? "0x" : bytesToHex(raw));
const pick = <T>(values: readonly T[], i: number): T | undefined => (values.length === 0 ? undefined : values[i % values.length]);
const keycardOf = (who: number): Party => [guest, guest, guest2, clerk, clerk, clerk, relay, stranger, guest, clerk][who] as Party;
const signed = (s: { plus: boolean; amount: string } | null) => (s === null ? 0n : s.plus ? BigInt(s.amount) : -BigInt(s.amount));

const MAX = (1n << 256n) - 1n;
const inRange = (v: bigint) => v >= 0n && v <= MAX;

/** Unit prices of an order's lines at today's listing prices, written again independently of src/state/pricing.ts: null when one is missing or out of uint256. */
function oracleUnits(state: ShopState, orderId: string): bigint[] | null {
  const units: bigint[] = [];
  for (const line of state.orders[orderId]?.items ?? []) {
    const listing = state.listings[line.listingId];
    if (listing === undefined) return null;
    const variations = listing.options.flatMap((o) => o.variations);
    let unit = BigInt(listing.price);
    for (const v of line.variationIds) {
      const found = variations.find((x) => x.id === v);
      if (found === undefined) return null;
      unit += signed(found.diff);
    }
    if (!inRange(unit)) return null;
    units.push(unit);
  }
  return units;
}

/** The pricing rule written again: the unit prices the model recorded at commit (`frozen`), else today's; null when out of uint256. */
function oracleTotal(state: ShopState, orderId: string, region: string | null, frozen: ReadonlyMap<string, bigint[]>): bigint | null {
  const order = state.orders[orderId];
  if (order === undefined) return null;
  const units = frozen.get(orderId) ?? oracleUnits(state, orderId);
  if (units === null) return null;
  let total = 0n;
  for (const [i, line] of order.items.entries()) {
    const unit = units[i] as bigint;
    if (!inRange(unit * BigInt(line.quantity))) return null;
    total += unit * BigInt(line.quantity);
    if (!inRange(total)) return null;
  }
  const r = region === null ? undefined : state.manifest?.shippingRegions.find((x) => x.name === region);
  for (const m of r?.modifiers ?? []) {
    total = m.percentage !== null ? total + (total * BigInt(m.percentage)) / 100n : total + signed(m.absolute);
    if (!inRange(total)) return null;
  }
  return total;
}

/** Turns an abstract command into an event, using the current state to hit existing objects most of the time. */
function toEvent(state: ShopState, c: Command, log: LogBuilder, frozen: ReadonlyMap<string, bigint[]>): { by: Party; union: UnionInit } | { raw: ShopEvent; by: Party } {
  const listings = Object.values(state.listings);
  const orders = Object.values(state.orders);
  const listing = pick(listings, c.a);
  // Half the time an order in the status the command moves on from, so whole lifecycles happen on every seed.
  const from: Partial<Record<string, readonly string[]>> = { commit: ["open"], address: ["committed"], choose: ["committed"], details: ["payment_chosen"], pay: ["unpaid"] };
  const wanted = from[c.kind];
  const candidates = wanted !== undefined && c.n % 2 === 0 ? orders.filter((o) => wanted.includes(o.status) && (c.kind !== "address" || o.shippingAddress === null)) : orders;
  const ord = pick(candidates.length > 0 ? candidates : orders, c.b);
  const combo = (l = listing) => (l?.options ?? []).map((o) => pick(o.variations, c.b + c.a)?.id).filter((v): v is `0x${string}` => v !== undefined).map((v) => ({ raw: Uint8Array.from(Buffer.from(v.slice(2), "hex")) }));
  const orderId = ord === undefined ? oid(c.b) : { raw: Uint8Array.from(Buffer.from(ord.id.slice(2), "hex")) };
  const upOrder = (action: unknown): UnionInit => ({ case: "updateOrder", value: { id: orderId, action } }) as UnionInit;
  const listingId = listing === undefined ? oid(c.a) : { raw: Uint8Array.from(Buffer.from(listing.id.slice(2), "hex")) };
  switch (c.kind) {
    case "listing": {
      const price = c.off === 1 ? (1n << 255n) : BigInt(100 * (c.a + 1));
      const options = c.n > 0 ? [{ id: oid(1000 + c.a * 10), title: "o", variations: [0, 1, 2].slice(0, (c.b % 3) + 1).map((k) => ({ id: oid(2000 + c.a * 10 + k), diff: { plusSign: k !== 2, diff: u256(k * 50) } })) }] : [];
      return { by: clerk, union: { case: "listing", value: { id: oid(c.a + 1), price: u256(price), metadata: { title: "l", description: "d" }, viewState: 1, options } } };
    }
    case "price": return { by: clerk, union: { case: "updateListing", value: { id: listingId, price: u256(BigInt(50 * (c.b + 1))) } } };
    case "addVariation": return { by: clerk, union: { case: "updateListing", value: { id: listingId, addVariations: [{ optionId: oid(1000 + c.a * 10), variation: { id: oid(3000 + c.b), diff: { plusSign: c.n >= 0, diff: u256(Math.abs(c.n) * 10) } } }] } } };
    case "removeVariation": {
      const v = pick(listing?.options.flatMap((o) => o.variations) ?? [], c.b);
      return { by: clerk, union: { case: "updateListing", value: { id: listingId, removeVariationIds: [v === undefined ? oid(c.b) : { raw: Uint8Array.from(Buffer.from(v.id.slice(2), "hex")) }] } } };
    }
    case "stock": return { by: c.who === 6 ? relay : clerk, union: { case: "changeInventory", value: { id: listingId, variationIds: combo(), diff: c.n * 3 } } };
    case "createOrder": return { by: keycardOf(c.who), union: { case: "createOrder", value: { id: oid(500 + c.b) } } };
    case "add": return { by: keycardOf(c.who), union: upOrder({ case: "changeItems", value: { adds: [{ listingId, variationIds: combo(), quantity: Math.max(0, c.n) }] } }) };
    case "remove": {
      const line = pick(ord?.items ?? [], c.a);
      const removes = line === undefined ? [{ listingId, quantity: 1 }] : [{ listingId: { raw: Uint8Array.from(Buffer.from(line.listingId.slice(2), "hex")) }, variationIds: line.variationIds.map((v) => ({ raw: Uint8Array.from(Buffer.from(v.slice(2), "hex")) })), quantity: Math.max(1, line.quantity + c.off) }];
      return { by: keycardOf(c.who), union: upOrder({ case: "changeItems", value: { removes } }) };
    }
    case "commit": return { by: keycardOf(c.who), union: upOrder({ case: "commitItems", value: {} }) };
    case "address": return { by: keycardOf(c.who), union: upOrder({ case: c.a % 2 === 0 ? "setShippingAddress" : "setInvoiceAddress", value: ADDRESS }) };
    case "choose": return { by: keycardOf(c.who), union: upOrder({ case: "choosePayment", value: { currency: ETH, payee: PAYEE } }) };
    case "details": {
      // Every address is ADDRESS, in Germany: the rule picks "domestic" (docs/shop-state.md, "Shipping region"); one in four names another.
      const ruled = ord?.shippingAddress == null && ord?.invoiceAddress == null ? null : REGIONS[0];
      const region = c.a % 4 !== 3 ? ruled : ruled === null ? REGIONS[c.a % 2] : c.a % 8 === 3 ? null : REGIONS[1];
      const expected = ord === undefined ? 0n : (oracleTotal(state, ord.id, region?.name ?? null, frozen) ?? 0n);
      const total = expected + BigInt(c.off) < 0n ? 0n : expected + BigInt(c.off);
      return { by: c.who === 3 ? clerk : relay, union: upOrder({ case: "setPaymentDetails", value: { paymentId: h32(c.b + 1), total: u256(total), ttl: "1", ...(region === null ? {} : { shippingRegion: region }) } }) };
    }
    case "decrement": {
      // A relay may not decrement any more (the payment does): the old way of pairing a decrement with an unpaid line.
      const unpaid = orders.filter((o) => o.status === "unpaid");
      const o = pick(unpaid, c.b);
      const line = pick(o?.items ?? [], c.a);
      if (line === undefined) return { by: relay, union: { case: "changeInventory", value: { id: listingId, diff: -1 } } };
      const variationIds = line.variationIds.map((v) => ({ raw: Uint8Array.from(Buffer.from(v.slice(2), "hex")) }));
      return { by: c.who === 3 ? clerk : relay, union: { case: "changeInventory", value: { id: { raw: Uint8Array.from(Buffer.from(line.listingId.slice(2), "hex")) }, variationIds, diff: -(line.quantity + c.off) || -1 } } };
    }
    case "pay": return { by: c.who === 3 ? clerk : relay, union: upOrder({ case: "addPaymentTx", value: { txHash: h32(c.a + 9) } }) };
    case "cancel": return { by: keycardOf(c.who), union: upOrder({ case: "cancel", value: {} }) };
    case "relayCancel": return { by: relay, union: upOrder({ case: "cancel", value: {} }) };
    case "shipStatus": {
      // Mostly a paid order and a clerk, so the accepted case is reached on every seed.
      const paid = pick(orders.filter((o) => o.status === "paid"), c.a);
      const id = paid === undefined ? orderId : { raw: hexToBytes(paid.id) };
      return { by: c.who < 7 ? clerk : keycardOf(c.who), union: { case: "updateOrder", value: { id, action: { case: "setShippingStatus", value: "shipped" } } } };
    }
    case "tag": return { by: clerk, union: { case: "tag", value: { id: oid(700 + c.a), name: "t", listingIds: [listingId] } } };
    case "junk": {
      const raw = create(ShopEventSchema, c.junk);
      if (c.off === 0) raw.shopId = { $typeName: "market.mass.Uint256", raw: log.next(clerk, { case: "tag", value: {} }).event.shopId!.raw };
      return { raw, by: keycardOf(c.who) };
    }
  }
}

/** Stock recomputed from the accepted log and held units recomputed from the orders, against the state. */
function checkInventory(state: ShopState, diffs: Map<string, number>): void {
  const held = new Map<string, number>();
  for (const o of Object.values(state.orders)) {
    if (o.status !== "committed" && o.status !== "payment_chosen" && o.status !== "unpaid") continue;
    for (const l of o.items) {
      const key = [l.listingId, ...l.variationIds].join(":");
      held.set(key, (held.get(key) ?? 0) + l.quantity);
    }
  }
  for (const [key, s] of Object.entries(state.inventory)) {
    expect(s.committed).toBeGreaterThanOrEqual(0);
    expect(s.stock).toBeGreaterThanOrEqual(s.committed);
    expect(s.committed).toBe(held.get(key) ?? 0);
    expect(s.stock).toBe(diffs.get(key) ?? 0);
  }
  for (const [key, n] of held) expect(state.inventory[key]?.committed).toBe(n);
}

interface Run {
  readonly accepted: { event: ShopEvent; signer: `0x${string}` }[];
  readonly final: ShopState;
  readonly start: ShopState;
  readonly rejectedCodes: Set<string>;
}

function run(commands: readonly Command[]): Run {
  const log = new LogBuilder();
  enrollAll(log);
  log.push(clerk, manifestUnion());
  const start = reduceShopLog({ state: createShopState({ context }), events: log.entries });
  let state = start;
  const diffs = new Map<string, number>();
  const accepted: Run["accepted"] = [];
  const rejectedCodes = new Set<string>();
  const frozen = new Map<string, bigint[]>();
  for (const c of commands) {
    const step = toEvent(state, c, log, frozen);
    const entry = "raw" in step ? { event: step.raw, signer: step.by.address } : log.next(step.by, step.union);
    const before = state;
    const beforeJson = shopStateToJSON({ state: before });
    const eu = entry.event.union;
    const expectedTotal = !("raw" in step) && eu.case === "updateOrder" && eu.value.action.case === "setPaymentDetails"
      ? oracleTotal(before, hex(eu.value.id?.raw), eu.value.action.value.shippingRegion?.name ?? null, frozen)
      : undefined;
    try {
      state = applyShopEvent({ state: before, ...entry });
    } catch (error) {
      // Only typed rejections, and the state is exactly what it was.
      if (!isEventRejectedError(error)) throw error;
      rejectedCodes.add(error.reason ?? "");
      expect(shopStateToJSON({ state: before })).toBe(beforeJson);
      continue;
    }
    if (!("raw" in step)) {
      // Keep the builder's nonces in step with what was accepted.
      log.push(step.by, step.union);
    }
    accepted.push(entry);
    expect(shopStateToJSON({ state: before })).toBe(beforeJson);
    const u = entry.event.union;
    if (u.case === "changeInventory") {
      const key = [hex(u.value.id?.raw), ...u.value.variationIds.map((v) => hex(v.raw)).sort()].join(":");
      diffs.set(key, (diffs.get(key) ?? 0) + u.value.diff);
    }
    const id = u.case === "updateOrder" ? hex(u.value.id?.raw) : "";
    if (u.case === "updateOrder" && u.value.action.case === "addPaymentTx" && before.orders[id]?.status === "unpaid") {
      // The payment takes an unpaid order's lines out of stock; a second payment takes nothing.
      for (const l of before.orders[id]?.items ?? []) {
        const key = [l.listingId, ...l.variationIds].join(":");
        diffs.set(key, (diffs.get(key) ?? 0) - l.quantity);
      }
    }
    if (u.case === "updateOrder" && u.value.action.case === "commitItems") {
      // Prices freeze at commit: the model's own unit prices from the state before it.
      const units = oracleUnits(before, id);
      expect(units).not.toBeNull();
      frozen.set(id, units ?? []);
      expect(state.orders[id]?.items.map((l) => l.unitPrice)).toEqual((units ?? []).map(String));
    }
    if (expectedTotal !== undefined && u.case === "updateOrder" && u.value.action.case === "setPaymentDetails") {
      // Every accepted total (pricing currency = ETH = the only accepted currency) equals the pricing rules.
      expect(expectedTotal).not.toBeNull();
      expect(BigInt(hex(u.value.action.value.total?.raw))).toBe(expectedTotal);
    }
    checkInventory(state, diffs);
  }
  return { accepted, final: state, start, rejectedCodes };
}

describe(`shop state model (${RUNS} runs × ${LENGTH} commands)`, () => {
  it("rejections change nothing; inventory stays within bounds and matches the log; totals follow the pricing rules; a log folds to the same state at once, step by step, and across a snapshot", () => {
    const seen = new Set<string>();
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.array(command, { minLength: LENGTH, maxLength: LENGTH }), fc.nat(), (commands, cut) => {
        const { accepted, final, start, rejectedCodes } = run(commands);
        for (const code of rejectedCodes) seen.add(code);
        for (const e of accepted) kinds.add(e.event.union.case === "updateOrder" ? `updateOrder.${e.event.union.value.action.case}` : String(e.event.union.case));
        const whole = shopStateToJSON({ state: reduceShopLog({ state: start, events: accepted }) });
        // Determinism: the one-go fold equals the step-by-step fold, twice.
        expect(whole).toBe(shopStateToJSON({ state: final }));
        expect(shopStateToJSON({ state: reduceShopLog({ state: start, events: accepted }) })).toBe(whole);
        // Prefix, snapshot, restore, rest.
        const at = accepted.length === 0 ? 0 : cut % (accepted.length + 1);
        const prefix = reduceShopLog({ state: start, events: accepted.slice(0, at) });
        const restored = shopStateFromJSON({ json: shopStateToJSON({ state: prefix }) });
        expect(shopStateToJSON({ state: reduceShopLog({ state: restored, events: accepted.slice(at) }) })).toBe(whole);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The generator reaches the interesting places (checked on the default seed and length; other seeds
    // from STATE_MODEL_SEED still check every property above): every order action accepted, the main refusals.
    if (SEED !== DEFAULT_SEED || STEPS < 10_000) return;
    for (const k of ["listing", "changeInventory", "createOrder", "updateOrder.changeItems", "updateOrder.commitItems", "updateOrder.choosePayment", "updateOrder.setPaymentDetails", "updateOrder.addPaymentTx", "updateOrder.cancel", "updateOrder.setShippingStatus"]) {
      expect(kinds, k).toContain(k);
    }
    for (const code of ["OUT_OF_STOCK", "ORDER_STATUS", "TOTAL_MISMATCH", "REGION_MISMATCH", "CANCEL_NOT_JUSTIFIED", "RELAY_NOT_ALLOWED", "NOT_ORDER_OWNER", "UNKNOWN_KEYCARD", "NONCE_NOT_INCREASING"]) {
      expect(seen, code).toContain(code);
    }
  }, 120_000);
});
