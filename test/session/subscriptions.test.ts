// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Subscriptions over loopback: filters, resume from a seq_no, one total order
// for concurrent writers, a client dropping mid-batch, bad frames that close a
// session without losing anything, and ping/kick with short intervals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientSession, ObjectType, SESSION_CLOSE_CODES, shopStateFromJSON, shopStateToJSON } from "../../src/index.js";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import * as f from "./fixtures.js";
import { frame } from "./harness.js";
import { RawClient, until } from "./raw-client.js";

let relay: TestRelay;
let clerk: f.Writer;
let writer: ClientSession;

beforeAll(async () => {
  relay = await startTestRelay();
  clerk = new f.Writer(relay.domain);
  await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
  writer = await relay.connect();
  await writer.login({ account: clerk.account });
  for (const union of [f.manifest(), f.listing(1), f.listing(2), f.tag(3), f.updateListing(1, 7n), f.changeInventory(2, 5), f.updateTag(3, 2)]) {
    await writer.write({ events: [await clerk.sign(union)] });
  }
});
afterAll(async () => {
  await relay.close();
});

function collect(session: ClientSession): { seqNo: bigint; kind: string | undefined }[] {
  const seen: { seqNo: bigint; kind: string | undefined }[] = [];
  session.on((e) => {
    if (e.type === "events") seen.push(...e.events.map((x) => ({ seqNo: x.seqNo, kind: x.event.union.case })));
  });
  return seen;
}

describe("subscriptions", () => {
  it("delivers only what the filters select, OR-ed, with an object id narrowing one filter", async () => {
    const reader = await relay.connect();
    const seen = collect(reader);
    await reader.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: ObjectType.TAG }, { objectType: ObjectType.LISTING, objectId: f.id8(2) }] });
    await reader.synced();
    expect(seen.map((s) => s.kind)).toEqual(["listing", "tag", "updateTag"]);
    expect(reader.state).toBeUndefined();
    reader.close();
  });

  it("resumes from a seq_no and then keeps receiving new writes live", async () => {
    const first = await relay.connect();
    const seen = collect(first);
    await first.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: ObjectType.LISTING }, { objectType: ObjectType.TAG }] , startShopSeqNo: 5n });
    await first.synced();
    expect(seen.map((s) => s.seqNo)).toEqual([5n, 6n, 8n]);
    await writer.write({ events: [await clerk.sign(f.tag(4))] });
    await until(() => seen.length === 4);
    expect(seen[3]).toEqual({ seqNo: 9n, kind: "tag" });
    first.close();
  });

  it("resumes a full subscription from a saved state and seq_no, ending in the relay's state", async () => {
    const reader = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: reader.account.publicKey });
    const a = await relay.connect();
    await a.login({ account: reader.account });
    await a.subscribe({ shopId: f.SHOP_ID });
    await a.synced();
    // Saved as text, as a client would keep it between runs.
    const saved = { json: shopStateToJSON({ state: a.state! }), lastSeqNo: a.lastSeqNo };
    a.close();
    await writer.write({ events: [await clerk.sign(f.tag(40))] });
    const b = await relay.connect({ state: shopStateFromJSON({ json: saved.json }), lastSeqNo: saved.lastSeqNo });
    await b.login({ account: reader.account });
    const seen = collect(b);
    await b.subscribe({ shopId: f.SHOP_ID });
    await b.synced();
    expect(seen.map((s) => s.seqNo)).toEqual([saved.lastSeqNo + 1n]);
    expect(shopStateToJSON({ state: b.state! })).toBe(shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! }));
    b.close();
  });

  it("gives concurrent writers one total order that every subscriber sees", async () => {
    const keys = [new f.Writer(relay.domain), new f.Writer(relay.domain), new f.Writer(relay.domain)];
    const sessions = [];
    for (const key of keys) {
      await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: key.account.publicKey });
      const s = await relay.connect();
      await s.login({ account: key.account });
      await s.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: ObjectType.TAG }] });
      sessions.push(s);
    }
    const seen = sessions.map(collect);
    const start = relay.logLength({ shopId: f.SHOP_ID });
    const batches = await Promise.all(keys.map(async (key, k) => Promise.all(Array.from({ length: 20 }, (_, i) => key.sign(f.tag(1000 + k * 100 + i))))));
    await Promise.all(sessions.map((s, k) => Promise.all((batches[k] ?? []).map((event) => s.write({ events: [event] })))));
    expect(relay.logLength({ shopId: f.SHOP_ID })).toBe(start + 60);
    await until(() => seen.every((list) => list.length >= 60));
    const orders = seen.map((list) => list.map((s) => s.seqNo).join(","));
    expect(new Set(orders).size).toBe(1);
    expect(seen[0]?.map((s) => s.seqNo)).toEqual(Array.from({ length: 60 }, (_, i) => BigInt(start + 1 + i)));
    for (const s of sessions) s.close();
  });

  it("a client dropping mid-batch loses nothing: the writes it got acks for are in the log, a new session resumes", async () => {
    const start = relay.logLength({ shopId: f.SHOP_ID });
    const dropper = await relay.connect();
    await dropper.login({ account: clerk.account });
    const events = await Promise.all(Array.from({ length: 40 }, (_, i) => clerk.sign(f.tag(2000 + i))));
    let acked = 0;
    const writes = events.map((event) => dropper.write({ events: [event] }).then(() => acked++, () => undefined));
    await until(() => acked >= 5);
    dropper.close();
    await Promise.all(writes);
    // Writes already received are processed in order; those not sent never reach the log.
    const stored = relay.logLength({ shopId: f.SHOP_ID }) - start;
    expect(stored).toBeGreaterThanOrEqual(acked);
    const tags = relay.shopState({ shopId: f.SHOP_ID })?.tags ?? {};
    for (let i = 0; i < stored; i++) expect(tags[f.hex8(2000 + i)]).toBeDefined();
    // The writer session was replaced by the dropper's login; log in again for later tests.
    writer = await relay.connect();
    await writer.login({ account: clerk.account });
    clerk.nonce = BigInt(Object.keys(tags).length + 100_000);
  });

  it("a subscriber dropping while pushes are in flight does not disturb the others", async () => {
    const stays = await relay.connect();
    const drops = await relay.connect();
    const seen = collect(stays);
    await stays.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: ObjectType.TAG }] });
    await drops.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: ObjectType.TAG }] });
    drops.close();
    await stays.synced();
    const tags = Object.keys(relay.shopState({ shopId: f.SHOP_ID })?.tags ?? {}).length;
    const tagEvents = seen.filter((s) => s.kind === "tag").length;
    expect(tagEvents).toBe(tags);
    stays.close();
  });
});

