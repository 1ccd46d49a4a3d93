// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a guest commits an order for all the stock and never pays (or gets
// payment details and lets them expire), so no one else can buy: holds had no
// end. A hold lapses 24 h after the commit, or at the end of the payment ttl;
// then, and only then, the relay cancels the order and the stock is free.
import { create } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { signEvent } from "../../src/eip712/sign-event.js";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { isRelayError } from "../../src/errors/relay-error.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import { inventoryKey } from "../../src/state/inventory-key.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { createSignedEvent } from "../../src/wire/create-signed-event.js";
import { hexToBytes } from "viem";
import * as f from "../session/fixtures.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { ManualClock } from "../session/harness.js";
import { checkout, keepingStore, openStockShop, PEN, STOCK_RELAY_KEY } from "../support/stock-shop.js";
import { thrown, thrownAsync } from "../support/thrown.js";

const pen = inventoryKey({ listingId: f.hex8(PEN), variationIds: [] });
const DAY = 86_400_000;

describe("a guest holding stock without paying", () => {
  it("holds a committed order's stock for 24 h; then the relay cancels it and the next buyer commits", async () => {
    const shop = await openStockShop();
    const mallory = await shop.guest();
    const alice = await shop.guest();
    const start = shop.clock.time;
    await shop.write(mallory, f.createOrder(1), f.addItems(1, PEN, 10), f.commitItems(1));
    const buy = () => shop.write(alice, f.createOrder(2), f.addItems(2, PEN, 1), f.commitItems(2));
    shop.clock.time = start + DAY - 60_000;
    const early = await thrownAsync(buy);
    expect(isRelayError(early) && early.errorCode).toBe(ErrorCodes.OUT_OF_STOCK);
    shop.clock.time = start + DAY + 60_000;
    await buy();
    const state = shop.state();
    expect(state.orders[f.hex8(1)]?.status).toBe("canceled");
    expect(state.orders[f.hex8(2)]?.status).toBe("committed");
    expect(state.inventory[pen]).toEqual({ stock: 10, committed: 1 });
  });

  it("holds an unpaid order's stock until its payment ttl ends", async () => {
    const shop = await openStockShop();
    const mallory = await shop.guest();
    await shop.write(mallory, ...checkout(3, 10));
    const order = shop.state().orders[f.hex8(3)];
    expect(order?.status).toBe("unpaid");
    const ttl = Number(order?.paymentDetails?.ttl) * 1000;
    shop.clock.time += ttl - 1_000;
    expect(await shop.relay.cancelLapsedOrders()).toBe(0);
    shop.clock.time += 2_000;
    expect(await shop.relay.cancelLapsedOrders()).toBe(1);
    expect(shop.state().inventory[pen]).toEqual({ stock: 10, committed: 0 });
  });

  it("keeps no hold past its lapse across a relay restart", async () => {
    const store = keepingStore();
    const shop = await openStockShop({ store });
    const mallory = await shop.guest();
    await shop.write(mallory, f.createOrder(6), f.addItems(6, PEN, 10), f.commitItems(6));
    await shop.relay.close();
    const clock = new ManualClock();
    clock.time = shop.clock.time + DAY + 60_000;
    const restarted = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: STOCK_RELAY_KEY, store, clock });
    expect(await restarted.cancelLapsedOrders()).toBe(1);
    expect(restarted.shopState({ shopId: f.SHOP_ID })?.inventory[pen]).toEqual({ stock: 10, committed: 0 });
  });

  it("cannot date its commit ahead of the relay's clock to stretch the hold", async () => {
    const shop = await openStockShop();
    const mallory = await shop.guest();
    await shop.write(mallory, f.createOrder(4), f.addItems(4, PEN, 10));
    const event = create(ShopEventSchema, { nonce: 100n, shopId: { raw: f.shopRaw }, timestamp: timestampFromMs(shop.clock.time + 365 * DAY), union: f.commitItems(4) });
    const signed = createSignedEvent({ event, signature: await signEvent({ event, domain: TEST_RELAY_DOMAIN, account: mallory.account }) });
    const keycard = shop.relay.findKeycard({ publicKey: hexToBytes(mallory.account.publicKey).slice(1) })!;
    const error = await thrownAsync(() => shop.relay.write({ keycard, events: [signed] }));
    expect(isRelayError(error) && error.relayMessage).toMatch(/ahead of the relay's clock/);
    expect(shop.state().inventory[pen]).toEqual({ stock: 10, committed: 0 });
  });

  it("a relay's cancel of a hold that has not lapsed is refused by every party", async () => {
    const shop = await openStockShop();
    const alice = await shop.guest();
    await shop.write(alice, f.createOrder(5), f.addItems(5, PEN, 1), f.commitItems(5));
    const event = create(ShopEventSchema, { nonce: 1000n, shopId: { raw: f.shopRaw }, timestamp: timestampFromMs(shop.clock.time + DAY - 60_000), union: f.cancelOrder(5) });
    const error = thrown(() => applyShopEvent({ state: shop.state(), event, signer: shop.relay.address }));
    expect(isEventRejectedError(error) && error.reason).toBe("CANCEL_NOT_JUSTIFIED");
  });
});
