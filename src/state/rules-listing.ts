// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Listing and UpdateListing: docs/shop-state.md, "Listings".
import type { Listing, UpdateListing } from "../../gen/market/mass/shop_events_pb.js";
import type { ListingOption, ListingStockStatus, ListingVariation } from "../../gen/market/mass/base_types_pb.js";
import { ListingViewState } from "../../gen/market/mass/base_types_pb.js";
import { combination, findVariation } from "./combination.js";
import { type Draft, writable } from "./draft.js";
import { metadata, objectId, signedAmount, text, timestamp, uint256 } from "./fields.js";
import { assertUnitPricesNonNegative } from "./lowest-unit-price.js";
import { reject } from "./reject.js";
import type { ListingState, ListingViewStateName, OptionState, StockStatusState, VariationState } from "./shop-state.js";

const L = "event.listing";
const U = "event.update_listing";

const VIEW_STATES: Record<number, ListingViewStateName> = {
  [ListingViewState.UNSPECIFIED]: "unspecified",
  [ListingViewState.PUBLISHED]: "published",
  [ListingViewState.DELETED]: "deleted",
};

export function applyListing(draft: Draft, listing: Listing): void {
  const id = objectId(listing.id, `${L}.id`);
  if (draft.state.listings[id] !== undefined) reject("LISTING_EXISTS", `${L}.id`, `listing ${id} exists`);
  let next: ListingState = {
    id,
    price: uint256(listing.price, `${L}.price`).toString(),
    metadata: metadata(listing.metadata, `${L}.metadata`, "listing"),
    viewState: viewState(listing.viewState, `${L}.view_state`),
    options: [],
    stockStatuses: [],
  };
  listing.options.forEach((o, i) => (next = addOption(next, o, `${L}.options[${i}]`)));
  listing.stockStatuses.forEach((s, i) => (next = setStockStatus(next, s, `${L}.stock_statuses[${i}]`)));
  writable(draft, "listings")[id] = next;
}

export function applyUpdateListing(draft: Draft, update: UpdateListing): void {
  const id = objectId(update.id, `${U}.id`);
  let next = draft.state.listings[id];
  if (next === undefined) reject("LISTING_NOT_FOUND", `${U}.id`, `no listing ${id}`);
  const empty = update.price === undefined && update.metadata === undefined && update.viewState === undefined && update.addOptions.length === 0 &&
    update.removeOptionIds.length === 0 && update.addVariations.length === 0 && update.removeVariationIds.length === 0 && update.stockUpdates.length === 0;
  if (empty) reject("UPDATE_EMPTY", U, "UpdateListing sets no field");
  if (update.price !== undefined) {
    next = { ...next, price: uint256(update.price, `${U}.price`).toString() };
    assertUnitPricesNonNegative(next, `${U}.price`);
  }
  if (update.metadata !== undefined) next = { ...next, metadata: metadata(update.metadata, `${U}.metadata`, "listing") };
  if (update.viewState !== undefined) next = { ...next, viewState: viewState(update.viewState, `${U}.view_state`) };
  update.addOptions.forEach((o, i) => (next = addOption(next as ListingState, o, `${U}.add_options[${i}]`)));
  update.removeOptionIds.forEach((raw, i) => {
    const path = `${U}.remove_option_ids[${i}]`;
    const optionId = objectId(raw, path);
    const listing = next as ListingState;
    if (!listing.options.some((o) => o.id === optionId)) reject("OPTION_NOT_FOUND", path, `listing ${id} has no option ${optionId}`);
    next = pruneStockStatuses({ ...listing, options: listing.options.filter((o) => o.id !== optionId) });
    assertUnitPricesNonNegative(next, path);
  });
  update.addVariations.forEach((add, i) => {
    const path = `${U}.add_variations[${i}]`;
    const optionId = objectId(add.optionId, `${path}.option_id`);
    const listing = next as ListingState;
    const option = listing.options.find((o) => o.id === optionId);
    if (option === undefined) reject("OPTION_NOT_FOUND", `${path}.option_id`, `listing ${id} has no option ${optionId}`);
    if (add.variation === undefined) reject("FIELD_INVALID", `${path}.variation`, "variation is missing");
    const added = variation(listing, add.variation, `${path}.variation`, new Set());
    next = { ...listing, options: listing.options.map((o) => (o === option ? { ...o, variations: [...o.variations, added] } : o)) };
    // Alone in its option, the new variation is what a buyer would pick: its diff decides.
    assertUnitPricesNonNegative({ ...listing, options: listing.options.map((o) => (o === option ? { ...o, variations: [added] } : o)) }, `${path}.variation.diff`);
  });
  update.removeVariationIds.forEach((raw, i) => {
    const path = `${U}.remove_variation_ids[${i}]`;
    const variationId = objectId(raw, path);
    const listing = next as ListingState;
    const found = findVariation(listing, variationId);
    if (found === undefined) reject("VARIATION_NOT_FOUND", path, `listing ${id} has no variation ${variationId}`);
    const options = listing.options.map((o) => (o.id === found.optionId ? { ...o, variations: o.variations.filter((v) => v.id !== variationId) } : o));
    next = pruneStockStatuses({ ...listing, options });
    assertUnitPricesNonNegative(next, path);
  });
  update.stockUpdates.forEach((s, i) => (next = setStockStatus(next as ListingState, s, `${U}.stock_updates[${i}]`)));
  writable(draft, "listings")[id] = next;
}

