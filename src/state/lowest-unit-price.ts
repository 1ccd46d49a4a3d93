// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Rule L10 (docs/shop-state.md, "Listings"): no combination may cost less than 0.
import { signed } from "./pricing.js";
import { reject } from "./reject.js";
import type { ListingState } from "./shop-state.js";

/** The cheapest full combination: the price plus each option's lowest diff (an option without variations adds 0). */
export function lowestUnitPrice(listing: ListingState): bigint {
  let unit = BigInt(listing.price);
  for (const option of listing.options) {
    if (option.variations.length === 0) continue;
    unit += option.variations.map((v) => signed(v.diff)).reduce((a, b) => (b < a ? b : a));
  }
  return unit;
}

/** Refuses the step at `path` when it leaves a combination of the listing below 0. */
export function assertUnitPricesNonNegative(listing: ListingState, path: string): void {
  const lowest = lowestUnitPrice(listing);
  if (lowest < 0n) reject("UNIT_PRICE_NEGATIVE", path, `the cheapest combination of listing ${listing.id} would cost ${lowest}; a unit price cannot be below 0`);
}
