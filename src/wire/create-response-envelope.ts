// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import { RequestIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { type Envelope, Envelope_GenericResponseSchema, EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { ErrorCodes, ErrorCodesSchema, ErrorSchema } from "../../gen/market/mass/error_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { type RequestIdInput, requestIdValue } from "./request-id.js";
import { objectParameter } from "../errors/object-parameter.js";

/** The `Error` of a refusal: `code`, and the optional text, rule code, request path and hint (empty strings when absent). */
export interface ResponseErrorInit {
  readonly code: ErrorCodes;
  readonly message?: string | undefined;
  readonly rule?: string | undefined;
  readonly path?: string | undefined;
  readonly hint?: string | undefined;
}

export interface CreateResponseEnvelopeParameters {
  /** Id of the request being answered: the request Envelope, its RequestId or the raw value. */
  readonly requestId: RequestIdInput;
  /** Result data of a successful request (challenge, subscription id, URL, …). */
  readonly payload?: Uint8Array | undefined;
  /** Why the request failed; give either this or `payload` (or neither for plain success). */
  readonly error?: ResponseErrorInit | undefined;
}

/**
 * A GenericResponse Envelope answering a request: success with or without a
 * payload, or an Error with one of the `ErrorCodes`.
 *
 * @throws FieldValueError
 * @example
 * socket.send(encodeEnvelope({ envelope: createResponseEnvelope({ requestId: request, error: { code: ErrorCodes.INVALID, message: "bad nonce", rule: "NONCE_NOT_INCREASING", path: "event_write_request.events[0].event.nonce" } }) }));
 */
export function createResponseEnvelope(parameters: CreateResponseEnvelopeParameters): Envelope {
  const { requestId, payload, error } = objectParameter(parameters);
  const id = create(RequestIdSchema, { raw: requestIdValue({ requestId, path: "requestId" }) });
  if (payload !== undefined && error !== undefined) throw new FieldValueError("WRONG_TYPE", "expected either payload or error, not both", { path: "error" });
  let response;
  if (error !== undefined) {
    if (typeof error !== "object" || error === null) throw new FieldValueError("WRONG_TYPE", "expected { code, message? }", { path: "error" });
    const { code, message = "", rule = "", path = "", hint = "" } = error;
    if (code === ErrorCodes.UNSPECIFIED || ErrorCodesSchema.value[code] === undefined) {
      throw new FieldValueError("OUT_OF_RANGE", "expected an ErrorCodes value other than UNSPECIFIED", { path: "error.code" });
    }
    for (const [name, value] of Object.entries({ message, rule, path, hint })) {
      if (typeof value !== "string") throw new FieldValueError("WRONG_TYPE", "expected a string", { path: `error.${name}` });
    }
    response = create(Envelope_GenericResponseSchema, { response: { case: "error", value: create(ErrorSchema, { code, message, rule, path, hint }) } });
  } else if (payload !== undefined) {
    if (!(payload instanceof Uint8Array)) throw new FieldValueError("WRONG_TYPE", "expected a Uint8Array", { path: "payload" });
    response = create(Envelope_GenericResponseSchema, { response: { case: "payload", value: payload.slice() } });
  } else {
    response = create(Envelope_GenericResponseSchema);
  }
  return create(EnvelopeSchema, { requestId: id, message: { case: "response", value: response } });
}
