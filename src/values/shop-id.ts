// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import { type Uint256, Uint256Schema } from "../../gen/market/mass/base_types_pb.js";
import { objectParameter } from "../errors/object-parameter.js";
import { pathOption } from "./path-option.js";
import { type ShopIdInput, shopIdBytes } from "../wire/shop-id.js";

/**
 * The `Uint256` message of a shop id (the shop's token id in the registry), from a bigint or its
 * 32 bytes; `uint256Value` is the inverse.
 *
 * @throws FieldValueError (WRONG_TYPE, WRONG_LENGTH, OUT_OF_RANGE)
 * @example
 * const request = create(SubscriptionRequestSchema, { shopId: shopIdUint256({ shopId: 23n }) });
 */
export function shopIdUint256(parameters: { shopId: ShopIdInput; path?: string }): Uint256 {
  const { shopId, path: given } = objectParameter(parameters);
  const path = pathOption(given, "shopId");
  return create(Uint256Schema, { raw: shopIdBytes({ shopId, path }) });
}
