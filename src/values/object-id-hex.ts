// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import type { ObjectId } from "../../gen/market/mass/base_types_pb.js";
import { objectParameter } from "../errors/object-parameter.js";
import { pathOption } from "./path-option.js";
import { wrapperRaw } from "./wrapper-raw.js";

/**
 * The 0x-hex form of an `ObjectId` message (inverse of {@link objectId}); its `raw` must be exactly 8 bytes.
 *
 * @throws FieldValueError (WRONG_TYPE, WRONG_LENGTH)
 * @example
 * objectIdHex({ objectId: objectId({ id: 1n }) }) // "0x0000000000000001"
 */
export function objectIdHex(parameters: { objectId: ObjectId | undefined; path?: string }): Hex {
  const { objectId, path: given } = objectParameter(parameters);
  const path = pathOption(given, "objectId");
  return bytesToHex(wrapperRaw({ message: objectId, typeName: "market.mass.ObjectId", length: 8, path }));
}
