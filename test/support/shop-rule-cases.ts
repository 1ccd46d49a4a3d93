// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// One accepted and one refused event per row of docs/shop-state.md, on the
// scenario shop (or on a fresh shop without a manifest). Used by
// test/state/rules.test.ts and by the golden vectors (scripts/shop-state-vectors.ts).
import { create } from "@bufbuild/protobuf";
import { type Address, getAddress } from "viem";
import { expect } from "vitest";
import type { ListingViewState } from "../../gen/market/mass/base_types_pb.js";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import { MAX_GUEST_ACTIVE_ORDERS, MAX_ORDER_LINES } from "../../src/state/order-limits.js";
import type { EventRejectionCode } from "../../src/errors/rejection-codes.js";
import type { ShopState } from "../../src/state/shop-state.js";
import {
  ABROAD, ADDRESS, clerk, clerkWallet, ETH, eth, guest, guest2, h32, listingUnions, manifestUnion, oid, oidHex, type Party, PAYEE, REGIONS, relay, retired, SHOP_ID_BYTES, stranger, u256, USDC, type UnionInit,
} from "./shop-fixtures.js";
import { buildFresh, buildScenario, choose, commit, details, items, ORDER, order, PAINTING, pay, PEN, shipAbroad, shipTo, TAG } from "./shop-scenario.js";

export interface RuleCase {
  readonly rule: string;
  readonly by: Party;
  readonly union?: UnionInit | undefined;
  readonly nonce?: bigint;
  readonly shopId?: Uint8Array;
  readonly noTimestamp?: boolean;
  readonly nanos?: number;
  readonly code?: EventRejectionCode;
  readonly check?: (after: ShopState) => void;
  /** Events applied to the base first. */
  readonly setup?: readonly { by: Party; union: UnionInit }[];
  /** The scenario shop (default) or a fresh shop with keycards and no manifest. */
  readonly base?: "scenario" | "fresh";
}

const orderOf = (s: ShopState, id: number) => s.orders[oidHex(id)]!;
const meta = { title: "t", description: "d", images: [] };
const enroll = (p: Party, wallet: `0x${string}` = clerkWallet): UnionInit => ({ case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: p.publicKey }, userWallet: eth(wallet) } } } });
const stock = (id: number, diff: number, variations: number[] = []): UnionInit => ({ case: "changeInventory", value: { id: oid(id), variationIds: variations.map(oid), diff } });
const upListing = (value: Record<string, unknown>): UnionInit => ({ case: "updateListing", value: { id: oid(PAINTING), ...value } }) as UnionInit;
const upManifest = (value: Record<string, unknown>): UnionInit => ({ case: "updateManifest", value }) as UnionInit;
const upTag = (value: Record<string, unknown>): UnionInit => ({ case: "updateTag", value: { id: oid(TAG), ...value } }) as UnionInit;
const cancel = { case: "cancel", value: {} } as const;
// A new order of `quantity` × pen by `by`: created, committed, shipped ABROAD (region "other": +4200), payment chosen (five events).
const penOrder = (id: number, by: Party, quantity = 1): { by: Party; union: UnionInit }[] => [
  { by, union: { case: "createOrder", value: { id: oid(id) } } },
  { by, union: order(id, items([{ listing: PEN, quantity }])) },
  { by, union: order(id, commit) },
  { by, union: order(id, shipAbroad) },
  { by, union: order(id, choose) },
];
const withManifest = (change: Record<string, unknown>): UnionInit => {
  const union = manifestUnion() as UnionInit & { case: "manifest" };
  return { case: "manifest", value: { ...union.value, ...change } } as UnionInit;
};

// A listing whose one option has a variation per possible line, and the lines that use them.
const MANY = 5;
const manyVariations: UnionInit = { case: "listing", value: { id: oid(MANY), price: u256(1), metadata: meta, options: [{ id: oid(50), variations: Array.from({ length: MAX_ORDER_LINES + 1 }, (_, i) => ({ id: oid(1000 + i) })) }] } };
const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ listing: MANY, variations: [1000 + i], quantity: 1 }));
// `n` new open orders of one keycard (guest2 has one open order in the scenario; guest has 5 active, 2 paid or canceled).
const guestOrders = (n: number, by: Party = guest2) => Array.from({ length: n }, (_, i) => ({ by, union: { case: "createOrder", value: { id: oid(400 + i) } } as UnionInit }));

