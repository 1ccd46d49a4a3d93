// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Two relays on one shared ShopStore (two connections of one memory store, as
// two processes share a database): a keycard enrolled through one logs in on
// the other after the notice, writers on both get one gapless total order,
// and a subscriber on each receives every event.
import { generatePrivateKey } from "viem/accounts";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorCodes, isFieldValueError } from "../../src/index.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { createMemoryShopStore, startTestRelay, TEST_RELAY_DOMAIN, type TestRelay } from "../../src/testing.js";
import * as f from "../session/fixtures.js";

const relays: TestRelay[] = [];
afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.close();
});

async function twoRelays(): Promise<[TestRelay, TestRelay]> {
  const store = createMemoryShopStore();
  const privateKey = generatePrivateKey();
  const a = await startTestRelay({ privateKey, shopStore: store, log: () => undefined });
  relays.push(a);
  const b = await startTestRelay({ privateKey, shopStore: store.connect(), log: () => undefined });
  relays.push(b);
  return [a, b];
}

// Waits for the notice to be caught up: the other relay's log reaches `length`.
async function reaches(relay: TestRelay, length: number): Promise<void> {
  for (let i = 0; i < 1000 && relay.logLength({ shopId: f.SHOP_ID }) < length; i++) await new Promise((resolve) => setImmediate(resolve));
  expect(relay.logLength({ shopId: f.SHOP_ID })).toBe(length);
}

