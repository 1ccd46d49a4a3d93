// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { objectParameter } from "../errors/object-parameter.js";
import { checkStateInput } from "./inputs.js";
import { reject } from "./reject.js";
import { shippingRegionFor } from "./shipping-region-rule.js";
import type { ShopState } from "./shop-state.js";
import type { ObjectIdInput } from "../values/object-id.js";
import { objectIdKey } from "../values/object-id-input-hex.js";

/** Parameters of {@link chooseShippingRegion}. */
export interface ChooseShippingRegionParameters {
  readonly state: ShopState;
  /** The order, in any object id form (`ObjectId`, bigint, 8 bytes, 0x-hex). */
  readonly orderId: ObjectIdInput;
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
  const { state, orderId: id } = objectParameter(parameters);
  checkStateInput(state, "state");
  const orderId = objectIdKey({ id, path: "orderId" });
  const order = Object.hasOwn(state.orders, orderId) ? state.orders[orderId] : undefined;
  if (order === undefined) reject("ORDER_NOT_FOUND", "orderId", `no order ${orderId}`);
  return shippingRegionFor(state.manifest?.shippingRegions ?? [], order)?.name ?? null;
}
