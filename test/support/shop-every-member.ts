// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The scenario shop plus the events that give its final snapshot every state
// member of docs/shop-state.md's grammar, each optional one both absent (null)
// and present, side by side (vector base log "every member").
import { createShopState } from "../../src/state/create-shop-state.js";
import { reduceShopLog } from "../../src/state/reduce-shop-log.js";
import type { ShopState } from "../../src/state/shop-state.js";
import { ADDRESS, clerk, context, guest, h32, type LogBuilder, oid, REGIONS, relay, u256 } from "./shop-fixtures.js";
import { buildScenario, ORDER, order, PAINTING, PEN } from "./shop-scenario.js";

const meta = (title: string) => ({ title, description: `about ${title}`, images: [] });

/** Builds the every-member log; `state` is its fold. */
export function buildEveryMember(): { log: LogBuilder; state: ShopState } {
  const { log } = buildScenario();
  // Stock statuses: in_stock on the pen (no options), expected_in_stock_by on painting S.
  log.push(clerk, { case: "updateListing", value: { id: oid(PEN), stockUpdates: [{ variationIds: [], status: { case: "inStock", value: true } }] } });
  log.push(clerk, { case: "updateListing", value: { id: oid(PAINTING), stockUpdates: [{ variationIds: [oid(11)], status: { case: "expectedInStockBy", value: { seconds: 1_800_000_000n, nanos: 5 } } }] } });
  // A listing left unspecified whose variation has neither info nor diff, and a deleted one.
  log.push(clerk, { case: "listing", value: { id: oid(3), price: u256(7), metadata: meta("draft"), options: [{ id: oid(30), title: "Colour", variations: [{ id: oid(31) }] }] } });
  log.push(clerk, { case: "listing", value: { id: oid(4), price: u256(9), metadata: meta("gone"), viewState: 2 } });
  // A deleted tag beside the live one.
  log.push(clerk, { case: "tag", value: { id: oid(201), name: "Old", listingIds: [oid(PEN), oid(4)] } });
  log.push(clerk, { case: "updateTag", value: { id: oid(201), delete: true } });
  // Order 104 (paid): an invoice address with a phone number, a shipping status, payments with a block hash only and a tx hash only.
  log.push(guest, order(ORDER.paid, { case: "setInvoiceAddress", value: { ...ADDRESS, address2: "Flat 2", phoneNumber: "+49 30 1234" } }));
  log.push(clerk, order(ORDER.paid, { case: "setShippingStatus", value: "shipped" }));
  log.push(relay, order(ORDER.paid, { case: "addPaymentTx", value: { blockHash: h32(5) } }));
  log.push(relay, order(ORDER.paid, { case: "addPaymentTx", value: { txHash: h32(6) } }));
  // Order 102 (payment chosen): payment details with a region and a shop signature (1600 + 19% + 500).
  log.push(relay, order(ORDER.chosen, {
    case: "setPaymentDetails",
    value: { paymentId: h32(8), total: u256(2404), ttl: "600", shippingRegion: REGIONS[0], listingHashes: [{ cid: "bafy-painting" }], shopSignature: { raw: new Uint8Array(65).fill(0xab) } },
  }));
  const state = reduceShopLog({ state: createShopState({ context }), events: log.entries });
  return { log, state };
}
