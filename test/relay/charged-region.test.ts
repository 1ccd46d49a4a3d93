// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The total the reference relay charges is the ruled total: the region the
// order's address is in (docs/shop-state.md, "Shipping region"), named in
// set_payment_details, with its VAT; and a client folding the log accepts
// exactly that (issue 21, point 3).
import { numberToBytes } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseShippingRegion, type ClientSession, computeOrderTotal } from "../../src/index.js";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import * as f from "../session/fixtures.js";

let relay: TestRelay;
let clerk: f.Writer;
let session: ClientSession;
const u256 = (n: bigint) => ({ raw: numberToBytes(n, { size: 32 }) });
const ETH = { chainId: 1n, address: { raw: new Uint8Array(20) } };
const regions = [
  { name: "EU", country: "DE", orderPriceModifiers: [{ title: "VAT 19%", modification: { case: "percentage" as const, value: u256(19n) } }] },
  { name: "world", orderPriceModifiers: [{ title: "shipping", modification: { case: "absolute" as const, value: { plusSign: true, diff: u256(500n) } } }] },
];
const shipTo = (n: number, country: string): f.UnionInit => ({ case: "updateOrder", value: { id: { raw: f.id8(n) }, action: { case: "setShippingAddress", value: { name: "Bo", address1: "2 Side St", city: "Osaka", postalCode: "530", country, emailAddress: "bo@example.com" } } } });
const orderHex = (n: number): `0x${string}` => `0x${n.toString(16).padStart(16, "0")}`;

beforeAll(async () => {
  relay = await startTestRelay({ log: () => undefined });
  ({ clerk, session } = await f.loggedInClerk(relay));
  const manifest: f.UnionInit = { case: "manifest", value: { tokenId: { raw: f.shopRaw }, payees: [{ name: "main", address: { raw: numberToBytes(0xaan, { size: 20 }) }, chainId: 1n, callAsContract: false }], acceptedCurrencies: [ETH], pricingCurrency: ETH, shippingRegions: regions } };
  for (const union of [manifest, f.listing(1, 3950n), f.changeInventory(1, 10)]) await session.write({ events: [await clerk.sign(union)] });
  await session.subscribe({ shopId: f.SHOP_ID });
});
afterAll(async () => {
  await relay.close();
});

async function pay(n: number, address: f.UnionInit): Promise<void> {
  for (const union of [f.createOrder(n), f.addItems(n, 1, 1), f.commitItems(n), address, f.choosePayment(n)]) await session.write({ events: [await clerk.sign(union)] });
  await session.synced();
}

describe("the relay charges the region the address is in", () => {
  it("an invoice address in DE: the EU region's 19% VAT, 3950 → 4700 (⌊3950 × 19 / 100⌋ = 750)", async () => {
    await pay(5, f.invoiceAddress(5));
    const details = relay.shopState({ shopId: f.SHOP_ID })?.orders[orderHex(5)]?.paymentDetails;
    expect(details).toMatchObject({ total: "4700", shippingRegion: "EU" });
    // The client's own fold accepted the relay's event: same region and total by the same rule.
    expect(session.state?.orders[orderHex(5)]?.paymentDetails).toMatchObject({ total: "4700", shippingRegion: "EU" });
  });

  it("a shipping address in JP: the catch-all, +500", async () => {
    await pay(6, shipTo(6, "JP"));
    expect(session.state?.orders[orderHex(6)]?.paymentDetails).toMatchObject({ total: "4450", shippingRegion: "world" });
  });

  it("the client computes the same with chooseShippingRegion and computeOrderTotal", () => {
    const state = session.state!;
    for (const id of [orderHex(5), orderHex(6)]) {
      const region = chooseShippingRegion({ state, orderId: id });
      expect(region).toBe(state.orders[id]?.paymentDetails?.shippingRegion);
      expect(String(computeOrderTotal({ state, orderId: id, shippingRegion: region ?? undefined }))).toBe(state.orders[id]?.paymentDetails?.total);
    }
  });
});
