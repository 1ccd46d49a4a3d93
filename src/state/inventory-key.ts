// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";

/** Parameters of {@link inventoryKey}. */
export interface InventoryKeyParameters {
  /** Listing id, 0x + 16 lowercase hex digits. */
  readonly listingId: Hex;
  /** One variation id per option of the listing, any order; empty for a listing without options. */
  readonly variationIds: readonly Hex[];
}

const ID = /^0x[0-9a-f]{16}$/;

/**
 * The key of {@link ShopState.inventory}: the listing id, then the sorted
 * variation ids, joined by ":" (docs/shop-state.md, "Inventory").
 *
 * @throws FieldValueError for ids that are not 0x + 16 lowercase hex digits
 * @example
 * inventoryKey({ listingId: "0x0000000000000001", variationIds: ["0x00000000000000b2", "0x00000000000000a1"] })
 * // "0x0000000000000001:0x00000000000000a1:0x00000000000000b2"
 */
export function inventoryKey(parameters: InventoryKeyParameters): string {
  const { listingId, variationIds } = objectParameter(parameters);
  if (typeof listingId !== "string" || !ID.test(listingId)) throw new FieldValueError("WRONG_TYPE", "expected 0x + 16 lowercase hex digits", { path: "listingId" });
  if (!Array.isArray(variationIds)) throw new FieldValueError("WRONG_TYPE", "expected an array of ids", { path: "variationIds" });
  variationIds.forEach((v: unknown, i) => {
    if (typeof v !== "string" || !ID.test(v)) throw new FieldValueError("WRONG_TYPE", "expected 0x + 16 lowercase hex digits", { path: `variationIds[${i}]` });
  });
  return keyOf(listingId, [...variationIds].sort());
}

/** The key from an already sorted, checked combination. */
export function keyOf(listingId: string, sortedVariationIds: readonly string[]): string {
  return sortedVariationIds.length === 0 ? listingId : `${listingId}:${sortedVariationIds.join(":")}`;
}
