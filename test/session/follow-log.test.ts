// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Following the log (issue 21): events() from the history on and then live,
// synced() after another session's write and after a failed subscribe,
// waitFor's typed timeout, and a guest's customer view of its orders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientSession, ClientSession as Session, CUSTOMER_VIEW_FILTERS, customerOrderTotal, foldCustomerView, isRelayError, isSessionError, listingUnitPrice, type PushedEvent, uint256 } from "../../src/index.js";
import { startTestRelay, TEST_RELAY_DOMAIN, type TestRelay } from "../../src/testing.js";
import * as f from "./fixtures.js";
import { RelaySession } from "../../src/session/relay-session.js";
import { connectInMemory } from "../relay/memory-pair.js";
import { ManualClock, openRelay, Recorder } from "./harness.js";

let relay: TestRelay;
let owner: f.Writer;
let guest: f.Writer;
let clerk: f.Writer;
const EU = { name: "EU", country: "DE", postalCode: "", city: "", orderPriceModifiers: [{ title: "VAT", modification: { case: "percentage" as const, value: uint256({ value: 19n }) } }] };

async function connected(writer: f.Writer): Promise<ClientSession> {
  const session = await relay.connect();
  await session.login({ account: writer.account });
  return session;
}

beforeAll(async () => {
  relay = await startTestRelay();
  owner = new f.Writer(relay.domain);
  guest = new f.Writer(relay.domain);
  clerk = new f.Writer(relay.domain);
  await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
  await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: owner.account.publicKey });
  await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: guest.account.publicKey, guest: true });
  const shop = await connected(owner);
  const variations = { case: "updateListing" as const, value: { id: { raw: f.id8(1) }, addOptions: [{ id: { raw: f.id8(10) }, title: "size", variations: [{ id: { raw: f.id8(11) }, variationInfo: { title: "M", description: "m" } }, { id: { raw: f.id8(12) }, variationInfo: { title: "L", description: "l" }, diff: { plusSign: true, diff: uint256({ value: 50n }) } }] }] } };
  for (const union of [f.manifest(), { case: "updateManifest" as const, value: { addShippingRegions: [EU] } }, f.listing(1, 1000n), variations, f.tag(5)]) await shop.write({ events: [await owner.sign(union)] });
  shop.close();
});
afterAll(async () => {
  await relay.close();
});

describe("events()", () => {
  it("yields the history delivered before it was made, then live events, and ends at the close", async () => {
    const watcher = await relay.connect();
    await watcher.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: "LISTING" }, { objectType: "TAG" }] });
    await watcher.synced();
    // Made after the history arrived: a listener added now (`on`) would miss it; the iterator does not.
    const iterator = watcher.events();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const pushed of iterator) seen.push(`${pushed.seqNo}:${pushed.event.union.case}`);
    })();
    const shop = await connected(owner);
    await shop.write({ events: [await owner.sign(f.updateTag(5, 1))] });
    await watcher.waitFor({ until: () => seen.some((s) => s.endsWith(":updateTag")), timeout: 10_000 });
    watcher.close();
    shop.close();
    await reading;
    expect(seen.map((s) => s.split(":")[1])).toEqual(["listing", "updateListing", "tag", "updateTag"]);
    // From a seq_no: only what follows.
    const later: PushedEvent[] = [];
    for await (const pushed of watcher.events({ fromSeqNo: 7n })) later.push(pushed);
    expect(later.every((p) => p.seqNo >= 7n) && later.length).toBeGreaterThan(0);
  });
});

