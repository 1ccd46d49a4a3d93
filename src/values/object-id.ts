// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import type { Hex } from "viem";
import { hexToBytes, isHex } from "../crypto/hex.js";
import { type ObjectId, ObjectIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { pathOption } from "./path-option.js";

/** An object id (listing, option, variation, tag, order): an `ObjectId` message, a uint64 as bigint, or exactly 8 bytes as bytes or 0x-hex. */
export type ObjectIdInput = ObjectId | bigint | Hex | Uint8Array;

/**
 * An `ObjectId` message (exactly 8 bytes) from a bigint below 2^64, 8 bytes,
 * 0x + 16 hex digits (either case), or an `ObjectId` message (copied).
 *
 * @throws FieldValueError (WRONG_TYPE, WRONG_LENGTH, OUT_OF_RANGE)
 * @example
 * const id = objectId({ id: 1n }); // raw 0x0000000000000001
 */
export function objectId(parameters: { id: ObjectIdInput; path?: string }): ObjectId {
  const { id, path: given } = objectParameter(parameters);
  const path = pathOption(given, "id");
  if (typeof id === "bigint") {
    if (id < 0n || id >= 1n << 64n) throw new FieldValueError("OUT_OF_RANGE", `expected an object id in [0, 2^64 - 1], got ${id}`, { path });
    const raw = new Uint8Array(8);
    new DataView(raw.buffer).setBigUint64(0, id);
    return create(ObjectIdSchema, { raw });
  }
  const raw = typeof id === "string" && isHex(id, { strict: true }) ? hexToBytes(id) : isObjectIdMessage(id) ? id.raw : id;
  if (!(raw instanceof Uint8Array)) throw new FieldValueError("WRONG_TYPE", "expected an object id as bigint, 8 bytes or 0x + 16 hex digits", { path });
  if (raw.length !== 8) throw new FieldValueError("WRONG_LENGTH", `expected exactly 8 bytes for an object id, got ${raw.length}`, { path });
  return create(ObjectIdSchema, { raw: raw.slice() });
}

function isObjectIdMessage(value: unknown): value is ObjectId {
  return typeof value === "object" && value !== null && (value as { $typeName?: unknown }).$typeName === "market.mass.ObjectId";
}
