// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import { type EventWriteRequest, EventWriteRequestSchema, type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { assertBatchSize } from "./assert-batch-size.js";
import { LIMIT_MAX_IN_BATCH_SIZE } from "./constants.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface CreateEventWriteRequestParameters {
  /** 1 to {@link LIMIT_MAX_IN_BATCH_SIZE} (64) signed events, in log order. */
  readonly events: readonly SignedEvent[];
}

/**
 * An EventWriteRequest for the given signed events; refuses an empty batch or
 * one over the protocol's batch limit.
 *
 * @throws BatchLimitError, FieldValueError
 * @example
 * const request = createEventWriteRequest({ events: [createSignedEvent({ event, signature })] });
 */
export function createEventWriteRequest(parameters: CreateEventWriteRequestParameters): EventWriteRequest {
  const { events } = objectParameter(parameters);
  assertBatchSize({ items: events, limit: LIMIT_MAX_IN_BATCH_SIZE, path: "events" });
  events.forEach((event, i) => {
    const ok = typeof event === "object" && event !== null && event.$typeName === SignedEventSchema.typeName && event.event !== undefined && event.signature !== undefined;
    if (!ok) throw new FieldValueError("WRONG_TYPE", "expected a SignedEvent with event and signature (createSignedEvent)", { path: `events[${i}]` });
  });
  return create(EventWriteRequestSchema, { events: [...events] });
}