describe("two relays on one shared store", () => {
  it("a keycard enrolled on one relay logs in and writes on the other", async () => {
    const [a, b] = await twoRelays();
    const clerk = new f.Writer(a.domain);
    await a.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    await reaches(b, 1);
    const session = await b.connect();
    await session.login({ account: clerk.account });
    await session.write({ events: [await clerk.sign(f.manifest())] });
    await reaches(a, 2);
    expect(a.shopState({ shopId: f.SHOP_ID })?.manifest).toBeDefined();
    session.close();
  });

  it("writers on both relays: one gapless order, each write once, every event pushed on both", async () => {
    const [a, b] = await twoRelays();
    const clerks = [new f.Writer(a.domain), new f.Writer(a.domain), new f.Writer(a.domain), new f.Writer(a.domain)];
    for (const clerk of clerks) await a.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    await reaches(b, clerks.length);
    const sessions = await Promise.all(clerks.map(async (clerk, i) => {
      const session = await (i % 2 === 0 ? a : b).connect();
      await session.login({ account: clerk.account });
      return session;
    }));
    await sessions[0]!.write({ events: [await clerks[0]!.sign(f.manifest())] });
    const pushed: [bigint[], bigint[]] = [[], []];
    const subscribers = await Promise.all([a, b].map(async (relay, i) => {
      const session = await relay.connect();
      const reader = new f.Writer(a.domain);
      await a.enrollKeycard({ shopId: f.SHOP_ID, publicKey: reader.account.publicKey });
      await reaches(relay, clerks.length + 2 + i);
      await session.login({ account: reader.account });
      session.on((e) => {
        if (e.type === "events") pushed[i]!.push(...e.events.map((x) => x.seqNo));
      });
      await session.subscribe({ shopId: f.SHOP_ID });
      return session;
    }));
    const before = a.logLength({ shopId: f.SHOP_ID });
    const per = 10;
    // Concurrent writes from all four writers: the relays' appends conflict, catch up and fold again.
    await Promise.all(sessions.map(async (session, w) => {
      const signed = await Promise.all(Array.from({ length: per }, (_, k) => clerks[w]!.sign(f.tag(100 * w + k))));
      await Promise.all(signed.map((event) => session.write({ events: [event] })));
    }));
    const total = before + sessions.length * per;
    await reaches(a, total);
    await reaches(b, total);
    for (const subscriber of subscribers) await subscriber.synced();
    const expected = Array.from({ length: total }, (_, i) => BigInt(i + 1));
    expect(pushed[0]).toEqual(expected);
    expect(pushed[1]).toEqual(expected);
    const tags = Object.keys(a.shopState({ shopId: f.SHOP_ID })!.tags);
    expect(tags).toHaveLength(sessions.length * per);
    expect(Object.keys(b.shopState({ shopId: f.SHOP_ID })!.tags).sort()).toEqual(tags.sort());
    for (const session of [...sessions, ...subscribers]) session.close();
  });

  it("an append that loses the race: the relay undoes, catches up, signs a fresh nonce, and refuses what the winner now rules out", async () => {
    const store = createMemoryShopStore();
    const privateKey = generatePrivateKey();
    const a = await startTestRelay({ privateKey, shopStore: store, log: () => undefined });
    relays.push(a);
    const clerk = new f.Writer(a.domain);
    const other = new f.Writer(a.domain);
    for (const writer of [clerk, other]) await a.enrollKeycard({ shopId: f.SHOP_ID, publicKey: writer.account.publicKey });
    const onA = await a.connect();
    await onA.login({ account: clerk.account });
    for (const union of [f.manifest(), f.listing(1), f.changeInventory(1, 1), f.createOrder(5), f.addItems(5, 1, 1)]) await onA.write({ events: [await clerk.sign(union)] });
    // B's connection runs `race` (a write through A) just before its next append: that append then finds its seq_no taken.
    let race: (() => Promise<unknown>) | undefined;
    const conflicts: string[] = [];
    const connection = store.connect();
    const b = await startTestRelay({ privateKey, log: () => undefined, shopStore: { ...connection, onAppend: () => () => undefined, append: async (batch) => {
      const first = race;
      race = undefined;
      await first?.();
      return connection.append(batch).catch((error: unknown) => {
        conflicts.push((error as { problem: string }).problem);
        throw error;
      });
    } } });
    relays.push(b);
    const onB = await b.connect();
    await onB.login({ account: other.account });
    for (const union of [f.createOrder(6), f.addItems(6, 1, 1)]) await onB.write({ events: [await other.sign(union)] });
    race = async () => onA.write({ events: [await clerk.sign(f.commitItems(5))] });
    await expect(onB.write({ events: [await other.sign(f.commitItems(6))] })).rejects.toMatchObject({ errorCode: ErrorCodes.OUT_OF_STOCK });
    expect(conflicts).toEqual(["SEQ_TAKEN"]);
    // The relay's own event: signed on the state before A's enrollment, signed again after the catch-up.
    const third = new f.Writer(a.domain);
    const fourth = new f.Writer(a.domain);
    race = () => a.enrollKeycard({ shopId: f.SHOP_ID, publicKey: third.account.publicKey });
    await b.enrollKeycard({ shopId: f.SHOP_ID, publicKey: fourth.account.publicKey });
    expect(conflicts).toEqual(["SEQ_TAKEN", "SEQ_TAKEN"]);
    const length = a.logLength({ shopId: f.SHOP_ID });
    await reaches(b, length);
    expect(Object.keys(b.shopState({ shopId: f.SHOP_ID })!.keycards)).toHaveLength(4);
    const records = await store.read({ shopId: f.shopRaw, afterSeqNo: 0n });
    const relayNonces = records.filter((r) => r.signer === a.relayAddress.toLowerCase()).map((r) => r.nonce);
    expect(relayNonces).toEqual([1n, 2n, 3n, 4n]);
    expect(b.shopState({ shopId: f.SHOP_ID })!.nonces).toEqual(a.shopState({ shopId: f.SHOP_ID })!.nonces);
    onA.close();
    onB.close();
  });

  it("refuses a store and a shopStore together, naming the field, and closes both", async () => {
    const shopStore = createMemoryShopStore();
    let closed = false;
    const store = { load: async () => [], append: async () => undefined, close: async () => void (closed = true) };
    const error = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), store, shopStore }).catch((e: unknown) => e);
    expect(isFieldValueError(error) && error.path).toBe("shopStore");
    expect(closed).toBe(true);
    await expect(shopStore.head({ shopId: f.shopRaw })).rejects.toThrow(/closed/);
  });

  it("snapshots taken by either relay match the shared log: a third relay opens from them without a warning", async () => {
    const store = createMemoryShopStore();
    const privateKey = generatePrivateKey();
    const warnings: string[] = [];
    const open = (connection: ReturnType<typeof store.connect>) => ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey, shopStore: connection, snapshotEvery: 3, warn: (line) => warnings.push(line) });
    const [a, b] = [await open(store.connect()), await open(store.connect())];
    const clerk = new f.Writer(TEST_RELAY_DOMAIN);
    await a.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    // Writes alternate between the relays: each one's chain holds records it caught up from the other.
    for (let i = 0; i < 10; i++) await (i % 2 === 0 ? b : a).enrollKeycard({ shopId: f.SHOP_ID, publicKey: new f.Writer(TEST_RELAY_DOMAIN).account.publicKey });
    await Promise.all([a.close(), b.close()]);
    const snapshot = await store.loadSnapshot({ shopId: f.shopRaw });
    expect(snapshot?.seqNo).toBeGreaterThanOrEqual(9n);
    const c = await open(store.connect());
    expect(warnings).toEqual([]);
    expect(c.shopLog({ shopId: f.SHOP_ID })).toHaveLength(11);
    expect(Object.keys(c.shopState({ shopId: f.SHOP_ID })!.keycards)).toHaveLength(11);
    await c.close();
  });
});