describe("bad frames over a socket close only that session and lose nothing", () => {
  const bad: [string, () => Uint8Array | string, number][] = [
    ["malformed bytes", () => new Uint8Array([0x0a, 0xff, 0xff]), SESSION_CLOSE_CODES.PROTOCOL_ERROR],
    ["a frame over 128 KiB", () => new Uint8Array(128 * 1024 + 10), SESSION_CLOSE_CODES.MESSAGE_TOO_BIG],
    ["a response to nothing (out of order)", () => frame(5n, { case: "response", value: {} }), SESSION_CLOSE_CODES.PROTOCOL_ERROR],
    ["a text frame", () => "hi", SESSION_CLOSE_CODES.UNSUPPORTED_DATA],
  ];
  it.each(bad)("%s", async (_name, bytes, code) => {
    const before = shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! });
    const length = relay.logLength({ shopId: f.SHOP_ID });
    const raw = await RawClient.open(relay.url);
    raw.send(bytes());
    expect(await raw.closedWith()).toBe(code);
    expect(relay.logLength({ shopId: f.SHOP_ID })).toBe(length);
    expect(shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! })).toBe(before);
    await writer.ping();
  });
});

describe("liveness over a socket (ping after 250 ms, kick after 1.5 s on this relay)", () => {
  let quick: TestRelay;
  beforeAll(async () => {
    // Margins wide enough that a busy machine stalling the process does not turn an answered ping into a kick.
    quick = await startTestRelay({ timings: { pingAfterMs: 250, kickAfterMs: 1_500 } });
  });
  afterAll(async () => {
    await quick.close();
  });

  it("kicks a client that never answers with IDLE_TIMEOUT, after the relay pinged it", async () => {
    const raw = await RawClient.open(quick.url);
    const started = Date.now();
    expect(await raw.closedWith()).toBe(SESSION_CLOSE_CODES.IDLE_TIMEOUT);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(raw.received.some((e) => e.message.case === "pingRequest")).toBe(true);
  });

  it("keeps a ClientSession that answers the pings", async () => {
    const session = await quick.connect();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(session.closed).toBeUndefined();
    await session.ping();
    session.close();
  });
});
