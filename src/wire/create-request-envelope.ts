// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import { type Envelope, EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { RequestIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { createRequestId, type RequestIdInput, requestIdValue } from "./request-id.js";
import { objectParameter } from "../errors/object-parameter.js";

/** Every request an Envelope can carry (all members of `Envelope.message` but `response`). */
export type EnvelopeRequest = Exclude<Envelope["message"], { case: "response" } | { case: undefined }>;

export interface CreateRequestEnvelopeParameters {
  /** The request, e.g. `{ case: "eventWriteRequest", value: createEventWriteRequest({ events }) }`. */
  readonly request: EnvelopeRequest;
  /** Defaults to a fresh random id ({@link createRequestId}); keep it to match the response. */
  readonly requestId?: RequestIdInput | undefined;
}

/**
 * An Envelope carrying a request under a fresh (or given) request id; the
 * value must be the message type of the chosen case.
 *
 * @throws FieldValueError
 * @example
 * const envelope = createRequestEnvelope({ request: { case: "eventWriteRequest", value: writeRequest } });
 * socket.send(encodeEnvelope({ envelope }));
 */
export function createRequestEnvelope(parameters: CreateRequestEnvelopeParameters): Envelope {
  const { request, requestId } = objectParameter(parameters);
  checkRequest(request);
  const id = requestId === undefined ? createRequestId() : create(RequestIdSchema, { raw: requestIdValue({ requestId, path: "requestId" }) });
  return create(EnvelopeSchema, { requestId: id, message: request });
}

function checkRequest(request: unknown): void {
  const { case: kind, value } = (typeof request === "object" && request !== null ? request : {}) as { case?: unknown; value?: unknown };
  const field = EnvelopeSchema.fields.find((f) => f.oneof?.name === "message" && f.localName === kind && kind !== "response");
  if (field === undefined || field.fieldKind !== "message") {
    throw new FieldValueError("WRONG_TYPE", "expected { case, value } with case one of the Envelope requests (not response)", { path: "request.case" });
  }
  if (typeof value !== "object" || value === null || (value as { $typeName?: unknown }).$typeName !== field.message.typeName) {
    throw new FieldValueError("WRONG_TYPE", `expected a ${field.message.typeName} message`, { path: "request.value" });
  }
}
