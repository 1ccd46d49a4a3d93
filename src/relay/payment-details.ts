// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay's set_payment_details for an order: the region the shipping-region rule picks, and the total charged with it.
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { PaymentDetailsSchema, ShippingRegionSchema } from "../../gen/market/mass/base_types_pb.js";
import type { Hex } from "viem";
import { hexToBytes } from "../crypto/hex.js";
import { chooseShippingRegion } from "../state/choose-shipping-region.js";
import { computeOrderTotal } from "../state/compute-order-total.js";
import type { ShippingRegionState, ShopState } from "../state/shop-state.js";

type PaymentDetailsInit = MessageInitShape<typeof PaymentDetailsSchema>;

/** Payment details as the shop rules check them (docs/shop-state.md, O6 and "Shipping region"); `paymentId` and `ttl` are the caller's. */
export function paymentDetailsFor({ state, orderId, paymentId, ttl }: { state: ShopState; orderId: Hex; paymentId: Uint8Array; ttl: string }): PaymentDetailsInit {
  const name = chooseShippingRegion({ state, orderId });
  const region = name === null ? undefined : state.manifest?.shippingRegions.find((r) => r.name === name);
  const total = computeOrderTotal({ state, orderId, shippingRegion: region?.name });
  return { paymentId: { raw: paymentId }, total: { raw: uint256(total) }, ttl, ...(region === undefined ? {} : { shippingRegion: regionMessage(region) }) };
}

// The manifest's region as the event carries it: O6 compares it field by field.
function regionMessage(region: ShippingRegionState): MessageInitShape<typeof ShippingRegionSchema> {
  return {
    name: region.name,
    country: region.country,
    postalCode: region.postalCode,
    city: region.city,
    orderPriceModifiers: region.modifiers.map((m) => ({
      title: m.title,
      modification: m.percentage !== null
        ? { case: "percentage", value: { raw: uint256(BigInt(m.percentage)) } }
        : { case: "absolute", value: { plusSign: m.absolute?.plus ?? true, diff: { raw: uint256(BigInt(m.absolute?.amount ?? 0)) } } },
    })),
  };
}

function uint256(value: bigint): Uint8Array {
  return hexToBytes(`0x${value.toString(16).padStart(64, "0")}`);
}