describe("synced()", () => {
  it("settles only after another session's write acknowledged before the call is applied", async () => {
    const follower = await connected(clerk);
    await follower.subscribe({ shopId: f.SHOP_ID });
    await follower.synced();
    const shop = await connected(owner);
    for (let n = 0; n < 5; n++) {
      const id = 40 + n;
      await shop.write({ events: [await owner.sign(f.tag(id))] });
      // The writer has its answer: the follower's synced() must now include the tag.
      await follower.synced();
      expect(follower.state?.tags[f.hex8(id)]?.name).toBe(`tag ${id}`);
    }
    shop.close();
    follower.close();
  });

  it("waits for the SyncStatus a write announced even when the follower's link is slower than the writer's", async () => {
    const backend = await openRelay();
    const clock = new ManualClock();
    const writer = new f.Writer(TEST_RELAY_DOMAIN);
    await backend.enrollKeycard({ shopId: f.SHOP_ID, publicKey: writer.account.publicKey });
    const shop = connectInMemory(backend, clock);
    await shop.login({ account: writer.account });
    await shop.write({ events: [await writer.sign(f.manifest())] });
    // The follower's frames from the relay are held while `slow`, and released a macrotask later.
    let slow = false;
    let follower: ClientSession | undefined;
    const held: Uint8Array[] = [];
    const release = () => {
      for (const frame of held.splice(0)) follower?.receive({ frame });
    };
    const server = new RelaySession({ transport: { send: (frame) => (slow ? held.push(frame) && setTimeout(release, 5) : queueMicrotask(() => follower?.receive({ frame }))), close: () => undefined }, backend, clock });
    follower = new Session({ transport: { send: (frame) => queueMicrotask(() => server.receive({ frame })), close: () => undefined }, domain: TEST_RELAY_DOMAIN, relays: [backend.address], clock });
    const tags: string[] = [];
    follower.on((e) => e.type === "events" && tags.push(...e.events.flatMap((p) => (p.event.union.case === "tag" ? [p.event.union.value.name] : []))));
    await follower.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: "TAG" }] });
    await follower.synced();
    slow = true;
    await shop.write({ events: [await writer.sign(f.tag(1, "late"))] });
    // The write is acknowledged; the follower has not read its SyncStatus yet.
    await follower.synced();
    expect(tags).toEqual(["late"]);
  });

  it("rejects with NOT_SUBSCRIBED when the subscription was refused, instead of never settling", async () => {
    const session = await relay.connect();
    const refused = await session.subscribe({ shopId: 999n, filters: [{ objectType: "LISTING" }] }).catch((e: unknown) => e);
    expect(isRelayError(refused)).toBe(true);
    const error = await session.synced().catch((e: unknown) => e);
    expect(isSessionError(error) && error.problem).toBe("NOT_SUBSCRIBED");
    session.close();
    const closed = await session.synced().catch((e: unknown) => e);
    expect(isSessionError(closed) && closed.problem).toBe("CLOSED");
  });
});

describe("waitFor()", () => {
  it("rejects with WAIT_TIMEOUT at its deadline on the session clock, and CLOSED when the session closes", async () => {
    const clock = new ManualClock();
    const session = new Session({ transport: new Recorder(), domain: TEST_RELAY_DOMAIN, clock });
    const never = session.waitFor({ until: ({ state }) => state?.manifest, timeout: 5_000 }).catch((e: unknown) => e);
    expect(session.nextDeadline()).toBeLessThanOrEqual(5_000);
    clock.time = 5_000;
    session.tick();
    const error = await never;
    expect(isSessionError(error) && [error.problem, error.path]).toEqual(["WAIT_TIMEOUT", "timeout"]);
    const pending = session.waitFor({ until: () => false, timeout: Infinity }).catch((e: unknown) => e);
    session.close();
    const closed = await pending;
    expect(isSessionError(closed) && closed.problem).toBe("CLOSED");
  });
});