export const RULE_CASES: RuleCase[] = [
  // Envelope.
  { rule: "E1 union set", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, check: (s) => expect(s.tags[oidHex(300)]?.name).toBe("x") },
  { rule: "E1 union empty", by: clerk, union: undefined, code: "EVENT_EMPTY" },
  { rule: "E2 other shop", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, shopId: new Uint8Array(32), code: "SHOP_MISMATCH" },
  { rule: "E3 no timestamp", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, noTimestamp: true, code: "TIMESTAMP_MISSING" },
  { rule: "E4 bad nanos", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, nanos: 1_000_000_000, code: "TIMESTAMP_INVALID" },
  { rule: "E5 unknown signer", by: stranger, union: { case: "createOrder", value: { id: oid(300) } }, code: "UNKNOWN_KEYCARD" },
  { rule: "E5 revoked keycard", by: retired, union: { case: "tag", value: { id: oid(300), name: "x" } }, code: "KEYCARD_REVOKED" },
  { rule: "E6 nonce reused", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, nonce: 1n, code: "NONCE_NOT_INCREASING" },
  { rule: "E6 nonce zero", by: guest2, union: { case: "createOrder", value: { id: oid(300) } }, nonce: 0n, code: "NONCE_NOT_INCREASING" },
  { rule: "E6 nonce may jump", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, nonce: 1000n, check: (s) => expect(s.nonces.lastNonces[clerk.address]).toBe("1000") },
  { rule: "E7 account without action", by: relay, union: { case: "account", value: {} }, code: "UPDATE_EMPTY" },
  { rule: "E7 update_order without action", by: clerk, union: { case: "updateOrder", value: { id: oid(ORDER.open) } }, code: "UPDATE_EMPTY" },
  { rule: "E8 relay outside the sandbox", by: relay, union: { case: "tag", value: { id: oid(300), name: "x" } }, code: "RELAY_NOT_ALLOWED" },
  { rule: "E8 keycard signs a relay-only action", by: clerk, union: enroll(stranger), code: "RELAY_ONLY" },
  { rule: "E8 guest signs a clerk action", by: guest, union: stock(PEN, 1), code: "CLERK_ONLY" },
  { rule: "E8 guest may create an order", by: guest, union: { case: "createOrder", value: { id: oid(300) } }, check: (s) => expect(orderOf(s, 300).owner).toBe(guest.address) },
  // Manifest.
  { rule: "M1 second manifest", by: clerk, union: manifestUnion(), code: "MANIFEST_EXISTS" },
  { rule: "M2 empty update", by: clerk, union: upManifest({}), code: "UPDATE_EMPTY" },
  { rule: "M3 add payee", by: clerk, union: upManifest({ addPayee: { ...PAYEE, name: "second", chainId: 5n } }), check: (s) => expect(s.manifest?.payees.map((p) => p.name)).toEqual(["main", "second"]) },
  { rule: "M3 payee name taken", by: clerk, union: upManifest({ addPayee: { ...PAYEE, chainId: 5n } }), code: "PAYEE_EXISTS" },
  { rule: "M3 payee address and chain taken", by: clerk, union: upManifest({ addPayee: { ...PAYEE, name: "alias" } }), code: "PAYEE_EXISTS" },
  { rule: "M4 remove payee by name", by: clerk, union: upManifest({ removePayee: { name: "main" } }), check: (s) => expect(s.manifest?.payees).toEqual([]) },
  { rule: "M4 remove unknown payee", by: clerk, union: upManifest({ removePayee: { name: "nope" } }), code: "PAYEE_NOT_FOUND" },
  { rule: "M5 accept currency", by: clerk, union: upManifest({ addAcceptedCurrencies: [USDC] }), check: (s) => expect(s.manifest?.acceptedCurrencies).toHaveLength(2) },
  { rule: "M5 currency already accepted", by: clerk, union: upManifest({ addAcceptedCurrencies: [ETH] }), code: "CURRENCY_EXISTS" },
  { rule: "M6 stop accepting", by: clerk, union: upManifest({ removeAcceptedCurrencies: [ETH] }), check: (s) => expect(s.manifest?.acceptedCurrencies).toEqual([]) },
  { rule: "M6 currency not accepted", by: clerk, union: upManifest({ removeAcceptedCurrencies: [USDC] }), code: "CURRENCY_NOT_FOUND" },
  { rule: "M7 pricing currency", by: clerk, union: upManifest({ setPricingCurrency: USDC }), check: (s) => expect(s.manifest?.pricingCurrency?.address).toBe(getAddress("0x00000000000000000000000000000000000000aa")) },
  { rule: "M7 pricing currency chain 0", by: clerk, union: upManifest({ setPricingCurrency: { ...USDC, chainId: 0n } }), code: "FIELD_INVALID" },
  { rule: "M8 add region", by: clerk, union: upManifest({ addShippingRegions: [{ name: "moon" }] }), check: (s) => expect(s.manifest?.shippingRegions.map((r) => r.name)).toEqual(["domestic", "other", "moon"]) },
  { rule: "M8 region name taken", by: clerk, union: upManifest({ addShippingRegions: [{ name: "other" }] }), code: "REGION_EXISTS" },
  { rule: "M8 city without postal code", by: clerk, union: upManifest({ addShippingRegions: [{ name: "x", country: "DE", city: "Berlin" }] }), code: "FIELD_INVALID" },
  { rule: "M9 remove region", by: clerk, union: upManifest({ removeShippingRegions: ["other"] }), check: (s) => expect(s.manifest?.shippingRegions.map((r) => r.name)).toEqual(["domestic"]) },
  { rule: "M9 remove unknown region", by: clerk, union: upManifest({ removeShippingRegions: ["moon"] }), code: "REGION_NOT_FOUND" },
  // Account.
  { rule: "A1 enroll clerk", by: relay, union: enroll(stranger), check: (s) => expect(s.keycards[stranger.address]?.role).toBe("clerk") },
  { rule: "A1 enroll guest", by: relay, union: enroll(stranger, "0x0000000000000000000000000000000000000000"), check: (s) => expect(s.keycards[stranger.address]?.role).toBe("guest") },
  { rule: "A1 enroll twice", by: relay, union: enroll(clerk), code: "KEYCARD_EXISTS" },
  { rule: "A1 revoked cannot return", by: relay, union: enroll(retired), code: "KEYCARD_EXISTS" },
  { rule: "A1 key off the curve", by: relay, union: { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: new Uint8Array(64).fill(1) }, userWallet: eth(clerkWallet) } } } }, code: "FIELD_INVALID" },
  { rule: "A2 revoke", by: relay, union: { case: "account", value: { action: { case: "revokeKeycard", value: { raw: guest2.publicKey } } } }, check: (s) => expect(s.keycards[guest2.address]?.revoked).toBe(true) },
  { rule: "A2 revoke unknown", by: relay, union: { case: "account", value: { action: { case: "revokeKeycard", value: { raw: stranger.publicKey } } } }, code: "KEYCARD_NOT_FOUND" },
  { rule: "A3 add account", by: relay, union: { case: "account", value: { action: { case: "add", value: { accountAddress: eth("0x00000000000000000000000000000000000000c2"), tx: h32(9) } } } }, check: (s) => expect(s.accounts).toHaveLength(2) },
  { rule: "A3 add existing account", by: relay, union: { case: "account", value: { action: { case: "add", value: { accountAddress: eth(clerkWallet), tx: h32(9) } } } }, code: "ACCOUNT_EXISTS" },
  { rule: "A4 remove account revokes its clerks", by: relay, union: { case: "account", value: { action: { case: "remove", value: { accountAddress: eth(clerkWallet), tx: h32(9) } } } }, check: (s) => { expect(s.accounts).toEqual([]); expect(s.keycards[clerk.address]?.revoked).toBe(true); expect(s.keycards[guest.address]?.revoked).toBe(false); } },
  { rule: "A4 remove unknown account", by: relay, union: { case: "account", value: { action: { case: "remove", value: { accountAddress: eth("0x00000000000000000000000000000000000000c2"), tx: h32(9) } } } }, code: "ACCOUNT_NOT_FOUND" },
  // Listings.
  { rule: "L1 new listing with options", by: clerk, union: { case: "listing", value: { id: oid(3), price: u256(5), metadata: meta, options: [{ id: oid(30), variations: [{ id: oid(31) }] }] } }, check: (s) => expect(s.listings[oidHex(3)]?.options[0]?.variations[0]?.id).toBe(oidHex(31)) },
  { rule: "L1 listing id taken", by: clerk, union: { case: "listing", value: { id: oid(PEN), price: u256(5), metadata: meta } }, code: "LISTING_EXISTS" },
  { rule: "L1 listing without price", by: clerk, union: { case: "listing", value: { id: oid(3), metadata: meta } }, code: "FIELD_INVALID" },
  { rule: "L1 empty title", by: clerk, union: { case: "listing", value: { id: oid(3), price: u256(5), metadata: { ...meta, title: "" } } }, code: "FIELD_LIMIT" },
  { rule: "L1 unknown view state", by: clerk, union: { case: "listing", value: { id: oid(3), price: u256(5), metadata: meta, viewState: 7 as ListingViewState } }, code: "FIELD_INVALID" },
  { rule: "L1 short id", by: clerk, union: { case: "listing", value: { id: { raw: new Uint8Array(7) }, price: u256(5), metadata: meta } }, code: "FIELD_INVALID" },
  { rule: "L1 duplicate variation id", by: clerk, union: { case: "listing", value: { id: oid(3), price: u256(5), metadata: meta, options: [{ id: oid(30), variations: [{ id: oid(31) }] }, { id: oid(32), variations: [{ id: oid(31) }] }] } }, code: "VARIATION_EXISTS" },
  { rule: "L2 unknown listing", by: clerk, union: { case: "updateListing", value: { id: oid(9), price: u256(1) } }, code: "LISTING_NOT_FOUND" },
  { rule: "L2 empty update", by: clerk, union: upListing({}), code: "UPDATE_EMPTY" },
  { rule: "L3 price", by: clerk, union: upListing({ price: u256(99) }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.price).toBe("99") },
  { rule: "L3 price of 31 bytes", by: clerk, union: upListing({ price: { raw: new Uint8Array(31) } }), code: "FIELD_INVALID" },
  { rule: "L4 metadata replaced", by: clerk, union: upListing({ metadata: { title: "new", description: "d" } }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.metadata).toEqual({ title: "new", description: "d", images: [] }) },
  { rule: "L4 description too long", by: clerk, union: upListing({ metadata: { title: "new", description: "é".repeat(8193) } }), code: "FIELD_LIMIT" },
  { rule: "L5 delete listing", by: clerk, union: upListing({ viewState: 2 }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.viewState).toBe("deleted") },
  { rule: "L6 add option", by: clerk, union: upListing({ addOptions: [{ id: oid(40), title: "Frame", variations: [{ id: oid(41) }] }] }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.options).toHaveLength(2) },
  { rule: "L6 option id taken", by: clerk, union: upListing({ addOptions: [{ id: oid(10) }] }), code: "OPTION_EXISTS" },
  { rule: "L7 remove option", by: clerk, union: upListing({ removeOptionIds: [oid(10)] }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.options).toEqual([]) },
  { rule: "L7 remove unknown option", by: clerk, union: upListing({ removeOptionIds: [oid(40)] }), code: "OPTION_NOT_FOUND" },
  { rule: "L8 add variation", by: clerk, union: upListing({ addVariations: [{ optionId: oid(10), variation: { id: oid(14) } }] }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.options[0]?.variations.map((v) => v.id)).toContain(oidHex(14)) },
  { rule: "L8 variation id taken", by: clerk, union: upListing({ addVariations: [{ optionId: oid(10), variation: { id: oid(11) } }] }), code: "VARIATION_EXISTS" },
  { rule: "L8 option unknown", by: clerk, union: upListing({ addVariations: [{ optionId: oid(40), variation: { id: oid(14) } }] }), code: "OPTION_NOT_FOUND" },
  { rule: "L8b remove variation prunes stock statuses", by: clerk, setup: [{ by: clerk, union: upListing({ stockUpdates: [{ variationIds: [oid(11)], status: { case: "inStock", value: true } }] }) }], union: upListing({ removeVariationIds: [oid(11)] }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.stockStatuses).toEqual([]) },
  { rule: "L8b remove unknown variation", by: clerk, union: upListing({ removeVariationIds: [oid(13)] }), code: "VARIATION_NOT_FOUND" },
  { rule: "L9 stock status alone", by: clerk, union: upListing({ stockUpdates: [{ variationIds: [oid(12)], status: { case: "expectedInStockBy", value: { seconds: 99n } } }] }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.stockStatuses[0]?.expectedInStockBy).toEqual({ seconds: "99", nanos: 0 }) },
  { rule: "L9 stock status without status", by: clerk, union: upListing({ stockUpdates: [{ variationIds: [oid(12)] }] }), code: "FIELD_INVALID" },
  { rule: "L9 two variations of one option", by: clerk, union: upListing({ stockUpdates: [{ variationIds: [oid(11), oid(12)], status: { case: "inStock", value: true } }] }), code: "VARIATIONS_INCOMPLETE" },
  // Inventory.
  { rule: "I1 zero diff", by: clerk, union: stock(PEN, 0), code: "DIFF_ZERO" },
  { rule: "I2 unknown listing", by: clerk, union: stock(9, 1), code: "LISTING_NOT_FOUND" },
  { rule: "I2 partial combination", by: clerk, union: stock(PAINTING, 1), code: "VARIATIONS_INCOMPLETE" },
  { rule: "I2 unknown variation", by: clerk, union: stock(PAINTING, 1, [99]), code: "VARIATION_NOT_FOUND" },
  { rule: "I3 add stock", by: clerk, union: stock(PAINTING, 3, [11]), check: (s) => expect(s.inventory[`${oidHex(PAINTING)}:${oidHex(11)}`]).toEqual({ stock: 8, committed: 0 }) },
  { rule: "I3 lower stock to what orders hold", by: clerk, union: stock(PEN, -17), check: (s) => expect(s.inventory[oidHex(PEN)]).toEqual({ stock: 2, committed: 2 }) },
  { rule: "I3 below what orders hold", by: clerk, union: stock(PEN, -18), code: "OUT_OF_STOCK" },
  { rule: "I3 above int32", by: clerk, union: stock(PEN, 2 ** 31 - 10), code: "STOCK_LIMIT" },
  { rule: "I4 relay increment", by: relay, union: stock(PEN, 1), code: "RELAY_NOT_ALLOWED" },
  // The payment itself decrements (O7): a relay decrement names no order, so a parked order could capture it.
  { rule: "I4 relay decrement", by: relay, union: stock(PEN, -1), code: "RELAY_NOT_ALLOWED" },
  // Tags.
  { rule: "T1 tag with listings", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x", listingIds: [oid(PAINTING), oid(PEN), oid(PEN)] } }, check: (s) => expect(s.tags[oidHex(300)]?.listingIds).toEqual([oidHex(PEN), oidHex(PAINTING)]) },
  { rule: "T1 tag id taken", by: clerk, union: { case: "tag", value: { id: oid(TAG), name: "x" } }, code: "TAG_EXISTS" },
  { rule: "T1 tag name too long", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x".repeat(65) } }, code: "FIELD_LIMIT" },
  { rule: "T1 tag of unknown listing", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x", listingIds: [oid(9)] } }, code: "LISTING_NOT_FOUND" },
  { rule: "T1 created deleted", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x", deleted: true } }, code: "FIELD_INVALID" },
  { rule: "T2 unknown tag", by: clerk, union: { case: "updateTag", value: { id: oid(9), rename: "y" } }, code: "TAG_NOT_FOUND" },
  { rule: "T2 empty update", by: clerk, union: upTag({}), code: "UPDATE_EMPTY" },
  { rule: "T3 rename", by: clerk, union: upTag({ rename: "Things" }), check: (s) => expect(s.tags[oidHex(TAG)]?.name).toBe("Things") },
  { rule: "T3 rename empty", by: clerk, union: upTag({ rename: "" }), code: "FIELD_LIMIT" },
  { rule: "T4 add listing", by: clerk, union: upTag({ addListingIds: [oid(PAINTING)] }), check: (s) => expect(s.tags[oidHex(TAG)]?.listingIds).toHaveLength(2) },
  { rule: "T4 add unknown listing", by: clerk, union: upTag({ addListingIds: [oid(9)] }), code: "LISTING_NOT_FOUND" },
  { rule: "T5 remove listing", by: clerk, union: upTag({ removeListingIds: [oid(PEN), oid(PAINTING)] }), check: (s) => expect(s.tags[oidHex(TAG)]?.listingIds).toEqual([]) },
  { rule: "T5 remove unknown listing", by: clerk, union: upTag({ removeListingIds: [oid(9)] }), code: "LISTING_NOT_FOUND" },
  { rule: "T6 delete", by: clerk, union: upTag({ delete: true }), check: (s) => expect(s.tags[oidHex(TAG)]?.deleted).toBe(true) },
  { rule: "T6 undelete", by: clerk, union: upTag({ delete: false }), code: "FIELD_INVALID" },
  // Orders.
  { rule: "O1 order id taken", by: guest, union: { case: "createOrder", value: { id: oid(ORDER.open) } }, code: "ORDER_EXISTS" },
  { rule: "O1 guest at the active-order cap", by: guest2, setup: guestOrders(MAX_GUEST_ACTIVE_ORDERS - 2), union: { case: "createOrder", value: { id: oid(300) } }, check: (s) => expect(orderOf(s, 300).owner).toBe(guest2.address) },
  { rule: "O1 guest above the active-order cap", by: guest2, setup: guestOrders(MAX_GUEST_ACTIVE_ORDERS - 1), union: { case: "createOrder", value: { id: oid(300) } }, code: "ACTIVE_ORDER_LIMIT" },
  { rule: "O1 paid and canceled orders are not active", by: guest, setup: guestOrders(MAX_GUEST_ACTIVE_ORDERS - 6, guest), union: { case: "createOrder", value: { id: oid(300) } }, check: (s) => expect(orderOf(s, 300).status).toBe("open") },
  { rule: "O1 clerks have no active-order cap", by: clerk, setup: guestOrders(MAX_GUEST_ACTIVE_ORDERS, clerk), union: { case: "createOrder", value: { id: oid(300) } }, check: (s) => expect(orderOf(s, 300).owner).toBe(clerk.address) },
  { rule: "O0 unknown order", by: guest, union: order(999, commit), code: "ORDER_NOT_FOUND" },
  { rule: "O0 another guest's order", by: guest, union: order(ORDER.otherGuest, commit), code: "NOT_ORDER_OWNER" },
  { rule: "O0 a clerk may act on any order", by: clerk, union: order(ORDER.otherGuest, commit), check: (s) => expect(orderOf(s, ORDER.otherGuest).status).toBe("committed") },
  { rule: "O2 add merges into the line", by: guest, union: order(ORDER.open, items([{ listing: PEN, quantity: 3 }])), check: (s) => expect(orderOf(s, ORDER.open).items).toEqual([{ listingId: oidHex(PEN), variationIds: [], quantity: 5, unitPrice: null }]) },
  { rule: "O2 remove empties the line", by: guest, union: order(ORDER.open, { case: "changeItems", value: { removes: [{ listingId: oid(PEN), quantity: 2 }] } }), check: (s) => expect(orderOf(s, ORDER.open).items).toEqual([]) },
  { rule: "O2 remove more than held", by: guest, union: order(ORDER.open, { case: "changeItems", value: { removes: [{ listingId: oid(PEN), quantity: 3 }] } }), code: "ITEM_NOT_IN_ORDER" },
  { rule: "O2 empty change", by: guest, union: order(ORDER.open, { case: "changeItems", value: {} }), code: "UPDATE_EMPTY" },
  { rule: "O2 quantity zero", by: guest, union: order(ORDER.open, items([{ listing: PEN, quantity: 0 }])), code: "FIELD_INVALID" },
  { rule: "O2 line above uint32", by: guest, union: order(ORDER.open, items([{ listing: PEN, quantity: 2 ** 32 - 2 }])), code: "QUANTITY_LIMIT" },
  { rule: "O2 order at the line cap", by: guest, setup: [{ by: clerk, union: manyVariations }], union: order(ORDER.open, items(lines(MAX_ORDER_LINES - 1))), check: (s) => expect(orderOf(s, ORDER.open).items).toHaveLength(MAX_ORDER_LINES) },
  { rule: "O2 order above the line cap", by: guest, setup: [{ by: clerk, union: manyVariations }], union: order(ORDER.open, items(lines(MAX_ORDER_LINES))), code: "ORDER_LINE_LIMIT" },
  { rule: "O2 variation missing", by: guest, union: order(ORDER.open, items([{ listing: PAINTING, quantity: 1 }])), code: "VARIATIONS_INCOMPLETE" },
  { rule: "O2 unknown listing", by: guest, union: order(ORDER.open, items([{ listing: 9, quantity: 1 }])), code: "LISTING_NOT_FOUND" },
  { rule: "O2 after commit", by: guest, union: order(ORDER.committed, items([{ listing: PEN, quantity: 1 }])), code: "ORDER_STATUS" },
  { rule: "O3 commit holds stock", by: guest, union: order(ORDER.open, commit), check: (s) => { expect(orderOf(s, ORDER.open).status).toBe("committed"); expect(s.inventory[oidHex(PEN)]).toEqual({ stock: 19, committed: 4 }); } },
  { rule: "O3 commit freezes unit prices", by: guest, setup: [{ by: guest, union: order(ORDER.open, items([{ listing: PAINTING, variations: [12], quantity: 1 }])) }], union: order(ORDER.open, commit), check: (s) => expect(orderOf(s, ORDER.open).items.map((l) => l.unitPrice)).toEqual(["1000", "1600"]) },
  { rule: "O3 commit twice", by: guest, union: order(ORDER.committed, commit), code: "ORDER_STATUS" },
  { rule: "O3 commit an orphaned variation", by: clerk, union: order(ORDER.otherGuest, items([{ listing: PAINTING, variations: [11], quantity: 6 }])), check: (s) => expect(orderOf(s, ORDER.otherGuest).items).toHaveLength(2) },
  { rule: "O4 invoice address", by: guest, union: order(ORDER.paid, { case: "setInvoiceAddress", value: ADDRESS }), check: (s) => expect(orderOf(s, ORDER.paid).invoiceAddress?.city).toBe("Berlin") },
  { rule: "O4 address too long", by: guest, union: order(ORDER.open, { case: "setShippingAddress", value: { ...ADDRESS, postalCode: "1".repeat(26) } }), code: "FIELD_LIMIT" },
  { rule: "O4 address of a canceled order", by: guest, union: order(ORDER.canceled, shipTo), code: "ORDER_STATUS" },
  { rule: "O5 choose payment", by: guest, union: order(ORDER.committed, { case: "setShippingAddress", value: ADDRESS }), check: (s) => expect(orderOf(s, ORDER.committed).shippingAddress).not.toBeNull() },
  { rule: "O5 choose payment without address", by: guest, union: order(ORDER.committed, choose), code: "ADDRESS_MISSING" },
  { rule: "O5 choose again", by: guest, union: order(ORDER.chosen, choose), check: (s) => expect(orderOf(s, ORDER.chosen).chosenPayee?.name).toBe("main") },
  { rule: "O5 currency not accepted", by: guest, union: order(ORDER.chosen, { case: "choosePayment", value: { currency: USDC, payee: PAYEE } }), code: "CURRENCY_NOT_ACCEPTED" },
  { rule: "O5 unknown payee", by: guest, union: order(ORDER.chosen, { case: "choosePayment", value: { currency: ETH, payee: { ...PAYEE, callAsContract: true } } }), code: "PAYEE_NOT_FOUND" },
  { rule: "O5 before commit", by: guest, union: order(ORDER.open, choose), code: "ORDER_STATUS" },
  { rule: "O5 after payment details", by: guest, union: order(ORDER.unpaid, choose), code: "ORDER_STATUS" },
  // O6: order 102 holds painting M: 1400 + 200 = 1600; domestic: +19% → 1904, +500 → 2404.
  { rule: "O6 payment details", by: relay, union: order(ORDER.chosen, details(2404, "domestic")), check: (s) => expect(orderOf(s, ORDER.chosen).paymentDetails).toMatchObject({ total: "2404", shippingRegion: "domestic" }) },
  { rule: "O6 payment details without the region the address is in", by: relay, union: order(ORDER.chosen, details(1600)), code: "REGION_MISMATCH" },
  { rule: "O6 wrong total", by: relay, union: order(ORDER.chosen, details(2403, "domestic")), code: "TOTAL_MISMATCH" },
  { rule: "O6 region not in the manifest", by: relay, union: order(ORDER.chosen, { case: "setPaymentDetails", value: { paymentId: h32(7), total: u256(1600), ttl: "60", shippingRegion: { name: "moon" } } }), code: "REGION_NOT_FOUND" },
  { rule: "O6 ttl not whole seconds", by: relay, union: order(ORDER.chosen, details(1600, undefined, "1h")), code: "FIELD_INVALID" },
  { rule: "O6 ttl above a day", by: relay, union: order(ORDER.chosen, details(1600, undefined, "86401")), code: "FIELD_INVALID" },
  { rule: "O6 before choose_payment", by: relay, union: order(ORDER.committed, details(1000)), code: "ORDER_STATUS" },
  { rule: "O6 short payment id", by: relay, union: order(ORDER.chosen, { case: "setPaymentDetails", value: { paymentId: { raw: new Uint8Array(31) }, total: u256(1600) } }), code: "FIELD_INVALID" },
  // O7: the payment itself takes the order's lines out of stock. Pen in the scenario: stock 19, committed 2 (orders 101 and 103).
  { rule: "O7 payment takes the lines out of stock", by: relay, union: order(ORDER.unpaid, pay), check: (s) => { expect(orderOf(s, ORDER.unpaid)).toMatchObject({ status: "paid", paymentTransactions: [{ txHash: `0x${"0".repeat(63)}2`, blockHash: `0x${"0".repeat(63)}3` }] }); expect(s.inventory[oidHex(PEN)]).toEqual({ stock: 18, committed: 1 }); } },
  { rule: "O7 pay before payment details", by: relay, union: order(ORDER.chosen, pay), code: "ORDER_STATUS" },
  { rule: "O7 a second payment changes no stock", by: relay, union: order(ORDER.paid, { case: "addPaymentTx", value: { blockHash: h32(4) } }), check: (s) => { expect(orderOf(s, ORDER.paid).paymentTransactions).toHaveLength(2); expect(s.inventory[oidHex(PEN)]).toEqual({ stock: 19, committed: 2 }); } },
  // The parked-order attack: a guest parks order 0, the smallest id, unpaid with 1 × pen; another buyer's payment still takes that buyer's pen.
  {
    rule: "O7 a parked order does not capture another buyer's payment", by: relay,
    setup: [...penOrder(0, guest), { by: relay, union: order(0, details(5200, "other")) }, ...penOrder(300, guest2), { by: relay, union: order(300, details(5200, "other")) }], union: order(300, pay),
    check: (s) => { expect(orderOf(s, 300).status).toBe("paid"); expect(orderOf(s, 0).status).toBe("unpaid"); expect(s.inventory[oidHex(PEN)]).toEqual({ stock: 18, committed: 3 }); },
  },
  {
    rule: "O7 two orders of the same line paid in reverse id order", by: relay,
    setup: [...penOrder(301, guest), { by: relay, union: order(301, details(5200, "other")) }, ...penOrder(302, guest2), { by: relay, union: order(302, details(5200, "other")) }, { by: relay, union: order(302, pay) }], union: order(301, pay),
    check: (s) => { expect([orderOf(s, 301).status, orderOf(s, 302).status]).toEqual(["paid", "paid"]); expect(s.inventory[oidHex(PEN)]).toEqual({ stock: 17, committed: 2 }); },
  },
  { rule: "T2 deleted tag", by: clerk, setup: [{ by: clerk, union: upTag({ delete: true }) }], union: upTag({ rename: "again" }), code: "TAG_DELETED" },
  { rule: "O8 cancel releases stock", by: guest, union: order(ORDER.committed, cancel), check: (s) => { expect(orderOf(s, ORDER.committed).status).toBe("canceled"); expect(s.inventory[oidHex(PEN)]).toEqual({ stock: 19, committed: 1 }); } },
  { rule: "O8 cancel an open order", by: guest, union: order(ORDER.open, cancel), code: "ORDER_STATUS" },
  { rule: "O8 guest cancels an unpaid order", by: guest, union: order(ORDER.unpaid, cancel), check: (s) => { expect(orderOf(s, ORDER.unpaid).status).toBe("canceled"); expect(s.inventory[oidHex(PEN)]).toEqual({ stock: 19, committed: 1 }); } },
  { rule: "O8 cancel a paid order", by: guest, union: order(ORDER.paid, cancel), code: "ORDER_STATUS" },
  { rule: "O9 relay cancels an orphaned order", by: relay, union: order(ORDER.orphaned, cancel), check: (s) => expect(orderOf(s, ORDER.orphaned).status).toBe("canceled") },
  // Holds lapse: committed or payment_chosen 24 h after commit, unpaid after the ttl; the cancel's timestamp judges (the log advances 1 h per event).
  { rule: "O9 relay cancels a hold before it lapses", by: relay, setup: penOrder(300, guest).slice(0, 3), union: order(300, cancel), code: "CANCEL_NOT_JUSTIFIED" },
  { rule: "O9 relay cancels a hold 24 h after commit", by: relay, union: order(ORDER.committed, cancel), check: (s) => { expect(orderOf(s, ORDER.committed).status).toBe("canceled"); expect(s.inventory[oidHex(PEN)]).toEqual({ stock: 19, committed: 1 }); } },
  { rule: "O9 relay cancels an unpaid order within its ttl", by: relay, union: order(ORDER.unpaid, cancel), code: "CANCEL_NOT_JUSTIFIED" },
  { rule: "O9 relay cancels an unpaid order at the end of its ttl", by: relay, setup: [...penOrder(300, guest), { by: relay, union: order(300, details(5200, "other", "3600")) }], union: order(300, cancel), check: (s) => expect(orderOf(s, 300).status).toBe("canceled") },
  { rule: "O10 shipping status", by: clerk, union: order(ORDER.paid, { case: "setShippingStatus", value: "shipped" }), check: (s) => expect(orderOf(s, ORDER.paid).shippingStatus).toBe("shipped") },
  { rule: "O10 shipping status before payment", by: clerk, union: order(ORDER.unpaid, { case: "setShippingStatus", value: "shipped" }), code: "ORDER_STATUS" },
  { rule: "O10 guest sets shipping status", by: guest, union: order(ORDER.paid, { case: "setShippingStatus", value: "shipped" }), code: "CLERK_ONLY" },
  { rule: "O3 commit an empty order", by: guest, setup: [{ by: guest, union: { case: "createOrder", value: { id: oid(300) } } }], union: order(300, commit), code: "ORDER_EMPTY" },
  { rule: "O2 deleted listing", by: guest, setup: [{ by: clerk, union: { case: "updateListing", value: { id: oid(PEN), viewState: 2 } } }], union: order(ORDER.open, items([{ listing: PEN, quantity: 1 }])), code: "LISTING_DELETED" },
  { rule: "O3 commit a deleted listing", by: guest, setup: [{ by: clerk, union: { case: "updateListing", value: { id: oid(PEN), viewState: 2 } } }], union: order(ORDER.open, commit), code: "LISTING_DELETED" },
  { rule: "O3 more than available", by: guest2, setup: [{ by: clerk, union: stock(PEN, -16) }], union: order(ORDER.otherGuest, items([{ listing: PEN, quantity: 1 }])), check: (s) => expect(orderOf(s, ORDER.otherGuest).items[0]?.quantity).toBe(2) },
  { rule: "O3 out of stock", by: guest2, setup: [{ by: clerk, union: stock(PEN, -17) }], union: order(ORDER.otherGuest, commit), code: "OUT_OF_STOCK" },
  { rule: "O5 payee and currency on different chains", by: guest, setup: [{ by: clerk, union: upManifest({ addAcceptedCurrencies: [{ ...USDC, chainId: 5n }] }) }], union: order(ORDER.chosen, { case: "choosePayment", value: { currency: { ...USDC, chainId: 5n }, payee: PAYEE } }), code: "CHAIN_MISMATCH" },
  { rule: "O3 unit price above uint256", by: guest, setup: [{ by: clerk, union: upListing({ price: u256((1n << 256n) - 100n) }) }, { by: guest, union: order(ORDER.open, items([{ listing: PAINTING, variations: [12], quantity: 1 }])) }], union: order(ORDER.open, commit), code: "TOTAL_OUT_OF_RANGE" },
  { rule: "O6 total above uint256", by: relay, setup: [{ by: clerk, union: { case: "updateListing", value: { id: oid(PEN), price: u256((1n << 255n) + 1n) } } }, ...penOrder(300, guest, 2)], union: order(300, details(0, "other")), code: "TOTAL_OUT_OF_RANGE" },
  // Prices are frozen at commit: order 102 committed painting M at 1600, and pays that after the price drops to 0.
  { rule: "O6 the total uses the prices frozen at commit", by: relay, setup: [{ by: clerk, union: upListing({ price: u256(0) }) }], union: order(ORDER.chosen, details(2404, "domestic")), check: (s) => expect(orderOf(s, ORDER.chosen).paymentDetails?.total).toBe("2404") },
  { rule: "O6 a price changed after commit is not charged", by: relay, setup: [{ by: clerk, union: upListing({ price: u256(0) }) }], union: order(ORDER.chosen, details(200, "domestic")), code: "TOTAL_MISMATCH" },
  // The shipping region (docs/shop-state.md, "Shipping region"): order 102 ships to Berlin, Germany, 10115.
  { rule: "O6 the most specific region wins", by: relay, setup: [{ by: clerk, union: upManifest({ addShippingRegions: [{ name: "berlin", country: "Germany", postalCode: "10115", orderPriceModifiers: [{ title: "Kurier", modification: { case: "absolute", value: { plusSign: true, diff: u256(300) } } }] }] }) }], union: order(ORDER.chosen, { case: "setPaymentDetails", value: { paymentId: h32(7), total: u256(1900), ttl: "60", shippingRegion: { name: "berlin", country: "Germany", postalCode: "10115", orderPriceModifiers: [{ title: "Kurier", modification: { case: "absolute", value: { plusSign: true, diff: u256(300) } } }] } } }), check: (s) => expect(orderOf(s, ORDER.chosen).paymentDetails).toMatchObject({ total: "1900", shippingRegion: "berlin" }) },
  { rule: "O6 a less specific region than the rule's", by: relay, setup: [{ by: clerk, union: upManifest({ addShippingRegions: [{ name: "berlin", country: "Germany", postalCode: "10115" }] }) }], union: order(ORDER.chosen, details(2404, "domestic")), code: "REGION_MISMATCH" },
  { rule: "O6 a tie goes to the region listed first (country compared without ASCII case)", by: relay, setup: [{ by: clerk, union: upManifest({ addShippingRegions: [{ name: "germany-too", country: "GERMANY" }] }) }], union: order(ORDER.chosen, details(2404, "domestic")), check: (s) => expect(orderOf(s, ORDER.chosen).paymentDetails?.shippingRegion).toBe("domestic") },
  { rule: "O6 the tied region listed second", by: relay, setup: [{ by: clerk, union: upManifest({ addShippingRegions: [{ name: "germany-too", country: "GERMANY" }] }) }], union: order(ORDER.chosen, { case: "setPaymentDetails", value: { paymentId: h32(7), total: u256(1600), ttl: "60", shippingRegion: { name: "germany-too", country: "GERMANY" } } }), code: "REGION_MISMATCH" },
  { rule: "O6 the catch-all for an address no other region names", by: relay, setup: [{ by: guest, union: order(ORDER.chosen, shipAbroad) }], union: order(ORDER.chosen, details(5800, "other")), check: (s) => expect(orderOf(s, ORDER.chosen).paymentDetails).toMatchObject({ total: "5800", shippingRegion: "other" }) },
  { rule: "O6 a region that does not match the address", by: relay, setup: [{ by: guest, union: order(ORDER.chosen, shipAbroad) }], union: order(ORDER.chosen, details(2404, "domestic")), code: "REGION_MISMATCH" },
  { rule: "O6 no region matches: none is charged", by: relay, setup: [{ by: clerk, union: upManifest({ removeShippingRegions: ["other"] }) }, { by: guest, union: order(ORDER.chosen, shipAbroad) }], union: order(ORDER.chosen, details(1600)), check: (s) => expect(orderOf(s, ORDER.chosen).paymentDetails).toMatchObject({ total: "1600", shippingRegion: null }) },
  { rule: "O6 the shipping address decides over the invoice address", by: relay, setup: [{ by: guest, union: order(ORDER.chosen, { case: "setInvoiceAddress", value: ABROAD }) }], union: order(ORDER.chosen, details(5800, "other")), code: "REGION_MISMATCH" },
  // On a fresh shop: keycards enrolled, no manifest yet.
  { rule: "E9 no manifest yet", base: "fresh", by: clerk, union: { case: "tag", value: { id: oid(1), name: "x" } }, code: "MANIFEST_MISSING" },
  { rule: "E9 guests wait for the manifest too", base: "fresh", by: guest, union: { case: "createOrder", value: { id: oid(1) } }, code: "MANIFEST_MISSING" },
  { rule: "E9 Account needs no manifest", base: "fresh", by: relay, union: enroll(stranger), check: (s) => expect(s.keycards[stranger.address]?.role).toBe("clerk") },
  { rule: "M1 manifest", base: "fresh", by: clerk, union: manifestUnion(), check: (s) => expect(s.manifest?.shippingRegions.map((r) => r.name)).toEqual(["domestic", "other"]) },
  { rule: "M1 manifest for another token id", base: "fresh", by: clerk, union: withManifest({ tokenId: u256(1) }), code: "MANIFEST_TOKEN_MISMATCH" },
  { rule: "M1 manifest without pricing currency", base: "fresh", by: clerk, union: withManifest({ pricingCurrency: undefined }), check: (s) => expect(s.manifest?.pricingCurrency).toBeNull() },
  {
    rule: "O5 no pricing currency", base: "fresh", by: guest,
    setup: [
      { by: clerk, union: withManifest({ pricingCurrency: undefined }) },
      { by: clerk, union: listingUnions()[0]! },
      { by: clerk, union: stock(PEN, 5) },
      { by: guest, union: { case: "createOrder", value: { id: oid(1) } } },
      { by: guest, union: order(1, items([{ listing: PEN, quantity: 1 }])) },
      { by: guest, union: order(1, commit) },
      { by: guest, union: order(1, shipTo) },
    ],
    union: order(1, choose), code: "PRICING_CURRENCY_MISSING",
  },
  // A labelled passing case for every row that only had refusals (I4 only refuses: a relay never signs ChangeInventory).
  { rule: "E2 shop id of the context", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, check: (s) => expect(s.eventCount).toBeGreaterThan(0) },
  { rule: "E3 timestamp present", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, check: (s) => expect(s.tags[oidHex(300)]).toBeDefined() },
  { rule: "E4 nanos at 999,999,999", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, nanos: 999_999_999, check: (s) => expect(s.tags[oidHex(300)]).toBeDefined() },
  { rule: "E5 enrolled clerk", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, check: (s) => expect(s.nonces.lastNonces[clerk.address]).toBeDefined() },
  { rule: "E7 account with an action", by: relay, union: enroll(stranger, "0x0000000000000000000000000000000000000000"), check: (s) => expect(s.keycards[stranger.address]?.role).toBe("guest") },
  // M2: steps in field-number order, add_payee (1) before remove_payee (2): the other order would refuse.
  { rule: "M2 add then remove the same payee", by: clerk, union: upManifest({ addPayee: { ...PAYEE, name: "second", chainId: 5n }, removePayee: { ...PAYEE, name: "second", chainId: 5n } }), check: (s) => expect(s.manifest?.payees.map((p) => p.name)).toEqual(["main"]) },
  // L2: add_variations (7) before remove_variation_ids (8).
  { rule: "L2 add then remove the same variation", by: clerk, union: upListing({ addVariations: [{ optionId: oid(10), variation: { id: oid(14) } }], removeVariationIds: [oid(14)] }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.options[0]?.variations.map((v) => v.id)).toEqual([oidHex(11), oidHex(12)]) },
  { rule: "L5 unknown view state", by: clerk, union: upListing({ viewState: 9 }), code: "FIELD_INVALID" },
  { rule: "I1 diff of -1", by: clerk, union: stock(PEN, -1), check: (s) => expect(s.inventory[oidHex(PEN)]).toEqual({ stock: 18, committed: 2 }) },
  { rule: "I2 full combination", by: clerk, union: stock(PAINTING, 1, [12]), check: (s) => expect(s.inventory[`${oidHex(PAINTING)}:${oidHex(12)}`]).toEqual({ stock: 6, committed: 1 }) },
  { rule: "T2 update of a live tag", by: clerk, union: upTag({ rename: "More", addListingIds: [oid(PAINTING)] }), check: (s) => expect(s.tags[oidHex(TAG)]).toMatchObject({ name: "More", listingIds: [oidHex(PEN), oidHex(PAINTING)] }) },
  // Decisions (docs/shop-state.md, "Decided points").
  { rule: "E2 shop id of 31 bytes", by: clerk, union: { case: "tag", value: { id: oid(300), name: "x" } }, shopId: SHOP_ID_BYTES.slice(1), code: "SHOP_MISMATCH" },
  { rule: "O9 relay cancels an unpaid order with a removed variation before its ttl", by: relay, setup: [{ by: guest, union: order(ORDER.orphaned, shipAbroad) }, { by: guest, union: order(ORDER.orphaned, choose) }, { by: relay, union: order(ORDER.orphaned, details(5500, "other")) }], union: order(ORDER.orphaned, cancel), check: (s) => expect(orderOf(s, ORDER.orphaned).status).toBe("canceled") },
  { rule: "O6 a region equal by name only", by: relay, union: order(ORDER.chosen, { case: "setPaymentDetails", value: { paymentId: h32(7), total: u256(2404), ttl: "60", shippingRegion: { ...REGIONS[0], country: "France" } } }), code: "REGION_NOT_FOUND" },
  { rule: "O3 commit a line whose variation was removed", by: guest2, setup: [{ by: guest2, union: order(ORDER.otherGuest, items([{ listing: PAINTING, variations: [12], quantity: 1 }])) }, { by: clerk, union: upListing({ removeVariationIds: [oid(12)] }) }], union: order(ORDER.otherGuest, commit), code: "VARIATION_NOT_FOUND" },
  { rule: "O2 remove a line whose variation was removed", by: guest2, setup: [{ by: guest2, union: order(ORDER.otherGuest, items([{ listing: PAINTING, variations: [12], quantity: 1 }])) }, { by: clerk, union: upListing({ removeVariationIds: [oid(12)] }) }], union: order(ORDER.otherGuest, { case: "changeItems", value: { removes: [{ listingId: oid(PAINTING), variationIds: [oid(12)], quantity: 1 }] } }), check: (s) => expect(orderOf(s, ORDER.otherGuest).items).toHaveLength(1) },
  // O3 checks line by line in key order: the pen (first key) is out of stock, the painting (second) deleted.
  { rule: "O3 the first line in key order decides", by: guest2, setup: [{ by: guest2, union: order(ORDER.otherGuest, items([{ listing: PAINTING, variations: [11], quantity: 1 }])) }, { by: clerk, union: stock(PEN, -17) }, { by: clerk, union: upListing({ viewState: 2 }) }], union: order(ORDER.otherGuest, commit), code: "OUT_OF_STOCK" },
  { rule: "I3 stock back to 0 keeps the entry", by: clerk, union: stock(PAINTING, -5, [11]), check: (s) => expect(s.inventory[`${oidHex(PAINTING)}:${oidHex(11)}`]).toEqual({ stock: 0, committed: 0 }) },
  { rule: "L9 expected_in_stock_by with nanos out of range", by: clerk, union: upListing({ stockUpdates: [{ variationIds: [oid(12)], status: { case: "expectedInStockBy", value: { seconds: 99n, nanos: 1_000_000_000 } } }] }), code: "FIELD_INVALID" },
  { rule: "L8 variation diff without its amount", by: clerk, union: upListing({ addVariations: [{ optionId: oid(10), variation: { id: oid(14), diff: { plusSign: true } } }] }), code: "FIELD_INVALID" },
  // L10: the painting costs 1400 with S (0) or M (+200) (the scenario removed XS): its cheapest unit is 1400.
  { rule: "L10 a variation that brings the unit to exactly 0", by: clerk, union: upListing({ addVariations: [{ optionId: oid(10), variation: { id: oid(14), diff: { plusSign: false, diff: u256(1400) } } }] }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.options[0]?.variations.map((v) => v.id)).toContain(oidHex(14)) },
  { rule: "L10 a variation that makes a unit price negative", by: clerk, union: upListing({ addVariations: [{ optionId: oid(10), variation: { id: oid(14), diff: { plusSign: false, diff: u256(1401) } } }] }), code: "UNIT_PRICE_NEGATIVE" },
  { rule: "L10 a price below the cheapest variation's discount", by: clerk, setup: [{ by: clerk, union: upListing({ addVariations: [{ optionId: oid(10), variation: { id: oid(14), diff: { plusSign: false, diff: u256(500) } } }] }) }], union: upListing({ price: u256(499) }), code: "UNIT_PRICE_NEGATIVE" },
  { rule: "L10 a new listing whose second variation costs below 0", by: clerk, union: { case: "listing", value: { id: oid(300), price: u256(10), metadata: meta, options: [{ id: oid(301), variations: [{ id: oid(302) }, { id: oid(303), diff: { plusSign: false, diff: u256(11) } }] }] } }, code: "UNIT_PRICE_NEGATIVE" },
  {
    rule: "L10 removing the option that kept the price up", by: clerk,
    setup: [{ by: clerk, union: { case: "listing", value: { id: oid(300), price: u256(100), metadata: meta, options: [{ id: oid(301), variations: [{ id: oid(302), diff: { plusSign: true, diff: u256(50) } }] }, { id: oid(304), variations: [{ id: oid(305), diff: { plusSign: false, diff: u256(120) } }] }] } } }],
    union: { case: "updateListing", value: { id: oid(300), removeOptionIds: [oid(301)] } }, code: "UNIT_PRICE_NEGATIVE",
  },
  // Boundaries: stock exactly 2^31 − 1 and one more.
  { rule: "I3 stock exactly 2^31 - 1", by: clerk, union: stock(PEN, 2 ** 31 - 1 - 19), check: (s) => expect(s.inventory[oidHex(PEN)]?.stock).toBe(2 ** 31 - 1) },
  { rule: "I3 stock 2^31", by: clerk, union: stock(PEN, 2 ** 31 - 19), code: "STOCK_LIMIT" },
  // Percentages round down: 1599 × 19 / 100 = 303.81 → 303; 1599 + 303 + 500 = 2402.
  { rule: "O6 a percentage rounds down", by: relay, setup: [{ by: clerk, union: upListing({ price: u256(1399) }) }, ...penOrder(300, guest).slice(0, 1), { by: guest, union: order(300, items([{ listing: PAINTING, variations: [12], quantity: 1 }])) }, ...penOrder(300, guest).slice(2), { by: guest, union: order(300, shipTo) }], union: order(300, details(2402, "domestic")), check: (s) => expect(orderOf(s, 300).paymentDetails?.total).toBe("2402") },
  { rule: "O6 a percentage rounded up is refused", by: relay, setup: [{ by: clerk, union: upListing({ price: u256(1399) }) }, ...penOrder(300, guest).slice(0, 1), { by: guest, union: order(300, items([{ listing: PAINTING, variations: [12], quantity: 1 }])) }, ...penOrder(300, guest).slice(2), { by: guest, union: order(300, shipTo) }], union: order(300, details(2403, "domestic")), code: "TOTAL_MISMATCH" },
  // Field rules (docs/shop-state.md, "Field rules"); F4 (lone surrogates) cannot be encoded: test/security/unstable-strings.test.ts.
  { rule: "F1 tag without id", by: clerk, union: { case: "tag", value: { name: "x" } }, code: "FIELD_INVALID" },
  { rule: "F1 tag with an 8-byte id", by: clerk, union: { case: "tag", value: { id: oid(301), name: "x" } }, check: (s) => expect(s.tags[oidHex(301)]).toBeDefined() },
  { rule: "F2 payee on chain 0", by: clerk, union: upManifest({ addPayee: { ...PAYEE, name: "zero", chainId: 0n } }), code: "FIELD_INVALID" },
  { rule: "F2 currency on chain 5", by: clerk, union: upManifest({ addAcceptedCurrencies: [{ ...USDC, chainId: 5n }] }), check: (s) => expect(s.manifest?.acceptedCurrencies.map((c) => c.chainId)).toEqual(["1", "5"]) },
  { rule: "F3 tag name of 64 bytes", by: clerk, union: { case: "tag", value: { id: oid(300), name: "é".repeat(32) } }, check: (s) => expect(s.tags[oidHex(300)]?.name).toHaveLength(32) },
  { rule: "F3 tag name of 65 bytes", by: clerk, union: { case: "tag", value: { id: oid(300), name: `${"é".repeat(32)}x` } }, code: "FIELD_LIMIT" },
  { rule: "F5 region with a postal code and no country", by: clerk, union: upManifest({ addShippingRegions: [{ name: "x", postalCode: "10115" }] }), code: "FIELD_INVALID" },
  { rule: "F5 region with a city, a postal code and a country", by: clerk, union: upManifest({ addShippingRegions: [{ name: "x", country: "DE", postalCode: "10115", city: "Berlin" }] }), check: (s) => expect(s.manifest?.shippingRegions[2]).toMatchObject({ country: "DE", postalCode: "10115", city: "Berlin" }) },
  { rule: "F6 modifier without modification", by: clerk, union: upManifest({ addShippingRegions: [{ name: "x", orderPriceModifiers: [{ title: "?" }] }] }), code: "FIELD_INVALID" },
  { rule: "F6 modifier with a negative amount", by: clerk, union: upManifest({ addShippingRegions: [{ name: "x", orderPriceModifiers: [{ title: "promo", modification: { case: "absolute", value: { plusSign: false, diff: u256(5) } } }] }] }), check: (s) => expect(s.manifest?.shippingRegions[2]?.modifiers[0]?.absolute).toEqual({ plus: false, amount: "5" }) },
  { rule: "F7 expected_in_stock_by at the end of 9999", by: clerk, union: upListing({ stockUpdates: [{ variationIds: [oid(12)], status: { case: "expectedInStockBy", value: { seconds: 253_402_300_799n, nanos: 999_999_999 } } }] }), check: (s) => expect(s.listings[oidHex(PAINTING)]?.stockStatuses[0]?.expectedInStockBy).toEqual({ seconds: "253402300799", nanos: 999_999_999 }) },
  { rule: "F7 expected_in_stock_by in year 10000", by: clerk, union: upListing({ stockUpdates: [{ variationIds: [oid(12)], status: { case: "expectedInStockBy", value: { seconds: 253_402_300_800n } } }] }), code: "FIELD_INVALID" },
];


/** The state a case starts from, the event (with the case's envelope defects) and its signer. */
export function prepareRuleCase(c: RuleCase): { before: ShopState; event: ShopEvent; signer: Address } {
  const { log, state } = c.base === "fresh" ? buildFresh() : buildScenario();
  let before = state;
  for (const step of c.setup ?? []) before = applyShopEvent({ state: before, ...log.push(step.by, step.union) });
  const entry = log.next(c.by, c.union ?? { case: "tag", value: {} }, { ...(c.nonce === undefined ? {} : { nonce: c.nonce }), ...(c.shopId === undefined ? {} : { shopId: c.shopId }) });
  const event = create(ShopEventSchema, entry.event);
  if (c.union === undefined) event.union = { case: undefined };
  if (c.noTimestamp === true) event.timestamp = undefined;
  if (c.nanos !== undefined && event.timestamp !== undefined) event.timestamp.nanos = c.nanos;
  return { before, event, signer: entry.signer };
}
