// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Two clients against the reference relay over real WebSockets on 127.0.0.1:
// every event kind end to end, pushes folded into the same state on both sides.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ObjectType, shopStateToJSON } from "../../src/index.js";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import * as f from "./fixtures.js";

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay();
});
afterAll(async () => {
  await relay.close();
});

describe("reference relay over loopback", () => {
  it("takes a shop through its whole lifecycle: the clerk's state equals the relay's, the guest sees its share", async () => {
    const clerk = new f.Writer(relay.domain);
    const guest = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: guest.account.publicKey, guest: true });
    const a = await relay.connect();
    const b = await relay.connect();
    expect(relay.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/sessions$/);
    await a.login({ account: clerk.account });
    await b.login({ account: guest.account });
    await a.subscribe({ shopId: f.SHOP_ID });
    // A guest may not follow INVENTORY and sees only its own orders: a filtered, signature-checked view.
    const guestSaw: string[] = [];
    b.on((e) => e.type === "events" && guestSaw.push(...e.events.map((x) => x.event.union.case ?? "")));
    await expect(b.subscribe({ shopId: f.SHOP_ID })).rejects.toMatchObject({ errorName: "INVALID" });
    await b.subscribe({ shopId: f.SHOP_ID, filters: [ObjectType.MANIFEST, ObjectType.ACCOUNT, ObjectType.LISTING, ObjectType.TAG, ObjectType.ORDER].map((objectType) => ({ objectType })) });

    for (const union of [f.manifest(), f.updateManifest(), f.listing(1), f.updateListing(1, 150n), f.changeInventory(1, 10), f.tag(2), f.updateTag(2, 1)]) {
      await a.write({ events: [await clerk.sign(union)] });
    }
    for (const union of [f.createOrder(9), f.addItems(9, 1, 3), f.invoiceAddress(9), f.commitItems(9), f.choosePayment(9)]) {
      await b.write({ events: [await guest.sign(union)] });
    }
    await relay.simulatePayment({ shopId: f.SHOP_ID, orderId: f.hex8(9) });
    const length = relay.logLength({ shopId: f.SHOP_ID });
    // 2 enrollments, 7 clerk events, 5 guest events, payment details, payment tx (which takes the 3 units out of stock).
    expect(length).toBe(16);
    await until(() => a.lastSeqNo === BigInt(length) && b.lastSeqNo === BigInt(length));
    // Everything but the clerk's inventory change.
    expect(guestSaw).toHaveLength(length - 1);
    expect(guestSaw).not.toContain("changeInventory");
    const order = a.state?.orders[f.hex8(9)];
    expect(order?.status).toBe("paid");
    expect(a.state?.inventory[f.hex8(1)]).toEqual({ stock: 7, committed: 0 });
    expect(a.state?.inventory).toEqual(relay.shopState({ shopId: f.SHOP_ID })?.inventory);
    expect(shopStateToJSON({ state: a.state! })).toBe(shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! }));
    a.close();
    b.close();
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
