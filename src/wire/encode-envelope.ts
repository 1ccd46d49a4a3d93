// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { toBinary } from "@bufbuild/protobuf";
import { type Envelope, EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { assertBatchSize } from "./assert-batch-size.js";
import { LIMIT_MAX_IN_BATCH_SIZE, LIMIT_MAX_OUT_BATCH_SIZE } from "./constants.js";
import { objectParameter } from "../errors/object-parameter.js";
import { encodeSplicedPush, splicedPushEvents } from "./encode-spliced-push.js";

export interface EncodeEnvelopeParameters {
  readonly envelope: Envelope;
}

/**
 * The binary frame of an Envelope, for one WebSocket message. Refuses an
 * envelope without request id or message, and event batches over the
 * protocol limits (the peer would refuse them).
 *
 * @throws FieldValueError, BatchLimitError
 * @example
 * socket.send(encodeEnvelope({ envelope: createRequestEnvelope({ request: { case: "eventWriteRequest", value: writeRequest } }) }));
 */
export function encodeEnvelope(parameters: EncodeEnvelopeParameters): Uint8Array {
  const { envelope } = objectParameter(parameters);
  if (typeof envelope !== "object" || envelope === null || envelope.$typeName !== EnvelopeSchema.typeName) {
    throw new FieldValueError("WRONG_TYPE", "expected an Envelope message", { path: "envelope" });
  }
  if (envelope.requestId === undefined) throw new FieldValueError("MISSING_FIELD", "expected a request id", { path: "envelope.request_id" });
  const { message } = envelope;
  if (message.case === undefined) throw new FieldValueError("MISSING_FIELD", "expected a request or response", { path: "envelope.message" });
  if (message.case === "eventWriteRequest") {
    assertBatchSize({ items: message.value.events, limit: LIMIT_MAX_IN_BATCH_SIZE, path: "envelope.event_write_request.events" });
  }
  if (message.case === "subscriptionPushRequest") {
    // A relay may splice events already encoded (relay-session.ts): they travel as field 2 in $unknown, and count.
    const spliced = message.value.$unknown?.filter((field) => field.no === 2) ?? [];
    assertBatchSize({ items: [...message.value.events, ...spliced], limit: LIMIT_MAX_OUT_BATCH_SIZE, path: "envelope.subscription_push_request.events" });
  }
  // A relay's push of spliced events: the same bytes, written with one copy of the events.
  const spliced = splicedPushEvents(envelope);
  if (spliced !== undefined && message.case === "subscriptionPushRequest") {
    return encodeSplicedPush(envelope.requestId.raw, message.value.subscriptionId, spliced);
  }
  try {
    return toBinary(EnvelopeSchema, envelope);
  } catch (cause) {
    throw new FieldValueError("WRONG_TYPE", "expected an Envelope whose fields protobuf can encode", { path: "envelope", cause });
  }
}
