// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a customer's (guest) keycard subscribes to read other customers'
// orders (items, invoice and shipping addresses) or the shop's stock. As in
// v3, a guest gets no INVENTORY subscription, may not name another keycard's
// order, and an ORDER subscription delivers only its own orders' events,
// including what the clerk or the relay wrote about them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientSession, ErrorCodes, isRelayError, ObjectType } from "../../src/index.js";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { until } from "../session/raw-client.js";

let relay: TestRelay;
let alice: f.Writer;
let mallory: f.Writer;
let malloryAt: ClientSession;

beforeAll(async () => {
  relay = await startTestRelay();
  const owner = new f.Writer(relay.domain);
  alice = new f.Writer(relay.domain);
  mallory = new f.Writer(relay.domain);
  await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: owner.account.publicKey });
  await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: alice.account.publicKey, guest: true });
  await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: mallory.account.publicKey, guest: true });
  const shop = await relay.connect();
  await shop.login({ account: owner.account });
  for (const union of [f.manifest(), f.listing(1), f.changeInventory(1, 10)]) await shop.write({ events: [await owner.sign(union)] });
  const aliceAt = await relay.connect();
  await aliceAt.login({ account: alice.account });
  for (const union of [f.createOrder(1), f.addItems(1, 1, 2), f.invoiceAddress(1), f.commitItems(1)]) await aliceAt.write({ events: [await alice.sign(union)] });
  malloryAt = await relay.connect();
  await malloryAt.login({ account: mallory.account });
  await malloryAt.write({ events: [await mallory.sign(f.createOrder(2))] });
  shop.close();
  aliceAt.close();
});
afterAll(async () => {
  await relay.close();
});

const codeOf = (error: unknown) => (isRelayError(error) ? error.errorCode : error);

describe("a guest reading other customers' orders", () => {
  it("gets INVALID for an INVENTORY subscription", async () => {
    expect(codeOf(await malloryAt.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: ObjectType.INVENTORY }] }).catch((e: unknown) => e))).toBe(ErrorCodes.INVALID);
  });

  it("gets INVALID for a subscription naming another keycard's order", async () => {
    expect(codeOf(await malloryAt.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: ObjectType.ORDER, objectId: f.id8(1) }] }).catch((e: unknown) => e))).toBe(ErrorCodes.INVALID);
  });

  it("receives only its own order's events from an ORDER subscription", async () => {
    const seen: string[] = [];
    malloryAt.on((e) => e.type === "events" && seen.push(...e.events.map((x) => `${x.event.union.case}:${x.signer}`)));
    await malloryAt.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: ObjectType.ORDER }] });
    await malloryAt.synced();
    await until(() => seen.length >= 1);
    expect(seen).toEqual([`createOrder:${mallory.account.address}`]);
  });
});
