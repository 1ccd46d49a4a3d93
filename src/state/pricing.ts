// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Pricing: docs/shop-state.md, "Pricing". Exact integers; every step within uint256.
import { findVariation } from "./combination.js";
import { reject } from "./reject.js";
import type { ListingState, OrderLineState, ShopState, SignedAmountState } from "./shop-state.js";

const MAX_UINT256 = (1n << 256n) - 1n;

function bounded(value: bigint, path: string, what: string): bigint {
  if (value < 0n || value > MAX_UINT256) reject("TOTAL_OUT_OF_RANGE", path, `${what} ${value < 0n ? "is negative" : "exceeds 2^256 − 1"}`);
  return value;
}

/** A variation's or modifier's signed amount as a bigint; absent is 0. */
export function signed(amount: SignedAmountState | null): bigint {
  if (amount === null) return 0n;
  return amount.plus ? BigInt(amount.amount) : -BigInt(amount.amount);
}

/** One unit of a line at the listing's current price: price ± its variations' diffs, within 0 … 2^256 − 1. */
export function currentUnitPrice(state: Pick<ShopState, "listings">, line: Pick<OrderLineState, "listingId" | "variationIds">, path: string): bigint {
  const listing = state.listings[line.listingId];
  if (listing === undefined) reject("LISTING_NOT_FOUND", path, `no listing ${line.listingId}`);
  return unitPriceOf(listing, line.variationIds, path);
}

/** The listing's price ± the diffs of the given variations, within 0 … 2^256 − 1. */
export function unitPriceOf(listing: ListingState, variationIds: readonly string[], path: string): bigint {
  let unit = BigInt(listing.price);
  for (const id of variationIds) {
    const found = findVariation(listing, id);
    if (found === undefined) reject("VARIATION_NOT_FOUND", path, `listing ${listing.id} no longer has variation ${id}`);
    unit += signed(found.variation.diff);
  }
  return bounded(unit, path, `unit price of ${listing.id}`);
}

/**
 * Σ quantity × unit price over the order's lines (the price frozen at
 * commit_items, or today's for an open order), then the named region's
 * modifiers in order (absolute: ± amount; percentage p: + ⌊total × p / 100⌋).
 * Each unit price, line total, running subtotal and modifier step must be
 * within 0 … 2^256 − 1.
 */
export function orderTotal(state: Pick<ShopState, "orders" | "listings" | "manifest">, orderId: string, regionName: string | null, path: string): bigint {
  const order = Object.hasOwn(state.orders, orderId) ? state.orders[orderId] : undefined;
  if (order === undefined) reject("ORDER_NOT_FOUND", path, `no order ${orderId}`);
  let total = 0n;
  for (const line of order.items) {
    const unit = line.unitPrice === null ? currentUnitPrice(state, line, path) : BigInt(line.unitPrice);
    total = bounded(total + bounded(unit * BigInt(line.quantity), path, `line total of ${line.listingId}`), path, "subtotal");
  }
  if (regionName === null) return total;
  const region = state.manifest?.shippingRegions.find((r) => r.name === regionName);
  if (region === undefined) reject("REGION_NOT_FOUND", path, `no shipping region named ${JSON.stringify(regionName)}`);
  for (const m of region.modifiers) {
    const change = m.percentage !== null ? (total * BigInt(m.percentage)) / 100n : signed(m.absolute);
    total = bounded(total + change, path, `total after modifier ${JSON.stringify(m.title)}`);
  }
  return total;
}
