// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { bytesToBigInt } from "../crypto/hex.js";
import type { Uint256 } from "../../gen/market/mass/base_types_pb.js";
import { objectParameter } from "../errors/object-parameter.js";
import { pathOption } from "./path-option.js";
import { wrapperRaw } from "./wrapper-raw.js";

/**
 * The bigint a `Uint256` message holds (inverse of {@link uint256}); its `raw` must be exactly 32 bytes.
 *
 * @throws FieldValueError (WRONG_TYPE, WRONG_LENGTH)
 * @example
 * uint256Value({ uint256: event.shopId }) // 23n
 */
export function uint256Value(parameters: { uint256: Uint256 | undefined; path?: string }): bigint {
  const { uint256, path: given } = objectParameter(parameters);
  const path = pathOption(given, "uint256");
  return bytesToBigInt(wrapperRaw({ message: uint256, typeName: "market.mass.Uint256", length: 32, path }));
}
