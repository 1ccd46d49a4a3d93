// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A second fold of the shop rules, written from docs/shop-state.md alone and
// sharing no code with src/state: it reads the generated messages, keeps the
// state as the grammar's plain JSON, checksums with ethers (not viem), and
// writes its own canonical JSON. Each comment names the section it follows.
// A line this needs that the document does not justify is a document bug.
import { computeAddress, getAddress, hexlify, keccak256, toUtf8Bytes } from "ethers";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- the state is the grammar's JSON, checked by the vectors */
type Json = any;

/** A refusal: the rule's code and path (docs/shop-state.md, "Rejection paths"). */
export class ReferenceRefusal extends Error {
  constructor(readonly code: string, readonly path: string) {
    super(`${code} at ${path}`);
  }
}
const no = (code: string, path: string): never => {
  throw new ReferenceRefusal(code, path);
};

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
const MAX_U256 = (1n << 256n) - 1n;
const hex = (bytes: Uint8Array) => hexlify(bytes).toLowerCase();
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// "Field rules": LIMITS in UTF-8 bytes.
const LIMITS = {
  payeeName: [1, 128], regionName: [1, 128], regionPart: [0, 128], modifierTitle: [0, 128], listingTitle: [1, 512], listingDescription: [1, 16384],
  image: [1, 4096], optionTitle: [0, 512], variationTitle: [0, 512], variationDescription: [0, 16384], tagName: [1, 64], addressName: [1, 1024],
  address1: [1, 128], address2: [0, 128], city: [1, 128], postalCode: [1, 25], country: [1, 50], email: [1, 320], phone: [0, 20], shippingStatus: [1, 128], listingHash: [1, 512],
} as const;

// F1: a message field the rule needs is set; its byte length.
function need<T>(value: T | undefined, path: string): T {
  return value === undefined ? no("FIELD_INVALID", path) : value;
}
function bytes(value: { raw: Uint8Array } | undefined, length: number, path: string): Uint8Array {
  const raw = need(value, path).raw;
  return raw.length === length ? raw : no("FIELD_INVALID", `${path}.raw`);
}
const id8 = (v: { raw: Uint8Array } | undefined, path: string) => hex(bytes(v, 8, path));
const id32 = (v: { raw: Uint8Array } | undefined, path: string) => hex(bytes(v, 32, path));
const address = (v: { raw: Uint8Array } | undefined, path: string) => getAddress(hex(bytes(v, 20, path)));
const u256 = (v: { raw: Uint8Array } | undefined, path: string) => BigInt(hex(bytes(v, 32, path)));
// F4 then F3.
function text(value: string, limit: keyof typeof LIMITS, path: string): string {
  if (/\p{Cs}/u.test(value)) no("FIELD_INVALID", path);
  const size = new TextEncoder().encode(value).length;
  const [min, max] = LIMITS[limit];
  return size < min || size > max ? no("FIELD_LIMIT", path) : value;
}
// F1: a PlusMinus needs its diff.
function signedAmount(v: { plusSign: boolean; diff?: { raw: Uint8Array } } | undefined, path: string): Json {
  return v === undefined ? null : { plus: v.plusSign, amount: u256(v.diff, `${path}.diff`).toString() };
}
// F2.
function currency(v: { chainId: bigint; address?: { raw: Uint8Array } } | undefined, path: string): Json {
  const c = need(v, path);
  if (c.chainId === 0n) no("FIELD_INVALID", `${path}.chain_id`);
  return { chainId: c.chainId.toString(), address: address(c.address, `${path}.address`) };
}
// "Payee: name, chain id, then address".
function payee(v: { name: string; chainId: bigint; address?: { raw: Uint8Array }; callAsContract: boolean } | undefined, path: string): Json {
  const p = need(v, path);
  const name = text(p.name, "payeeName", `${path}.name`);
  if (p.chainId === 0n) no("FIELD_INVALID", `${path}.chain_id`);
  return { name, address: address(p.address, `${path}.address`), chainId: p.chainId.toString(), callAsContract: p.callAsContract };
}
// F5, F6: a shipping region in field order, the postal code / city rule before the modifiers.
function region(r: Json, path: string): Json {
  const name = text(r.name, "regionName", `${path}.name`);
  const country = text(r.country, "regionPart", `${path}.country`);
  const postalCode = text(r.postalCode, "regionPart", `${path}.postal_code`);
  const city = text(r.city, "regionPart", `${path}.city`);
  if (postalCode !== "" && country === "") no("FIELD_INVALID", `${path}.country`);
  if (city !== "" && postalCode === "") no("FIELD_INVALID", `${path}.postal_code`);
  const modifiers = r.orderPriceModifiers.map((m: Json, i: number) => {
    const at = `${path}.order_price_modifiers[${i}]`;
    const title = text(m.title, "modifierTitle", `${at}.title`);
    if (m.modification.case === "percentage") return { title, percentage: u256(m.modification.value, `${at}.percentage`).toString(), absolute: null };
    if (m.modification.case === "absolute") return { title, percentage: null, absolute: signedAmount(m.modification.value, `${at}.absolute`) };
    return no("FIELD_INVALID", `${at}.modification`);
  });
  return { name, country, postalCode, city, modifiers };
}
function metadata(m: Json, path: string, listing: boolean): Json {
  need(m, path);
  return {
    title: text(m.title, listing ? "listingTitle" : "variationTitle", `${path}.title`),
    description: text(m.description, listing ? "listingDescription" : "variationDescription", `${path}.description`),
    images: m.images.map((image: string, i: number) => text(image, "image", `${path}.images[${i}]`)),
  };
}
// E4 and F7: nanos first, then seconds within 0001-01-01 … 9999-12-31.
function timestamp(t: { seconds: bigint; nanos: number }, path: string, code: string): Json {
  if (t.nanos < 0 || t.nanos > 999_999_999) no(code, `${path}.nanos`);
  if (t.seconds < -62_135_596_800n || t.seconds > 253_402_300_799n) no(code, `${path}.seconds`);
  return { seconds: t.seconds.toString(), nanos: t.nanos };
}
function addressDetails(a: Json, path: string): Json {
  return {
    name: text(a.name, "addressName", `${path}.name`), address1: text(a.address1, "address1", `${path}.address1`), address2: text(a.address2, "address2", `${path}.address2`),
    city: text(a.city, "city", `${path}.city`), postalCode: text(a.postalCode, "postalCode", `${path}.postal_code`), country: text(a.country, "country", `${path}.country`),
    emailAddress: text(a.emailAddress, "email", `${path}.email_address`), phoneNumber: a.phoneNumber === undefined ? null : text(a.phoneNumber, "phone", `${path}.phone_number`),
  };
}
const sameCurrency = (a: Json, b: Json) => a.chainId === b.chainId && a.address === b.address;

