// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: guests grow a shop with orders (every customer enrolls a keycard,
// each creates orders), then anyone's next event costs the relay, and every
// client folding the shop, a copy of the whole orders collection (and of the
// nonce tracker, one entry per keycard): one more create_order on a
// 10,000-order shop took 15–20 ms, a restart grew ×4.4 per doubling of the log.
// A second guest makes one order long: each added line re-sorted the whole
// order, so one 6 KB event on a 4,096-line order took over a second.
// Now the relay folds in place (a ShopFold): the work of one event is what it
// touches, the same at 100 orders as at 800; an order holds at most
// MAX_ORDER_LINES lines, sorted once per event. Work is counted (traps on the
// shop's collections and on order lines), never timed.
import type { Address } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { describe, expect, it } from "vitest";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { TEST_RELAY_DOMAIN } from "../../src/relay/start-test-relay.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import { MAX_ORDER_LINES } from "../../src/state/order-limits.js";
import { reduceShopLog } from "../../src/state/reduce-shop-log.js";
import type { ShopState } from "../../src/state/shop-state.js";
import { createShopState } from "../../src/state/create-shop-state.js";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { addItems, changeInventory, createOrder, listing, manifest, shopRaw, tag, type UnionInit, Writer } from "../session/fixtures.js";
import { clerk, context, enrollAll, guest, LogBuilder, manifestUnion, oid, oidHex } from "../support/shop-fixtures.js";

const domain = TEST_RELAY_DOMAIN;
const ORDERS_PER_GUEST = 25;

/** Counts every trap on `target`: a key listing counts as many as it returns (what a copy or a scan costs). */
function counting<T extends object>(target: T, counter: { n: number }): T {
  return new Proxy(target, {
    get: (o, k, r) => ((counter.n += 1), Reflect.get(o, k, r)),
    has: (o, k) => ((counter.n += 1), Reflect.has(o, k)),
    getOwnPropertyDescriptor: (o, k) => ((counter.n += 1), Reflect.getOwnPropertyDescriptor(o, k)),
    ownKeys: (o) => {
      const keys = Reflect.ownKeys(o);
      counter.n += keys.length;
      return keys;
    },
  });
}

/** The relay's live state of the test shop with its collections and nonce map behind counting traps. */
function watchShop(relay: ReferenceRelay, counter: { n: number }): void {
  const state = relay.shopState({ shopId: shopRaw }) as { -readonly [K in keyof ShopState]: ShopState[K] };
  for (const name of ["keycards", "listings", "tags", "inventory", "orders"] as const) state[name] = counting(state[name], counter) as never;
  state.nonces = { lastNonces: counting(state.nonces.lastNonces, counter) };
}

/** A relay holding a shop whose guests created `orders` orders, with a clerk, a listing and a fresh guest to act next. */
async function floodedRelay(orders: number) {
  const relay = await ReferenceRelay.open({ domain, privateKey: generatePrivateKey() });
  const write = async (writer: Writer, unions: readonly UnionInit[], guest: boolean) =>
    relay.write({ keycard: { address: writer.account.address as Address, shopId: shopRaw, guest }, events: await Promise.all(unions.map((u) => writer.sign(u))) });
  const owner = new Writer(domain);
  await relay.enrollKeycard({ shopId: shopRaw, publicKey: owner.account.publicKey });
  await write(owner, [manifest(), listing(1), changeInventory(1, 1000)], false);
  for (let made = 0; made < orders; made += ORDERS_PER_GUEST) {
    const customer = new Writer(domain);
    await relay.enrollKeycard({ shopId: shopRaw, publicKey: customer.account.publicKey, guest: true });
    await write(customer, Array.from({ length: Math.min(ORDERS_PER_GUEST, orders - made) }, (_, i) => createOrder(10_000 + made + i)), true);
  }
  const next = new Writer(domain);
  await relay.enrollKeycard({ shopId: shopRaw, publicKey: next.account.publicKey, guest: true });
  return { relay, owner, next };
}

