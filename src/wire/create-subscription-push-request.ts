// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import { type SubscriptionPushRequest, SubscriptionPushRequestSchema } from "../../gen/market/mass/subscription_pb.js";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { assertBatchSize } from "./assert-batch-size.js";
import { LIMIT_MAX_OUT_BATCH_SIZE } from "./constants.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface CreateSubscriptionPushRequestParameters {
  /** The id returned when the subscription was opened. */
  readonly subscriptionId: Uint8Array;
  /** 1 to {@link LIMIT_MAX_OUT_BATCH_SIZE} (64) events with their log positions, in increasing `seqNo`. */
  readonly events: readonly { readonly signedEvent: SignedEvent; readonly seqNo: bigint }[];
}

const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * Relay side: a SubscriptionPushRequest; refuses an empty batch, one over the
 * protocol's outgoing batch limit, or sequence numbers that do not increase.
 *
 * @throws BatchLimitError, FieldValueError
 * @example
 * const push = createSubscriptionPushRequest({ subscriptionId, events: [{ signedEvent, seqNo: 7n }] });
 */
export function createSubscriptionPushRequest(parameters: CreateSubscriptionPushRequestParameters): SubscriptionPushRequest {
  const { subscriptionId, events } = objectParameter(parameters);
  if (!(subscriptionId instanceof Uint8Array) || subscriptionId.length === 0) {
    throw new FieldValueError("WRONG_TYPE", "expected the subscription id as a non-empty Uint8Array", { path: "subscriptionId" });
  }
  assertBatchSize({ items: events, limit: LIMIT_MAX_OUT_BATCH_SIZE, path: "events" });
  let previous = -1n;
  const sequenced = events.map((entry, i) => {
    if (typeof entry !== "object" || entry === null) throw new FieldValueError("WRONG_TYPE", "expected { signedEvent, seqNo }", { path: `events[${i}]` });
    const { signedEvent, seqNo } = entry;
    if (typeof signedEvent !== "object" || signedEvent === null || signedEvent.$typeName !== SignedEventSchema.typeName) {
      throw new FieldValueError("WRONG_TYPE", "expected a SignedEvent", { path: `events[${i}].signedEvent` });
    }
    if (typeof seqNo !== "bigint" || seqNo < 0n || seqNo > MAX_UINT64) throw new FieldValueError("OUT_OF_RANGE", "expected a uint64 bigint", { path: `events[${i}].seqNo` });
    if (seqNo <= previous) throw new FieldValueError("OUT_OF_RANGE", "expected sequence numbers in increasing order", { path: `events[${i}].seqNo` });
    previous = seqNo;
    return { event: signedEvent, seqNo };
  });
  return create(SubscriptionPushRequestSchema, { subscriptionId: subscriptionId.slice(), events: sequenced });
}