function viewState(value: number, path: string): ListingViewStateName {
  const name = VIEW_STATES[value];
  if (name === undefined) reject("FIELD_INVALID", path, `view_state ${value} is not a ListingViewState`);
  return name;
}

function variationIds(listing: ListingState): Set<string> {
  return new Set(listing.options.flatMap((o) => o.variations.map((v) => v.id)));
}

function variation(listing: ListingState, value: ListingVariation, path: string, pending: Set<string>): VariationState {
  const id = objectId(value.id, `${path}.id`);
  if (pending.has(id) || findVariation(listing, id) !== undefined) reject("VARIATION_EXISTS", `${path}.id`, `listing ${listing.id} already has variation ${id}`);
  pending.add(id);
  return {
    id,
    info: value.variationInfo === undefined ? null : metadata(value.variationInfo, `${path}.variation_info`, "variation"),
    diff: signedAmount(value.diff, `${path}.diff`),
  };
}

function addOption(listing: ListingState, value: ListingOption, path: string): ListingState {
  const id = objectId(value.id, `${path}.id`);
  if (listing.options.some((o) => o.id === id)) reject("OPTION_EXISTS", `${path}.id`, `listing ${listing.id} already has option ${id}`);
  const pending = new Set<string>();
  const option: OptionState = {
    id,
    title: text(value.title, "optionTitle", `${path}.title`),
    variations: value.variations.map((v, i) => variation(listing, v, `${path}.variations[${i}]`, pending)),
  };
  // Each variation in turn as its option's only choice: the first that makes a unit price negative is named.
  option.variations.forEach((v, i) => assertUnitPricesNonNegative({ ...listing, options: [...listing.options, { ...option, variations: [v] }] }, `${path}.variations[${i}].diff`));
  return { ...listing, options: [...listing.options, option] };
}

function setStockStatus(listing: ListingState, value: ListingStockStatus, path: string): ListingState {
  const ids = combination(listing, value.variationIds, `${path}.variation_ids`, false);
  const status = value.status;
  let entry: StockStatusState;
  if (status.case === "inStock") entry = { variationIds: ids, inStock: status.value, expectedInStockBy: null };
  else if (status.case === "expectedInStockBy") entry = { variationIds: ids, inStock: null, expectedInStockBy: timestamp(status.value, `${path}.expected_in_stock_by`, "FIELD_INVALID") };
  else return reject("FIELD_INVALID", `${path}.status`, "set in_stock or expected_in_stock_by");
  const key = ids.join(":");
  const rest = listing.stockStatuses.filter((s) => s.variationIds.join(":") !== key);
  return { ...listing, stockStatuses: [...rest, entry].sort((a, b) => compare(a.variationIds.join(":"), b.variationIds.join(":"))) };
}

// Stock statuses naming a variation that no longer exists are dropped with it.
function pruneStockStatuses(listing: ListingState): ListingState {
  const live = variationIds(listing);
  return { ...listing, stockStatuses: listing.stockStatuses.filter((s) => s.variationIds.every((v) => live.has(v))) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
