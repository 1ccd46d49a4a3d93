// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { objectIdKey } from "../values/object-id-input-hex.js";
import type { ObjectIdInput } from "../values/object-id.js";

/** Parameters of {@link inventoryKey}. */
export interface InventoryKeyParameters {
  /** Listing id in any form (`ObjectId`, bigint, 8 bytes, 0x-hex). */
  readonly listingId: ObjectIdInput;
  /** One variation id per option of the listing, any order and form; empty for a listing without options. */
  readonly variationIds: readonly ObjectIdInput[];
}

/**
 * The key of {@link ShopState.inventory}: the listing id, then the sorted
 * variation ids, joined by ":" (docs/shop-state.md, "Inventory").
 *
 * @throws FieldValueError for a malformed id, naming `listingId` or `variationIds[i]`
 * @example
 * inventoryKey({ listingId: "0x0000000000000001", variationIds: ["0x00000000000000b2", "0x00000000000000a1"] })
 * // "0x0000000000000001:0x00000000000000a1:0x00000000000000b2"
 */
export function inventoryKey(parameters: InventoryKeyParameters): string {
  const { listingId, variationIds } = objectParameter(parameters);
  const listing = objectIdKey({ id: listingId, path: "listingId" });
  if (!Array.isArray(variationIds)) throw new FieldValueError("WRONG_TYPE", "expected an array of ids", { path: "variationIds" });
  const variations = variationIds.map((id: ObjectIdInput, i) => objectIdKey({ id, path: `variationIds[${i}]` }));
  return keyOf(listing, variations.sort());
}

/** The key from an already sorted, checked combination. */
export function keyOf(listingId: string, sortedVariationIds: readonly string[]): string {
  return sortedVariationIds.length === 0 ? listingId : `${listingId}:${sortedVariationIds.join(":")}`;
}
