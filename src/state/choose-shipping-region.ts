// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { checkStateInput } from "./inputs.js";
import { reject } from "./reject.js";
import { shippingRegionFor } from "./shipping-region-rule.js";
import type { ShopState } from "./shop-state.js";

/** Parameters of {@link chooseShippingRegion}. */
export interface ChooseShippingRegionParameters {
  readonly state: ShopState;
  /** The order, 0x + 16 lowercase hex digits. */
  readonly orderId: string;
}

/**
 * The name of the manifest shipping region an order is charged with
 * (docs/shop-state.md, "Shipping region"), or null for none: the region
 * whose set location fields (country, postal code, city; ASCII case
 * ignored) all equal the order's shipping address, or its invoice address
 * when it has none; the most specific one wins (most fields set; a region
 * with none is the catch-all), the one listed first in the manifest on a
 * tie. A relay names this region in `set_payment_details.shipping_region`
 * and charges `computeOrderTotal` with it; the shop rules refuse payment
 * details naming another one (`REGION_MISMATCH`).
 *
 * @throws EventRejectedError ORDER_NOT_FOUND; FieldValueError
 * @example
 * const region: string | null = chooseShippingRegion({ state, orderId: "0x0000000000000001" });
 * const total = computeOrderTotal({ state, orderId: "0x0000000000000001", shippingRegion: region ?? undefined });
 */
export function chooseShippingRegion(parameters: ChooseShippingRegionParameters): string | null {
  const { state, orderId } = objectParameter(parameters);
  checkStateInput(state, "state");
  if (typeof orderId !== "string" || !/^0x[0-9a-f]{16}$/.test(orderId)) throw new FieldValueError("WRONG_TYPE", "expected the order id as 0x + 16 lowercase hex digits", { path: "orderId" });
  const order = Object.hasOwn(state.orders, orderId) ? state.orders[orderId] : undefined;
  if (order === undefined) reject("ORDER_NOT_FOUND", "orderId", `no order ${orderId}`);
  return shippingRegionFor(state.manifest?.shippingRegions ?? [], order)?.name ?? null;
}
