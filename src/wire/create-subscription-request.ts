// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import type { Hex } from "viem";
import { hexToBytes, isHex } from "../crypto/hex.js";
import { ObjectIdSchema, Uint256Schema } from "../../gen/market/mass/base_types_pb.js";
import { ObjectType, ObjectTypeSchema, type SubscriptionRequest, SubscriptionRequestSchema } from "../../gen/market/mass/subscription_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { type ShopIdInput, shopIdBytes } from "./shop-id.js";
import { objectParameter } from "../errors/object-parameter.js";

/** Which events to receive: one object kind, optionally one object (8-byte id). */
export interface SubscriptionFilterInput {
  readonly objectType: ObjectType;
  readonly objectId?: Uint8Array | Hex | undefined;
}

export interface CreateSubscriptionRequestParameters {
  /** The shop: bigint, or 32 bytes big-endian as bytes or hex. */
  readonly shopId: ShopIdInput;
  /** First log sequence number wanted; resuming clients pass the last seq_no received + 1. Defaults to 0. */
  readonly startShopSeqNo?: bigint | undefined;
  /** At least one filter; an event is sent if any filter matches. */
  readonly filters: readonly SubscriptionFilterInput[];
}

const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * A SubscriptionRequest, checked: shop id a uint256, start a uint64, each
 * filter a known object type (not UNSPECIFIED) with an optional 8-byte object id.
 *
 * @throws FieldValueError
 * @example
 * const request = createSubscriptionRequest({ shopId, filters: [{ objectType: ObjectType.LISTING }] });
 */
export function createSubscriptionRequest(parameters: CreateSubscriptionRequestParameters): SubscriptionRequest {
  const { shopId, startShopSeqNo = 0n, filters } = objectParameter(parameters);
  const raw = shopIdBytes({ shopId });
  if (typeof startShopSeqNo !== "bigint" || startShopSeqNo < 0n || startShopSeqNo > MAX_UINT64) {
    throw new FieldValueError("OUT_OF_RANGE", "expected a uint64 bigint", { path: "startShopSeqNo" });
  }
  if (!Array.isArray(filters) || filters.length === 0) throw new FieldValueError("MISSING_FIELD", "expected at least one filter", { path: "filters" });
  const checked = filters.map((filter: SubscriptionFilterInput, i) => {
    if (typeof filter !== "object" || filter === null) throw new FieldValueError("WRONG_TYPE", "expected a filter object { objectType, objectId? }", { path: `filters[${i}]` });
    const { objectType, objectId } = filter;
    if (objectType === ObjectType.UNSPECIFIED || ObjectTypeSchema.value[objectType] === undefined) {
      throw new FieldValueError("OUT_OF_RANGE", "expected an ObjectType other than UNSPECIFIED", { path: `filters[${i}].objectType` });
    }
    if (objectId === undefined) return { objectType };
    const id = typeof objectId === "string" && isHex(objectId, { strict: true }) ? hexToBytes(objectId) : objectId;
    if (!(id instanceof Uint8Array) || id.length !== 8) {
      throw new FieldValueError("WRONG_LENGTH", "expected an object id of 8 bytes (bytes or 0x + 16 hex digits)", { path: `filters[${i}].objectId` });
    }
    return { objectType, objectId: create(ObjectIdSchema, { raw: id.slice() }) };
  });
  return create(SubscriptionRequestSchema, { startShopSeqNo, shopId: create(Uint256Schema, { raw }), filters: checked });
}
