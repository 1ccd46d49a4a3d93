// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Two relays on one shared ShopStore (two connections of one memory store, as
// two processes share a database): a keycard enrolled through one logs in on
// the other after the notice, writers on both get one gapless total order,
// and a subscriber on each receives every event.
import { generatePrivateKey } from "viem/accounts";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryShopStore, startTestRelay, type TestRelay } from "../../src/testing.js";
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
});
