// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import { Uint256Schema } from "../../gen/market/mass/base_types_pb.js";
import { objectId, type ObjectIdInput } from "../values/object-id.js";
import { ObjectType, ObjectTypeSchema, type SubscriptionRequest, SubscriptionRequestSchema } from "../../gen/market/mass/subscription_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { type ShopIdInput, shopIdBytes } from "./shop-id.js";
import { objectParameter } from "../errors/object-parameter.js";

/** An ObjectType as the enum value or its name: `ObjectType.ORDER` or `"ORDER"`. */
export type ObjectTypeInput = ObjectType | Exclude<keyof typeof ObjectType, "UNSPECIFIED">;

/** Which events to receive: one object kind, optionally one object (any object id form). */
export interface SubscriptionFilterInput {
  readonly objectType: ObjectTypeInput;
  readonly objectId?: ObjectIdInput | undefined;
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
    const objectType = objectTypeOf(filter.objectType, `filters[${i}].objectType`);
    if (filter.objectId === undefined) return { objectType };
    return { objectType, objectId: objectId({ id: filter.objectId, path: `filters[${i}].objectId` }) };
  });
  return create(SubscriptionRequestSchema, { startShopSeqNo, shopId: create(Uint256Schema, { raw }), filters: checked });
}

// The enum value, or its name ("ORDER"): users type the name first.
function objectTypeOf(given: unknown, path: string): ObjectType {
  const value = typeof given === "string" && given !== "UNSPECIFIED" && Object.hasOwn(ObjectType, given) ? ObjectType[given as keyof typeof ObjectType] : given;
  if (typeof value !== "number" || value === ObjectType.UNSPECIFIED || ObjectTypeSchema.value[value as ObjectType] === undefined) {
    throw new FieldValueError("OUT_OF_RANGE", `expected an ObjectType other than UNSPECIFIED, as the enum or its name (${Object.keys(ObjectType).filter((k) => Number.isNaN(Number(k)) && k !== "UNSPECIFIED").join(", ")})`, { path });
  }
  return value;
}
