// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a guest parks an unpaid order with the smallest id (order 0) holding
// the same line other buyers order (1 × pen), hoping to capture the stock
// decrement of their payments: with a decrement that names no order, the
// rules credited it to the smallest unpaid id, and the real buyer's payment
// then failed. Here the payment itself takes its own order's lines out of stock.
import { create } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import { inventoryKey } from "../../src/state/inventory-key.js";
import * as f from "../session/fixtures.js";
import { checkout, openStockShop, PEN } from "../support/stock-shop.js";
import { thrown } from "../support/thrown.js";

const pen = inventoryKey({ listingId: f.hex8(PEN), variationIds: [] });

describe("a guest's parked order and other buyers' payments", () => {
  it("a parked order 0 with 1 × pen does not capture another buyer's payment", async () => {
    const shop = await openStockShop();
    const mallory = await shop.guest();
    const alice = await shop.guest();
    await shop.write(mallory, ...checkout(0));
    await shop.write(alice, ...checkout(5));
    expect(shop.state().orders[f.hex8(0)]?.status).toBe("unpaid");
    await shop.relay.simulatePayment({ shopId: f.SHOP_ID, orderId: f.hex8(5) });
    expect(shop.state().orders[f.hex8(5)]?.status).toBe("paid");
    expect(shop.state().orders[f.hex8(0)]?.status).toBe("unpaid");
    // Alice's pen left stock; Mallory's is still only held.
    expect(shop.state().inventory[pen]).toEqual({ stock: 9, committed: 1 });
  });

  it("two honest orders for the same line, paid in reverse id order, both get paid", async () => {
    const shop = await openStockShop();
    const alice = await shop.guest();
    const bob = await shop.guest();
    await shop.write(alice, ...checkout(7));
    await shop.write(bob, ...checkout(8));
    await shop.relay.simulatePayment({ shopId: f.SHOP_ID, orderId: f.hex8(8) });
    await shop.relay.simulatePayment({ shopId: f.SHOP_ID, orderId: f.hex8(7) });
    expect([shop.state().orders[f.hex8(7)]?.status, shop.state().orders[f.hex8(8)]?.status]).toEqual(["paid", "paid"]);
    expect(shop.state().inventory[pen]).toEqual({ stock: 8, committed: 0 });
  });

  it("a relay-signed decrement, the old capture's vehicle, is refused by every party", async () => {
    const shop = await openStockShop();
    const mallory = await shop.guest();
    await shop.write(mallory, ...checkout(0));
    const event = create(ShopEventSchema, { nonce: 1000n, shopId: { raw: f.shopRaw }, timestamp: timestampFromMs(Date.now()), union: f.changeInventory(PEN, -1) });
    const error = thrown(() => applyShopEvent({ state: shop.state(), event, signer: shop.relay.address }));
    expect(isEventRejectedError(error) && error.reason).toBe("RELAY_NOT_ALLOWED");
  });
});