// "Signers and the relay sandbox".
const SIGNERS: Record<string, string[]> = {
  manifest: ["clerk"], update_manifest: ["clerk"], listing: ["clerk"], update_listing: ["clerk"], tag: ["clerk"], update_tag: ["clerk"], change_inventory: ["clerk"],
  "account.enroll_keycard": ["relay"], "account.revoke_keycard": ["relay"], "account.add": ["relay"], "account.remove": ["relay"],
  create_order: ["clerk", "guest"],
  ...Object.fromEntries(["change_items", "commit_items", "set_invoice_address", "set_shipping_address", "choose_payment"].map((a) => [`update_order.${a}`, ["clerk", "guest"]])),
  "update_order.cancel": ["clerk", "guest", "relay"], "update_order.set_payment_details": ["relay"], "update_order.add_payment_tx": ["relay"], "update_order.set_shipping_status": ["clerk"],
};
// "Order transitions".
const FROM: Record<string, string[]> = {
  change_items: ["open"], commit_items: ["open"], set_invoice_address: ["open", "committed", "payment_chosen", "unpaid", "paid"],
  set_shipping_address: ["open", "committed", "payment_chosen", "unpaid", "paid"], choose_payment: ["committed", "payment_chosen"],
  set_payment_details: ["payment_chosen"], add_payment_tx: ["unpaid", "paid"], cancel: ["committed", "payment_chosen", "unpaid"], set_shipping_status: ["paid"],
};

/** The state before the first event ("Context and roles", grammar `ShopState`). */
export function referenceState(context: { shopId: string; relays: readonly string[] }): Json {
  return {
    version: 3, shopId: context.shopId.toLowerCase(), relays: context.relays.map((r) => getAddress(r)).sort(byCodeUnits), eventCount: 0, manifest: null,
    keycards: {}, accounts: [], nonces: { lastNonces: {} }, listings: {}, tags: {}, inventory: {}, orders: {},
  };
}

