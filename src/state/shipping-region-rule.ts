// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The shipping region an order is charged with: docs/shop-state.md, "Shipping region".
import type { AddressState, OrderState, ShippingRegionState } from "./shop-state.js";

// ASCII letters only: "DE" and "de" are one country; other characters compare as they are.
const fold = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** How specific a region is for this address: the number of its location fields set, or -1 when one of them differs. */
function score(region: ShippingRegionState, address: AddressState): number {
  let matched = 0;
  for (const field of ["country", "postalCode", "city"] as const) {
    if (region[field] === "") continue;
    if (fold(region[field]) !== fold(address[field])) return -1;
    matched++;
  }
  return matched;
}

/** The region of highest score for the shipping (else invoice) address; the earlier in the manifest on a tie; null when none matches. */
export function shippingRegionFor(regions: readonly ShippingRegionState[], order: OrderState): ShippingRegionState | null {
  const address = order.shippingAddress ?? order.invoiceAddress;
  if (address === null) return null;
  let best: ShippingRegionState | null = null;
  let bestScore = -1;
  for (const region of regions) {
    const s = score(region, address);
    // Strictly greater: on a tie the region listed first keeps its place.
    if (s > bestScore) [best, bestScore] = [region, s];
  }
  return best;
}
