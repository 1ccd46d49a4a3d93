// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A shop with something of every kind: keycards of each role (and a revoked
// one), a manifest, listings with and without options, stock, a tag, and an
// order in every status. Rule tests apply one more event to it.
import { createShopState } from "../../src/state/create-shop-state.js";
import { reduceShopLog } from "../../src/state/reduce-shop-log.js";
import type { ShopState } from "../../src/state/shop-state.js";
import {
  ABROAD, ADDRESS, clerk, clerkWallet, context, enrollAll, ETH, eth, guest, guest2, h32, listingUnions, LogBuilder, manifestUnion, oid, PAYEE, REGIONS, relay, retired, u256, type UnionInit,
} from "./shop-fixtures.js";

export const ORDER = { open: 100, committed: 101, chosen: 102, unpaid: 103, paid: 104, canceled: 105, otherGuest: 106, orphaned: 107 } as const;
export const PEN = 1;
export const PAINTING = 2;
export const TAG = 200;

export const order = (id: number, action: NonNullable<UnionInit & { case: "updateOrder" }>["value"]["action"]): UnionInit =>
  ({ case: "updateOrder", value: { id: oid(id), action } }) as UnionInit;
export const items = (adds: { listing: number; variations?: number[]; quantity: number }[]) =>
  ({ case: "changeItems", value: { adds: adds.map((a) => ({ listingId: oid(a.listing), variationIds: (a.variations ?? []).map(oid), quantity: a.quantity })) } }) as const;
export const commit = { case: "commitItems", value: {} } as const;
export const choose = { case: "choosePayment", value: { currency: ETH, payee: PAYEE } } as const;
export const shipTo = { case: "setShippingAddress", value: ADDRESS } as const;
export const shipAbroad = { case: "setShippingAddress", value: ABROAD } as const;
export const pay = { case: "addPaymentTx", value: { txHash: h32(2), blockHash: h32(3) } } as const;
export const details = (total: bigint | number, region?: "domestic" | "other", ttl = "86400"): NonNullable<(UnionInit & { case: "updateOrder" })["value"]["action"]> => ({
  case: "setPaymentDetails",
  value: { paymentId: h32(7), total: u256(total), ttl, ...(region === undefined ? {} : { shippingRegion: REGIONS[region === "domestic" ? 0 : 1] }) },
});

/** Builds the scenario log; `log.entries` is the accepted log, `state` its fold. */
export function buildScenario(): { log: LogBuilder; state: ShopState } {
  const log = new LogBuilder();
  enrollAll(log);
  log.push(relay, { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: retired.publicKey }, userWallet: eth(clerkWallet) } } } });
  log.push(relay, { case: "account", value: { action: { case: "revokeKeycard", value: { raw: retired.publicKey } } } });
  log.push(relay, { case: "account", value: { action: { case: "add", value: { accountAddress: eth(clerkWallet), tx: h32(1) } } } });
  log.push(clerk, manifestUnion());
  for (const u of listingUnions()) log.push(clerk, u);
  log.push(clerk, { case: "tag", value: { id: oid(TAG), name: "Stuff", listingIds: [oid(PEN)] } });
  log.push(clerk, { case: "changeInventory", value: { id: oid(PEN), diff: 20 } });
  for (const [v, n] of [[11, 5], [12, 5], [13, 2]] as const) log.push(clerk, { case: "changeInventory", value: { id: oid(PAINTING), variationIds: [oid(v)], diff: n } });
  const steps: Record<number, UnionInit[]> = {
    [ORDER.open]: [order(ORDER.open, items([{ listing: PEN, quantity: 2 }]))],
    [ORDER.committed]: [order(ORDER.committed, items([{ listing: PEN, quantity: 1 }])), order(ORDER.committed, commit)],
    [ORDER.chosen]: [order(ORDER.chosen, items([{ listing: PAINTING, variations: [12], quantity: 1 }])), order(ORDER.chosen, commit), order(ORDER.chosen, shipTo), order(ORDER.chosen, choose)],
    [ORDER.unpaid]: [order(ORDER.unpaid, items([{ listing: PEN, quantity: 1 }])), order(ORDER.unpaid, commit), order(ORDER.unpaid, shipAbroad), order(ORDER.unpaid, choose)],
    [ORDER.paid]: [order(ORDER.paid, items([{ listing: PEN, quantity: 1 }])), order(ORDER.paid, commit), order(ORDER.paid, shipAbroad), order(ORDER.paid, choose)],
    [ORDER.canceled]: [order(ORDER.canceled, items([{ listing: PEN, quantity: 1 }])), order(ORDER.canceled, commit), order(ORDER.canceled, { case: "cancel", value: {} })],
    [ORDER.otherGuest]: [order(ORDER.otherGuest, items([{ listing: PEN, quantity: 1 }]))],
    [ORDER.orphaned]: [order(ORDER.orphaned, items([{ listing: PAINTING, variations: [13], quantity: 1 }])), order(ORDER.orphaned, commit)],
  };
  for (const [id, updates] of Object.entries(steps)) {
    const owner = Number(id) === ORDER.otherGuest ? guest2 : guest;
    log.push(owner, { case: "createOrder", value: { id: oid(Number(id)) } });
    for (const u of updates) log.push(owner, u);
  }
  // Relay side: details for 103 and 104, shipped abroad: the catch-all region "other" (pen 1000 + Intl 4200), then 104's payment, which takes its pen out of
  // stock; 103 holds the same line, unpaid, and stays as it was.
  log.push(relay, order(ORDER.unpaid, details(5200, "other")));
  log.push(relay, order(ORDER.paid, details(5200, "other")));
  log.push(relay, order(ORDER.paid, pay));
  // The clerk removes variation 13: order 107 now holds a variation that is gone.
  log.push(clerk, { case: "updateListing", value: { id: oid(PAINTING), removeVariationIds: [oid(13)] } });
  const state = reduceShopLog({ state: createShopState({ context }), events: log.entries });
  return { log, state };
}

/** A shop with the keycards of {@link enrollAll} and nothing else. */
export function buildFresh(): { log: LogBuilder; state: ShopState } {
  const log = new LogBuilder();
  enrollAll(log);
  return { log, state: reduceShopLog({ state: createShopState({ context }), events: log.entries }) };
}
