// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { objectIdKey } from "../values/object-id-input-hex.js";
import type { ObjectIdInput } from "../values/object-id.js";
import { unitPriceOf } from "./pricing.js";
import type { ListingState } from "./shop-state.js";

/** Parameters of {@link listingUnitPrice}. */
export interface ListingUnitPriceParameters {
  /** The listing, from `state.listings` or a customer view's `listings`. */
  readonly listing: ListingState;
  /** The chosen variations (any id form), at most one per option; none for the base price. */
  readonly variationIds?: readonly ObjectIdInput[] | undefined;
}

/**
 * Today's price of one unit of a listing with the given variations: the
 * listing's price ± each variation's diff, as `commit_items` freezes it
 * (docs/shop-state.md, "Pricing"), in the pricing currency's smallest unit.
 *
 * @throws FieldValueError for a bad listing or id (naming `variationIds[i]`); EventRejectedError VARIATION_NOT_FOUND or TOTAL_OUT_OF_RANGE (a negative unit price)
 * @example
 * const unit: bigint = listingUnitPrice({ listing: view.listings["0x0000000000000001"]!, variationIds: [2n] });
 */
export function listingUnitPrice(parameters: ListingUnitPriceParameters): bigint {
  const { listing, variationIds = [] } = objectParameter(parameters);
  if (typeof listing !== "object" || listing === null || typeof listing.price !== "string" || !Array.isArray(listing.options)) {
    throw new FieldValueError("WRONG_TYPE", "expected a ListingState (state.listings[id])", { path: "listing" });
  }
  if (!Array.isArray(variationIds)) throw new FieldValueError("WRONG_TYPE", "expected an array of variation ids", { path: "variationIds" });
  const ids = variationIds.map((id: ObjectIdInput, i) => objectIdKey({ id, path: `variationIds[${i}]` }));
  return unitPriceOf(listing, ids, "variationIds");
}
