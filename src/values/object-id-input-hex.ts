// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import { objectParameter } from "../errors/object-parameter.js";
import { type ObjectIdInput, objectId } from "./object-id.js";
import { pathOption } from "./path-option.js";

/**
 * Any accepted form of an object id (`ObjectId`, bigint, 8 bytes, 0x-hex in
 * either case) as the state's key: 0x + 16 lowercase hex digits.
 *
 * @throws FieldValueError (WRONG_TYPE, WRONG_LENGTH, OUT_OF_RANGE) naming `path`
 * @example
 * objectIdKey({ id: 1n }) // "0x0000000000000001"
 */
export function objectIdKey(parameters: { id: ObjectIdInput; path?: string }): Hex {
  const { id, path } = objectParameter(parameters);
  return bytesToHex(objectId({ id, path: pathOption(path, "id") }).raw);
}
