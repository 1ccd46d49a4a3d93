// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import { type Uint256, Uint256Schema } from "../../gen/market/mass/base_types_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { pathOption } from "./path-option.js";

const MAX_UINT256 = (1n << 256n) - 1n;

/**
 * A `Uint256` message (32 bytes big-endian) from a bigint: prices, amounts, token ids.
 *
 * @throws FieldValueError (WRONG_TYPE, OUT_OF_RANGE)
 * @example
 * const price = uint256({ value: 20_000_000n }); // 20 USDC (6 decimals)
 */
export function uint256(parameters: { value: bigint; path?: string }): Uint256 {
  const { value, path: given } = objectParameter(parameters);
  const path = pathOption(given, "value");
  if (typeof value !== "bigint") throw new FieldValueError("WRONG_TYPE", `expected a bigint, got ${typeof value}`, { path });
  if (value < 0n || value > MAX_UINT256) throw new FieldValueError("OUT_OF_RANGE", `expected an integer in [0, 2^256 - 1], got ${value}`, { path });
  const raw = new Uint8Array(32);
  let rest = value;
  for (let k = 31; k >= 0; k--, rest >>= 8n) raw[k] = Number(rest & 0xffn);
  return create(Uint256Schema, { raw });
}
