// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: the shop raises a listing's price after a customer committed the
// order, and the relay charges the new price: the total was computed from
// today's listing prices. Prices are frozen at commit_items; a relay that
// charges anything else is refused by every client.
import { create } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { numberToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import * as f from "../session/fixtures.js";
import { openStockShop, PEN } from "../support/stock-shop.js";
import { thrown } from "../support/thrown.js";

describe("a price changed after commit", () => {
  it("does not change what the reference relay charges", async () => {
    const shop = await openStockShop();
    const alice = await shop.guest();
    await shop.write(alice, f.createOrder(1), f.addItems(1, PEN, 2), f.invoiceAddress(1), f.commitItems(1));
    await shop.write(shop.clerk, f.updateListing(PEN, 1000n));
    await shop.write(alice, f.choosePayment(1));
    // 2 × 100, the price at commit, not 2 × 1000.
    expect(shop.state().orders[f.hex8(1)]?.paymentDetails?.total).toBe("200");
  });

  it("a relay's total at the new price is refused by every party; the committed price is accepted", async () => {
    const shop = await openStockShop();
    const alice = await shop.guest();
    await shop.write(alice, f.createOrder(1), f.addItems(1, PEN, 2), f.invoiceAddress(1), f.commitItems(1));
    await shop.write(shop.clerk, f.updateListing(PEN, 1000n));
    // The customer's choose_payment, then the payment details a hostile relay would sign, through the rules every client runs.
    const chosen = applyShopEvent({ state: shop.state(), event: event(1n, f.choosePayment(1)), signer: alice.account.address });
    const overcharge = thrown(() => applyShopEvent({ state: chosen, event: event(1000n, details(2000)), signer: shop.relay.address }));
    expect(isEventRejectedError(overcharge) && overcharge.reason).toBe("TOTAL_MISMATCH");
    expect(applyShopEvent({ state: chosen, event: event(1000n, details(200)), signer: shop.relay.address }).orders[f.hex8(1)]?.paymentDetails?.total).toBe("200");
  });
});

const event = (nonce: bigint, union: f.UnionInit) => create(ShopEventSchema, { nonce: nonce + 100n, shopId: { raw: f.shopRaw }, timestamp: timestampFromMs(Date.now()), union });
const details = (total: number): f.UnionInit => ({
  case: "updateOrder",
  value: { id: { raw: f.id8(1) }, action: { case: "setPaymentDetails", value: { paymentId: { raw: new Uint8Array(32).fill(7) }, total: { raw: numberToBytes(total, { size: 32 }) }, ttl: "3600" } } },
});