describe("a guest's customer view", () => {
  it("folds the manifest, listings, tags and its own order with status, unit prices and totals", async () => {
    const customer = await connected(guest);
    await customer.subscribe({ shopId: f.SHOP_ID, filters: CUSTOMER_VIEW_FILTERS });
    await customer.synced();
    const view = customer.view;
    expect(view?.manifest?.shippingRegions.map((r) => r.name)).toEqual(["EU"]);
    const listing = view?.listings[f.hex8(1)];
    if (listing === undefined) throw new Error("no listing in the view");
    // One id type: bigint, 0x-hex and bytes name the same variation.
    expect([listingUnitPrice({ listing }), listingUnitPrice({ listing, variationIds: [12n] }), listingUnitPrice({ listing, variationIds: [f.hex8(11)] }), listingUnitPrice({ listing, variationIds: [f.id8(12)] })]).toEqual([1000n, 1050n, 1000n, 1050n]);
    expect(Object.keys(view?.tags ?? {})).toContain(f.hex8(5));

    const shop = await connected(owner);
    await shop.write({ events: [await owner.sign({ case: "changeInventory", value: { id: { raw: f.id8(1) }, variationIds: [{ raw: f.id8(12) }], diff: 5 } })] });
    shop.close();
    const add = { case: "updateOrder" as const, value: { id: { raw: f.id8(7) }, action: { case: "changeItems" as const, value: { adds: [{ listingId: { raw: f.id8(1) }, variationIds: [{ raw: f.id8(12) }], quantity: 2 }] } } } };
    for (const union of [f.createOrder(7), add, f.invoiceAddress(7), f.commitItems(7), f.choosePayment(7)]) await customer.write({ events: [await guest.sign(union)] });
    const order = await customer.waitFor({ until: ({ view }) => view?.orders[f.hex8(7)]?.status === "unpaid" && view.orders[f.hex8(7)], timeout: 10_000 });
    expect(order.lines.map((l) => [l.price, l.lineTotal])).toEqual([[1050n, 2100n]]);
    // The relay charges the region the shipping-region rule picks for the invoice address (EU: 19% VAT, then the flat fee).
    expect(order.paymentDetails?.shippingRegion).toBe("EU");
    expect([order.subtotal, order.total, order.charged]).toEqual([2100n, 2499n, 2499n]);
    expect(customer.view && customerOrderTotal({ view: customer.view, orderId: 7n, shippingRegion: "EU" })).toBe(2499n);
    await relay.simulatePayment({ shopId: f.SHOP_ID, orderId: f.id8(7) });
    const paid = await customer.waitFor({ until: ({ view }) => view?.orders[f.hex8(7)]?.status === "paid", timeout: 10_000 });
    expect(paid).toBe(true);
    // Only its own orders, and the stock it cannot see refuses nothing.
    expect(Object.keys(customer.view?.orders ?? {})).toEqual([f.hex8(7)]);
    expect(customer.view?.refused).toEqual([]);
    // The plain function over the same events gives the same view.
    const pushed: PushedEvent[] = [];
    for await (const event of customer.events()) {
      pushed.push(event);
      if (event.seqNo === customer.lastSeqNo) break;
    }
    const again = foldCustomerView({ context: { shopId: f.SHOP_ID, relays: [relay.relayAddress] }, keycard: guest.account.address, events: pushed });
    expect(again.orders[f.hex8(7)]?.status).toBe("paid");
    expect(again.orders[f.hex8(7)]?.total).toBe(2499n);
    customer.close();
  });
});

describe("session.view beyond a guest", () => {
  it("is read from a clerk's full state (every order), and undefined for filters that cannot fold one", async () => {
    const full = await connected(clerk);
    await full.subscribe({ shopId: f.SHOP_ID });
    await full.synced();
    expect(full.view?.orders[f.hex8(7)]?.status).toBe("paid");
    expect(full.view?.orders[f.hex8(7)]?.charged).toBe(full.view?.orders[f.hex8(7)]?.total);
    expect(full.view).toBe(full.view); // the same object until the next change
    full.close();
    const narrow = await relay.connect();
    await narrow.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: "LISTING" }] });
    await narrow.synced();
    expect(narrow.view).toBeUndefined();
    narrow.close();
  });
});
