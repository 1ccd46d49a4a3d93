// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { type Envelope, EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { RelayError } from "../errors/relay-error.js";
import { UnexpectedResponseError } from "../errors/unexpected-response-error.js";
import { type RequestIdInput, requestIdValue } from "./request-id.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface MatchResponseParameters {
  /** The request sent: its Envelope, its RequestId or the raw id. */
  readonly request: RequestIdInput;
  /** The Envelope received. */
  readonly response: Envelope;
}

/**
 * Checks that `response` is the GenericResponse to `request` and returns
 * its payload (`undefined` for success without data). An Error answer
 * becomes a thrown RelayError carrying the `ErrorCodes` value.
 *
 * @throws RelayError, UnexpectedResponseError, FieldValueError
 * @example
 * const challenge = matchResponse({ request: sent, response: decodeEnvelope({ bytes }) });
 */
export function matchResponse(parameters: MatchResponseParameters): Uint8Array | undefined {
  const { request, response } = objectParameter(parameters);
  const expected = requestIdValue({ requestId: request, path: "request" });
  if (typeof response !== "object" || response === null || response.$typeName !== EnvelopeSchema.typeName) {
    throw new FieldValueError("WRONG_TYPE", "expected the received Envelope", { path: "response" });
  }
  if (response.message.case !== "response") {
    throw new UnexpectedResponseError({ problem: "NOT_A_RESPONSE", path: "response.message", expected: `expected a GenericResponse, got ${response.message.case ?? "nothing"}` });
  }
  if (response.requestId === undefined) {
    throw new UnexpectedResponseError({ problem: "MISSING_REQUEST_ID", path: "response.request_id", expected: "expected the response to carry the request id" });
  }
  if (response.requestId.raw !== expected) {
    throw new UnexpectedResponseError({ problem: "REQUEST_ID_MISMATCH", path: "response.request_id", expected: `expected request id ${expected}, got ${response.requestId.raw}` });
  }
  const outcome = response.message.value.response;
  if (outcome.case === "error") {
    const { code, message, rule, path, hint } = outcome.value;
    // Empty is "not said": relays before fields 3–5 leave them so.
    throw new RelayError({ errorCode: code, relayMessage: message, rule: rule || undefined, path: path || undefined, hint: hint || undefined });
  }
  return outcome.case === "payload" ? outcome.value.slice() : undefined;
}