/** "Snapshot": members sorted by key, no whitespace, strings and numbers as JSON.stringify writes them. */
export function referenceSnapshot(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(referenceSnapshot).join(",")}]`;
  return `{${Object.keys(value).sort(byCodeUnits).map((k) => `${JSON.stringify(k)}:${referenceSnapshot(value[k])}`).join(",")}}`;
}
export const referenceDigest = (state: Json) => keccak256(toUtf8Bytes(referenceSnapshot(state)));

/** One event: the next state, or a thrown ReferenceRefusal (the given state is never changed). */
export function referenceApply(before: Json, event: ShopEvent, signerInput: string): Json {
  const state = structuredClone(before);
  const signer = getAddress(signerInput);
  // "Envelope rules", E1–E9 in order.
  const union = event.union;
  if (union.case === undefined) no("EVENT_EMPTY", "event.union");
  const shop = event.shopId?.raw;
  if (shop === undefined || shop.length !== 32 || hex(shop) !== state.shopId) no("SHOP_MISMATCH", "event.shop_id");
  if (event.timestamp === undefined) no("TIMESTAMP_MISSING", "event.timestamp");
  const at = timestamp(event.timestamp!, "event.timestamp", "TIMESTAMP_INVALID");
  const card = state.keycards[signer];
  const role = state.relays.includes(signer) ? "relay" : card !== undefined && !card.revoked ? card.role : undefined;
  if (role === undefined) no(card?.revoked === true ? "KEYCARD_REVOKED" : "UNKNOWN_KEYCARD", "signer");
  const last = BigInt(state.nonces.lastNonces[signer] ?? "0");
  if (event.nonce < 1n || event.nonce <= last) no("NONCE_NOT_INCREASING", "event.nonce");
  state.nonces.lastNonces[signer] = event.nonce.toString();
  const member = snakeCase(union.case!);
  let key = member;
  const value = union.value as Json;
  if (member === "account" || member === "update_order") {
    if (value.action.case === undefined) no("UPDATE_EMPTY", `event.${member}.action`);
    key = `${member}.${snakeCase(value.action.case)}`;
  }
  const allowed = SIGNERS[key]!;
  if (!allowed.includes(role)) {
    if (role === "relay") no("RELAY_NOT_ALLOWED", `event.${key}`);
    no(allowed.length === 1 && allowed[0] === "relay" ? "RELAY_ONLY" : "CLERK_ONLY", `event.${key}`);
  }
  if (state.manifest === null && member !== "manifest" && member !== "account") no("MANIFEST_MISSING", `event.${member}`);
  const rules: Record<string, () => void> = {
    manifest: () => manifestRule(state, value),
    update_manifest: () => updateManifest(state, value),
    account: () => accountRule(state, value),
    listing: () => listingRule(state, value),
    update_listing: () => updateListing(state, value),
    change_inventory: () => changeInventory(state, value),
    tag: () => tagRule(state, value),
    update_tag: () => updateTag(state, value),
    create_order: () => createOrder(state, value, signer, role, at),
    update_order: () => updateOrder(state, value, signer, role, at),
  };
  rules[member]!();
  state.eventCount += 1;
  return state;
}

// "Manifest" M1.
function manifestRule(state: Json, m: Json): void {
  const M = "event.manifest";
  if (state.manifest !== null) no("MANIFEST_EXISTS", M);
  const token = m.tokenId?.raw;
  if (token === undefined || token.length !== 32 || hex(token) !== state.shopId) no("MANIFEST_TOKEN_MISMATCH", `${M}.token_id`);
  const manifest = { tokenId: state.shopId, payees: [] as Json[], acceptedCurrencies: [] as Json[], pricingCurrency: null, shippingRegions: [] as Json[] };
  m.payees.forEach((p: Json, i: number) => addPayee(manifest.payees, payee(p, `${M}.payees[${i}]`), `${M}.payees[${i}]`));
  m.acceptedCurrencies.forEach((c: Json, i: number) => addCurrency(manifest.acceptedCurrencies, currency(c, `${M}.accepted_currencies[${i}]`), `${M}.accepted_currencies[${i}]`));
  manifest.pricingCurrency = m.pricingCurrency === undefined ? null : currency(m.pricingCurrency, `${M}.pricing_currency`);
  m.shippingRegions.forEach((r: Json, i: number) => addRegion(manifest.shippingRegions, region(r, `${M}.shipping_regions[${i}]`), `${M}.shipping_regions[${i}]`));
  state.manifest = manifest;
}
function addPayee(payees: Json[], p: Json, path: string): void {
  if (payees.some((q) => q.name === p.name)) no("PAYEE_EXISTS", `${path}.name`);
  if (payees.some((q) => q.address === p.address && q.chainId === p.chainId)) no("PAYEE_EXISTS", `${path}.address`);
  payees.push(p);
}
function addCurrency(list: Json[], c: Json, path: string): void {
  if (list.some((q) => sameCurrency(q, c))) no("CURRENCY_EXISTS", path);
  list.push(c);
}
function addRegion(list: Json[], r: Json, path: string): void {
  if (list.some((q) => q.name === r.name)) no("REGION_EXISTS", `${path}.name`);
  list.push(r);
}

// M2–M9, in field-number order.
function updateManifest(state: Json, u: Json): void {
  const U = "event.update_manifest";
  const m = state.manifest;
  if (u.addPayee === undefined && u.removePayee === undefined && u.addAcceptedCurrencies.length === 0 && u.removeAcceptedCurrencies.length === 0 &&
    u.setPricingCurrency === undefined && u.addShippingRegions.length === 0 && u.removeShippingRegions.length === 0) no("UPDATE_EMPTY", U);
  if (u.addPayee !== undefined) addPayee(m.payees, payee(u.addPayee, `${U}.add_payee`), `${U}.add_payee`);
  if (u.removePayee !== undefined) {
    if (!m.payees.some((p: Json) => p.name === u.removePayee.name)) no("PAYEE_NOT_FOUND", `${U}.remove_payee.name`);
    m.payees = m.payees.filter((p: Json) => p.name !== u.removePayee.name);
  }
  u.addAcceptedCurrencies.forEach((c: Json, i: number) => addCurrency(m.acceptedCurrencies, currency(c, `${U}.add_accepted_currencies[${i}]`), `${U}.add_accepted_currencies[${i}]`));
  u.removeAcceptedCurrencies.forEach((c: Json, i: number) => {
    const gone = currency(c, `${U}.remove_accepted_currencies[${i}]`);
    if (!m.acceptedCurrencies.some((a: Json) => sameCurrency(a, gone))) no("CURRENCY_NOT_FOUND", `${U}.remove_accepted_currencies[${i}]`);
    m.acceptedCurrencies = m.acceptedCurrencies.filter((a: Json) => !sameCurrency(a, gone));
  });
  if (u.setPricingCurrency !== undefined) m.pricingCurrency = currency(u.setPricingCurrency, `${U}.set_pricing_currency`);
  u.addShippingRegions.forEach((r: Json, i: number) => addRegion(m.shippingRegions, region(r, `${U}.add_shipping_regions[${i}]`), `${U}.add_shipping_regions[${i}]`));
  u.removeShippingRegions.forEach((name: string, i: number) => {
    if (!m.shippingRegions.some((r: Json) => r.name === name)) no("REGION_NOT_FOUND", `${U}.remove_shipping_regions[${i}]`);
    m.shippingRegions = m.shippingRegions.filter((r: Json) => r.name !== name);
  });
}

// "Account" A1–A4.
function keycardKey(v: { raw: Uint8Array } | undefined, path: string): { address: string; publicKey: string } {
  const raw = bytes(v, 64, path);
  try {
    return { address: getAddress(computeAddress(`0x04${hex(raw).slice(2)}`)), publicKey: hex(raw) };
  } catch {
    return no("FIELD_INVALID", `${path}.raw`);
  }
}
function accountRule(state: Json, a: Json): void {
  const action = a.action;
  const path = `event.account.${snakeCase(action.case)}`;
  if (action.case === "enrollKeycard") {
    const key = keycardKey(action.value.keycardPubkey, `${path}.keycard_pubkey`);
    const wallet = address(action.value.userWallet, `${path}.user_wallet`);
    if (state.keycards[key.address] !== undefined || state.relays.includes(key.address)) no("KEYCARD_EXISTS", `${path}.keycard_pubkey`);
    state.keycards[key.address] = { publicKey: key.publicKey, userWallet: wallet, role: wallet === ZERO_ADDRESS ? "guest" : "clerk", revoked: false };
  } else if (action.case === "revokeKeycard") {
    const key = keycardKey(action.value, path);
    const known = state.keycards[key.address];
    if (known === undefined || known.revoked) no("KEYCARD_NOT_FOUND", path);
    known.revoked = true;
  } else {
    const wallet = address(action.value.accountAddress, `${path}.account_address`);
    bytes(action.value.tx, 32, `${path}.tx`);
    const has = state.accounts.includes(wallet);
    if (action.case === "add") {
      if (has) no("ACCOUNT_EXISTS", `${path}.account_address`);
      state.accounts = [...state.accounts, wallet].sort(byCodeUnits);
    } else {
      if (!has) no("ACCOUNT_NOT_FOUND", `${path}.account_address`);
      state.accounts = state.accounts.filter((w: string) => w !== wallet);
      for (const k of Object.values(state.keycards) as Json[]) if (k.userWallet === wallet && k.role === "clerk") k.revoked = true;
    }
  }
}

// "Listings" L1–L9.
const VIEW_STATES = ["unspecified", "published", "deleted"];
function viewState(v: number, path: string): string {
  return VIEW_STATES[v] ?? no("FIELD_INVALID", path);
}
function findVariation(listing: Json, id: string): { option: Json; variation: Json } | undefined {
  for (const option of listing.options) for (const variation of option.variations) if (variation.id === id) return { option, variation };
  return undefined;
}
function variation(listing: Json, v: Json, path: string, pending: Set<string>): Json {
  const id = id8(v.id, `${path}.id`);
  if (pending.has(id) || findVariation(listing, id) !== undefined) no("VARIATION_EXISTS", `${path}.id`);
  pending.add(id);
  return { id, info: v.variationInfo === undefined ? null : metadata(v.variationInfo, `${path}.variation_info`, false), diff: signedAmount(v.diff, `${path}.diff`) };
}
// L10: price plus each option's lowest diff (an option without variations adds 0) is never below 0.
const diffOf = (d: Json) => (d === null ? 0n : d.plus ? BigInt(d.amount) : -BigInt(d.amount));
function noNegative(price: string, options: Json[], path: string): void {
  const lowest = options.reduce((sum: bigint, o: Json) => sum + (o.variations.length === 0 ? 0n : o.variations.map((v: Json) => diffOf(v.diff)).reduce((a: bigint, b: bigint) => (b < a ? b : a))), BigInt(price));
  if (lowest < 0n) no("UNIT_PRICE_NEGATIVE", path);
}
function addOption(listing: Json, o: Json, path: string): void {
  const id = id8(o.id, `${path}.id`);
  if (listing.options.some((x: Json) => x.id === id)) no("OPTION_EXISTS", `${path}.id`);
  const title = text(o.title, "optionTitle", `${path}.title`);
  const pending = new Set<string>();
  const variations = o.variations.map((v: Json, i: number) => variation(listing, v, `${path}.variations[${i}]`, pending));
  variations.forEach((v: Json, i: number) => noNegative(listing.price, [...listing.options, { variations: [v] }], `${path}.variations[${i}].diff`));
  listing.options.push({ id, title, variations });
}
// "Variation combinations": every id a variation of the listing, one per option; `full`: every option.
function combination(listing: Json, ids: Json[], path: string, full: boolean): string[] {
  const used = new Set<string>();
  const out = ids.map((raw, j) => {
    const id = id8(raw, `${path}[${j}]`);
    const found = findVariation(listing, id);
    if (found === undefined) no("VARIATION_NOT_FOUND", `${path}[${j}]`);
    if (used.has(found!.option.id)) no("VARIATIONS_INCOMPLETE", `${path}[${j}]`);
    used.add(found!.option.id);
    return id;
  });
  if (full && used.size !== listing.options.length) no("VARIATIONS_INCOMPLETE", path);
  return out.sort(byCodeUnits);
}
function stockStatus(listing: Json, s: Json, path: string): void {
  const variationIds = combination(listing, s.variationIds, `${path}.variation_ids`, false);
  let entry: Json;
  if (s.status.case === "inStock") entry = { variationIds, inStock: s.status.value, expectedInStockBy: null };
  else if (s.status.case === "expectedInStockBy") entry = { variationIds, inStock: null, expectedInStockBy: timestamp(s.status.value, `${path}.expected_in_stock_by`, "FIELD_INVALID") };
  else no("FIELD_INVALID", `${path}.status`);
  const key = variationIds.join(":");
  listing.stockStatuses = [...listing.stockStatuses.filter((x: Json) => x.variationIds.join(":") !== key), entry]
    .sort((a: Json, b: Json) => byCodeUnits(a.variationIds.join(":"), b.variationIds.join(":")));
}
// L7, L8b: statuses naming a variation that is gone are dropped.
function prune(listing: Json): void {
  listing.stockStatuses = listing.stockStatuses.filter((s: Json) => s.variationIds.every((v: string) => findVariation(listing, v) !== undefined));
}
function listingRule(state: Json, l: Json): void {
  const L = "event.listing";
  const id = id8(l.id, `${L}.id`);
  if (state.listings[id] !== undefined) no("LISTING_EXISTS", `${L}.id`);
  const listing: Json = { id, price: u256(l.price, `${L}.price`).toString(), metadata: metadata(l.metadata, `${L}.metadata`, true), viewState: viewState(l.viewState, `${L}.view_state`), options: [], stockStatuses: [] };
  l.options.forEach((o: Json, i: number) => addOption(listing, o, `${L}.options[${i}]`));
  l.stockStatuses.forEach((s: Json, i: number) => stockStatus(listing, s, `${L}.stock_statuses[${i}]`));
  state.listings[id] = listing;
}
function updateListing(state: Json, u: Json): void {
  const U = "event.update_listing";
  const id = id8(u.id, `${U}.id`);
  const listing = state.listings[id];
  if (listing === undefined) no("LISTING_NOT_FOUND", `${U}.id`);
  if (u.price === undefined && u.metadata === undefined && u.viewState === undefined && u.addOptions.length + u.removeOptionIds.length + u.addVariations.length + u.removeVariationIds.length + u.stockUpdates.length === 0) no("UPDATE_EMPTY", U);
  if (u.price !== undefined) {
    listing.price = u256(u.price, `${U}.price`).toString();
    noNegative(listing.price, listing.options, `${U}.price`);
  }
  if (u.metadata !== undefined) listing.metadata = metadata(u.metadata, `${U}.metadata`, true);
  if (u.viewState !== undefined) listing.viewState = viewState(u.viewState, `${U}.view_state`);
  u.addOptions.forEach((o: Json, i: number) => addOption(listing, o, `${U}.add_options[${i}]`));
  u.removeOptionIds.forEach((raw: Json, i: number) => {
    const optionId = id8(raw, `${U}.remove_option_ids[${i}]`);
    if (!listing.options.some((o: Json) => o.id === optionId)) no("OPTION_NOT_FOUND", `${U}.remove_option_ids[${i}]`);
    listing.options = listing.options.filter((o: Json) => o.id !== optionId);
    prune(listing);
    noNegative(listing.price, listing.options, `${U}.remove_option_ids[${i}]`);
  });
  u.addVariations.forEach((add: Json, i: number) => {
    const path = `${U}.add_variations[${i}]`;
    const optionId = id8(add.optionId, `${path}.option_id`);
    const option = listing.options.find((o: Json) => o.id === optionId) ?? no("OPTION_NOT_FOUND", `${path}.option_id`);
    const added = variation(listing, need(add.variation, `${path}.variation`), `${path}.variation`, new Set());
    noNegative(listing.price, listing.options.map((o: Json) => (o === option ? { variations: [added] } : o)), `${path}.variation.diff`);
    option.variations.push(added);
  });
  u.removeVariationIds.forEach((raw: Json, i: number) => {
    const variationId = id8(raw, `${U}.remove_variation_ids[${i}]`);
    const found = findVariation(listing, variationId) ?? no("VARIATION_NOT_FOUND", `${U}.remove_variation_ids[${i}]`);
    found.option.variations = found.option.variations.filter((v: Json) => v.id !== variationId);
    prune(listing);
    noNegative(listing.price, listing.options, `${U}.remove_variation_ids[${i}]`);
  });
  u.stockUpdates.forEach((s: Json, i: number) => stockStatus(listing, s, `${U}.stock_updates[${i}]`));
}

// "Inventory" I1–I3 (I4 is E8). The key: the listing id, then the sorted variation ids, joined by ":".
const inventoryKey = (listingId: string, variationIds: string[]) => [listingId, ...variationIds].join(":");
function changeInventory(state: Json, c: Json): void {
  const C = "event.change_inventory";
  const listingId = id8(c.id, `${C}.id`);
  if (c.diff === 0) no("DIFF_ZERO", `${C}.diff`);
  const listing = state.listings[listingId] ?? no("LISTING_NOT_FOUND", `${C}.id`);
  const key = inventoryKey(listingId, combination(listing, c.variationIds, `${C}.variation_ids`, true));
  const entry = state.inventory[key] ?? { stock: 0, committed: 0 };
  const stock = entry.stock + c.diff;
  if (stock > 2 ** 31 - 1) no("STOCK_LIMIT", `${C}.diff`);
  if (stock < entry.committed) no("OUT_OF_STOCK", `${C}.diff`);
  state.inventory[key] = { stock, committed: entry.committed };
}

// "Tags" T1–T6.
function tagListings(state: Json, ids: Json[], path: string): string[] {
  return ids.map((raw, i) => {
    const id = id8(raw, `${path}[${i}]`);
    return state.listings[id] === undefined ? no("LISTING_NOT_FOUND", `${path}[${i}]`) : id;
  });
}
function tagRule(state: Json, t: Json): void {
  const T = "event.tag";
  const id = id8(t.id, `${T}.id`);
  if (state.tags[id] !== undefined) no("TAG_EXISTS", `${T}.id`);
  const name = text(t.name, "tagName", `${T}.name`);
  if (t.deleted) no("FIELD_INVALID", `${T}.deleted`);
  state.tags[id] = { id, name, listingIds: [...new Set(tagListings(state, t.listingIds, `${T}.listing_ids`))].sort(byCodeUnits), deleted: false };
}
function updateTag(state: Json, u: Json): void {
  const U = "event.update_tag";
  const id = id8(u.id, `${U}.id`);
  const tag = state.tags[id] ?? no("TAG_NOT_FOUND", `${U}.id`);
  if (tag.deleted) no("TAG_DELETED", `${U}.id`);
  if (u.rename === undefined && u.addListingIds.length === 0 && u.removeListingIds.length === 0 && u.delete === undefined) no("UPDATE_EMPTY", U);
  if (u.rename !== undefined) tag.name = text(u.rename, "tagName", `${U}.rename`);
  const ids = new Set<string>(tag.listingIds);
  for (const added of tagListings(state, u.addListingIds, `${U}.add_listing_ids`)) ids.add(added);
  for (const removed of tagListings(state, u.removeListingIds, `${U}.remove_listing_ids`)) ids.delete(removed);
  if (u.delete === false) no("FIELD_INVALID", `${U}.delete`);
  tag.listingIds = [...ids].sort(byCodeUnits);
  tag.deleted = u.delete === true;
}

// "Orders" O0–O10.
function createOrder(state: Json, c: Json, signer: string, role: string, at: Json): void {
  const id = id8(c.id, "event.create_order.id");
  if (state.orders[id] !== undefined) no("ORDER_EXISTS", "event.create_order.id");
  const active = Object.values(state.orders).filter((o: Json) => o.owner === signer && o.status !== "paid" && o.status !== "canceled").length;
  if (role === "guest" && active >= 32) no("ACTIVE_ORDER_LIMIT", "event.create_order");
  state.orders[id] = {
    id, owner: signer, status: "open", items: [], createdAt: at, committedAt: null, canceledAt: null, invoiceAddress: null, shippingAddress: null,
    addressUpdatedAt: null, chosenPayee: null, chosenCurrency: null, paymentDetails: null, paymentDetailsCreatedAt: null, paymentTransactions: [], shippingStatus: null,
  };
}
const bounded = (v: bigint, path: string) => (v < 0n || v > MAX_U256 ? no("TOTAL_OUT_OF_RANGE", path) : v);
// "Pricing" step 1: price ± the variations' diffs.
function unitPrice(listing: Json, line: Json, path: string): bigint {
  let unit = BigInt(listing.price);
  for (const v of line.variationIds) {
    const diff = findVariation(listing, v)!.variation.diff;
    if (diff !== null) unit += diff.plus ? BigInt(diff.amount) : -BigInt(diff.amount);
  }
  return bounded(unit, path);
}
// "Pricing" steps 2–5.
function orderTotal(state: Json, order: Json, regionName: string | null, path: string): bigint {
  let t = 0n;
  for (const line of order.items) {
    const unit = line.unitPrice !== null ? BigInt(line.unitPrice) : unitPrice(state.listings[line.listingId], line, path);
    t = bounded(t + bounded(unit * BigInt(line.quantity), path), path);
  }
  const r = regionName === null ? undefined : state.manifest.shippingRegions.find((x: Json) => x.name === regionName);
  for (const m of r?.modifiers ?? []) {
    const change = m.percentage !== null ? (t * BigInt(m.percentage)) / 100n : m.absolute.plus ? BigInt(m.absolute.amount) : -BigInt(m.absolute.amount);
    t = bounded(t + change, path);
  }
  return t;
}
// "Shipping region": of the regions whose set country, postal code and city all equal the shipping (else invoice)
// address's, ASCII case aside, the one with most of them set; the first listed on a tie; none when none matches.
function ruledRegion(state: Json, order: Json): string | null {
  const address = order.shippingAddress ?? order.invoiceAddress;
  const lower = (t: string) => t.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let best: string | null = null;
  let bestCount = -1;
  for (const r of state.manifest.shippingRegions) {
    const set = (["country", "postalCode", "city"] as const).filter((k) => r[k] !== "");
    if (!set.every((k) => lower(r[k]) === lower(address[k]))) continue;
    if (set.length > bestCount) [best, bestCount] = [r.name, set.length];
  }
  return best;
}
const nanosOf = (t: Json) => BigInt(t.seconds) * 1_000_000_000n + BigInt(t.nanos);
// "Holds": committed, payment_chosen at committedAt + 86,400 s; unpaid at paymentDetailsCreatedAt + ttl.
function lapsed(order: Json, at: Json): boolean {
  const lapse = order.status === "unpaid"
    ? nanosOf(order.paymentDetailsCreatedAt) + BigInt(order.paymentDetails.ttl) * 1_000_000_000n
    : nanosOf(order.committedAt) + 86_400n * 1_000_000_000n;
  return nanosOf(at) >= lapse;
}
function updateOrder(state: Json, u: Json, signer: string, role: string, at: Json): void {
  const U = "event.update_order";
  const id = id8(u.id, `${U}.id`);
  const order = state.orders[id] ?? no("ORDER_NOT_FOUND", `${U}.id`);
  if (role === "guest" && order.owner !== signer) no("NOT_ORDER_OWNER", `${U}.id`);
  const name = snakeCase(u.action.case);
  const path = `${U}.${name}`;
  if (!FROM[name]!.includes(order.status)) no("ORDER_STATUS", path);
  const v = u.action.value;
  const lineKey = (l: Json) => inventoryKey(l.listingId, l.variationIds);
  switch (name) {
    case "change_items": {
      if (v.adds.length === 0 && v.removes.length === 0) no("UPDATE_EMPTY", path);
      const lines = new Map<string, Json>(order.items.map((l: Json) => [lineKey(l), l]));
      v.adds.forEach((item: Json, i: number) => {
        const at2 = `${path}.adds[${i}]`;
        const listingId = id8(item.listingId, `${at2}.listing_id`);
        const listing = state.listings[listingId] ?? no("LISTING_NOT_FOUND", `${at2}.listing_id`);
        if (listing.viewState === "deleted") no("LISTING_DELETED", `${at2}.listing_id`);
        const variationIds = combination(listing, item.variationIds, `${at2}.variation_ids`, true);
        if (item.quantity === 0) no("FIELD_INVALID", `${at2}.quantity`);
        const key = inventoryKey(listingId, variationIds);
        const quantity = (lines.get(key)?.quantity ?? 0) + item.quantity;
        if (quantity > 2 ** 32 - 1) no("QUANTITY_LIMIT", `${at2}.quantity`);
        lines.set(key, { listingId, variationIds, quantity, unitPrice: null });
      });
      v.removes.forEach((item: Json, i: number) => {
        const at2 = `${path}.removes[${i}]`;
        const listingId = id8(item.listingId, `${at2}.listing_id`);
        const ids = item.variationIds.map((raw: Json, j: number) => id8(raw, `${at2}.variation_ids[${j}]`)).sort(byCodeUnits);
        if (item.quantity === 0) no("FIELD_INVALID", `${at2}.quantity`);
        const key = inventoryKey(listingId, ids);
        const line = lines.get(key);
        if (line === undefined || line.quantity < item.quantity) no("ITEM_NOT_IN_ORDER", at2);
        if (line.quantity === item.quantity) lines.delete(key);
        else lines.set(key, { ...line, quantity: line.quantity - item.quantity });
      });
      if (lines.size > 256) no("ORDER_LINE_LIMIT", `${path}.adds`);
      order.items = [...lines.keys()].sort(byCodeUnits).map((k) => lines.get(k));
      return;
    }
    case "commit_items": {
      if (order.items.length === 0) no("ORDER_EMPTY", path);
      for (const line of order.items) {
        const listing = state.listings[line.listingId];
        if (listing === undefined || listing.viewState === "deleted") no("LISTING_DELETED", path);
        if (line.variationIds.some((x: string) => findVariation(listing, x) === undefined)) no("VARIATION_NOT_FOUND", path);
        line.unitPrice = unitPrice(listing, line, path).toString();
        const key = lineKey(line);
        const entry = state.inventory[key] ?? { stock: 0, committed: 0 };
        if (entry.stock - entry.committed < line.quantity) no("OUT_OF_STOCK", path);
        state.inventory[key] = { stock: entry.stock, committed: entry.committed + line.quantity };
      }
      Object.assign(order, { status: "committed", committedAt: at });
      return;
    }
    case "set_invoice_address":
    case "set_shipping_address":
      order[name === "set_invoice_address" ? "invoiceAddress" : "shippingAddress"] = addressDetails(v, path);
      order.addressUpdatedAt = at;
      return;
    case "choose_payment": {
      if (order.invoiceAddress === null && order.shippingAddress === null) no("ADDRESS_MISSING", path);
      const manifest = state.manifest;
      if (manifest.pricingCurrency === null) no("PRICING_CURRENCY_MISSING", path);
      const chosen = currency(v.currency, `${path}.currency`);
      if (!manifest.acceptedCurrencies.some((c: Json) => sameCurrency(c, chosen))) no("CURRENCY_NOT_ACCEPTED", `${path}.currency`);
      const to = payee(v.payee, `${path}.payee`);
      const known = manifest.payees.find((p: Json) => p.name === to.name);
      if (known === undefined || known.address !== to.address || known.chainId !== to.chainId || known.callAsContract !== to.callAsContract) no("PAYEE_NOT_FOUND", `${path}.payee`);
      if (to.chainId !== chosen.chainId) no("CHAIN_MISMATCH", `${path}.payee.chain_id`);
      Object.assign(order, { status: "payment_chosen", chosenPayee: to, chosenCurrency: chosen });
      return;
    }
    case "set_payment_details": {
      const paymentId = id32(v.paymentId, `${path}.payment_id`);
      const total = u256(v.total, `${path}.total`);
      const listingHashes = v.listingHashes.map((h: Json, i: number) => text(h.cid, "listingHash", `${path}.listing_hashes[${i}].cid`));
      if (!/^[1-9][0-9]*$/.test(v.ttl) || Number(v.ttl) > 86_400) no("FIELD_INVALID", `${path}.ttl`);
      const shopSignature = v.shopSignature === undefined ? null : hex(v.shopSignature.raw);
      let regionName: string | null = null;
      if (v.shippingRegion !== undefined) {
        const given = region(v.shippingRegion, `${path}.shipping_region`);
        const known = state.manifest.shippingRegions.find((r: Json) => r.name === given.name);
        if (known === undefined || referenceSnapshot(known) !== referenceSnapshot(given)) no("REGION_NOT_FOUND", `${path}.shipping_region`);
        regionName = given.name;
      }
      if (regionName !== ruledRegion(state, order)) no("REGION_MISMATCH", `${path}.shipping_region`);
      const expected = orderTotal(state, order, regionName, path);
      const pricing = state.manifest.pricingCurrency;
      if (pricing !== null && sameCurrency(pricing, order.chosenCurrency) && total !== expected) no("TOTAL_MISMATCH", `${path}.total`);
      Object.assign(order, { status: "unpaid", paymentDetailsCreatedAt: at, paymentDetails: { paymentId, total: total.toString(), listingHashes, ttl: v.ttl, shopSignature, shippingRegion: regionName } });
      return;
    }
    case "add_payment_tx": {
      const txHash = v.txHash === undefined ? null : id32(v.txHash, `${path}.tx_hash`);
      const blockHash = v.blockHash === undefined ? null : id32(v.blockHash, `${path}.block_hash`);
      if (order.status === "unpaid") {
        for (const line of order.items) {
          const entry = state.inventory[lineKey(line)];
          state.inventory[lineKey(line)] = { stock: entry.stock - line.quantity, committed: entry.committed - line.quantity };
        }
      }
      order.status = "paid";
      order.paymentTransactions.push({ txHash, blockHash });
      return;
    }
    case "cancel": {
      const orphaned = order.items.some((l: Json) => l.variationIds.some((x: string) => findVariation(state.listings[l.listingId], x) === undefined));
      if (role === "relay" && !orphaned && !lapsed(order, at)) no("CANCEL_NOT_JUSTIFIED", path);
      for (const line of order.items) {
        const entry = state.inventory[lineKey(line)];
        state.inventory[lineKey(line)] = { stock: entry.stock, committed: entry.committed - line.quantity };
      }
      Object.assign(order, { status: "canceled", canceledAt: at });
      return;
    }
    case "set_shipping_status":
      order.shippingStatus = text(v, "shippingStatus", path);
      return;
  }
}