/** Work (trap count) of the relay accepting a guest's create_order and change_items and a clerk's Tag. */
async function nextEventsWork(orders: number): Promise<{ createOrder: number; changeItems: number; tag: number; orders: number }> {
  const { relay, owner, next } = await floodedRelay(orders);
  const counter = { n: 0 };
  watchShop(relay, counter);
  const work = async (writer: Writer, union: UnionInit, guest: boolean) => {
    // Signing happens before the count starts: only the relay's fold is measured.
    const signed = await writer.sign(union);
    const before = counter.n;
    await relay.write({ keycard: { address: writer.account.address as Address, shopId: shopRaw, guest }, events: [signed] });
    return counter.n - before;
  };
  const result = {
    createOrder: await work(next, createOrder(1), true),
    changeItems: await work(next, addItems(1, 1, 2), true),
    tag: await work(owner, tag(7), false),
    orders: Object.keys(relay.shopState({ shopId: shopRaw })?.orders ?? {}).length,
  };
  await relay.close();
  return result;
}

describe("guests flood a shop with orders, then the relay accepts one more event", () => {
  it("does the same bounded work at 100 and at 800 orders: no copy of the orders, the keycards or the nonces", async () => {
    const small = await nextEventsWork(100);
    const large = await nextEventsWork(800);
    expect(large.orders).toBe(801);
    // A copy of the orders alone would be over 800 traps; the event touches a few entries.
    for (const kind of ["createOrder", "changeItems", "tag"] as const) {
      expect(large[kind], kind).toBeLessThanOrEqual(16);
      expect(large[kind], kind).toBe(small[kind]);
    }
  }, 120_000);
});

describe("a guest makes one order long", () => {
  // One listing whose option has 2,000 variations: every line of the order is a distinct key.
  const VARIATIONS = 2000;
  const log = new LogBuilder();
  enrollAll(log);
  log.push(clerk, manifestUnion());
  log.push(clerk, { case: "listing", value: { id: oid(1), price: { raw: new Uint8Array(32) }, metadata: { title: "t", description: "d", images: [] }, options: [{ id: oid(2), variations: Array.from({ length: VARIATIONS }, (_, i) => ({ id: oid(100 + i) })) }] } });
  log.push(guest, { case: "createOrder", value: { id: oid(9) } });
  const lines = (from: number, count: number): UnionInit => ({
    case: "updateOrder",
    value: { id: oid(9), action: { case: "changeItems", value: { adds: Array.from({ length: count }, (_, i) => ({ listingId: oid(1), variationIds: [oid(100 + from + i)], quantity: 1 })) } } },
  });
  const HELD = 200;
  log.push(guest, lines(0, HELD));
  const base = reduceShopLog({ state: createShopState({ context }), events: log.entries });

  /** The base state with each line of order 9 behind counting traps; the event's own lines are new objects. */
  function watchedLines(counter: { n: number }): ShopState {
    const order = base.orders[oidHex(9)]!;
    return { ...base, orders: { ...base.orders, [order.id]: { ...order, items: order.items.map((line) => counting(line, counter)) } } };
  }

  function applyCounting(union: UnionInit): { work: number; state?: ShopState; error?: unknown } {
    const counter = { n: 0 };
    const state = watchedLines(counter);
    const { event, signer } = log.next(guest, union) as { event: ShopEvent; signer: Address };
    try {
      const next = applyShopEvent({ state, event, signer });
      return { work: counter.n, state: next };
    } catch (error) {
      return { work: counter.n, error };
    }
  }

  it("reads each held line a bounded number of times when an event adds many lines (one sort per event)", () => {
    const added = MAX_ORDER_LINES - HELD;
    const { work, state } = applyCounting(lines(HELD, added));
    expect(state?.orders[oidHex(9)]?.items).toHaveLength(MAX_ORDER_LINES);
    // The old per-line sort read every held line's key in every comparison, for every added line.
    expect(work).toBeLessThanOrEqual(4 * HELD);
  });

  it("refuses to grow an order past MAX_ORDER_LINES, after work bounded by the order's lines", () => {
    const { work, error } = applyCounting(lines(HELD, VARIATIONS - HELD));
    expect(isEventRejectedError(error) && error.reason).toBe("ORDER_LINE_LIMIT");
    expect(work).toBeLessThanOrEqual(4 * HELD);
  });
});

