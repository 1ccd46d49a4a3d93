// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import type { ObjectId } from "../../gen/market/mass/base_types_pb.js";
import { objectId } from "./fields.js";
import { reject } from "./reject.js";
import type { ListingState, VariationState } from "./shop-state.js";

/** The option a variation id belongs to in a listing, with the variation; undefined when none. */
export function findVariation(listing: ListingState, id: string): { optionId: Hex; variation: VariationState } | undefined {
  for (const option of listing.options) {
    const variation = option.variations.find((v) => v.id === id);
    if (variation !== undefined) return { optionId: option.id, variation };
  }
  return undefined;
}

/**
 * Checks a variation combination against a listing and returns it sorted:
 * every id a variation of the listing, at most one per option, and with
 * `complete` exactly one per option (docs/shop-state.md, "Variation combinations").
 */
export function combination(listing: ListingState, ids: readonly ObjectId[], path: string, complete: boolean): Hex[] {
  const used = new Set<string>();
  const out = ids.map((raw, i) => {
    const id = objectId(raw, `${path}[${i}]`);
    const found = findVariation(listing, id);
    if (found === undefined) reject("VARIATION_NOT_FOUND", `${path}[${i}]`, `listing ${listing.id} has no variation ${id}`);
    if (used.has(found.optionId)) reject("VARIATIONS_INCOMPLETE", `${path}[${i}]`, `two variations of option ${found.optionId}`);
    used.add(found.optionId);
    return id;
  });
  if (complete && used.size !== listing.options.length) {
    reject("VARIATIONS_INCOMPLETE", path, `listing ${listing.id} needs one variation for each of its ${listing.options.length} options`);
  }
  return out.sort();
}
