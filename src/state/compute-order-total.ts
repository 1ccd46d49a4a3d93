// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { objectIdKey } from "../values/object-id-input-hex.js";
import type { ObjectIdInput } from "../values/object-id.js";
import { checkStateInput } from "./inputs.js";
import { orderTotal } from "./pricing.js";
import type { ShopState } from "./shop-state.js";

/** Parameters of {@link computeOrderTotal}. */
export interface ComputeOrderTotalParameters {
  readonly state: ShopState;
  /** The order: `ObjectId`, bigint, 8 bytes or 0x-hex (any {@link ObjectIdInput}). */
  readonly orderId: ObjectIdInput;
  /** Name of the manifest shipping region whose modifiers apply; omit for none. */
  readonly shippingRegion?: string | undefined;
}

/**
 * The total an order's payment details must carry, in the pricing
 * currency (docs/shop-state.md, "Pricing"): Σ quantity × unit price, then
 * the region's modifiers in order, a percentage adding ⌊total × p / 100⌋;
 * every step within 0 … 2^256 − 1. A committed order's unit prices are the
 * ones frozen at its commit; an open order's are today's (price ± variation
 * diffs). A relay computes its `set_payment_details.total` with it; clients
 * check the relay's with it.
 *
 * @throws EventRejectedError ORDER_NOT_FOUND, REGION_NOT_FOUND, VARIATION_NOT_FOUND (open orders only) or TOTAL_OUT_OF_RANGE
 * @example
 * const total: bigint = computeOrderTotal({ state, orderId: "0x0000000000000001", shippingRegion: "domestic" });
 */
export function computeOrderTotal(parameters: ComputeOrderTotalParameters): bigint {
  const { state, orderId, shippingRegion } = objectParameter(parameters);
  checkStateInput(state, "state");
  if (shippingRegion !== undefined && typeof shippingRegion !== "string") throw new FieldValueError("WRONG_TYPE", "expected a region name or undefined", { path: "shippingRegion" });
  return orderTotal(state, objectIdKey({ id: orderId, path: "orderId" }), shippingRegion ?? null, "orderId");
}
