// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import { type RequestId, RequestIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";

/** A request id: the RequestId message, its raw sint64 value, or the request Envelope carrying it. */
export type RequestIdInput = RequestId | bigint | { readonly requestId?: RequestId | undefined };

const MIN_SINT64 = -(1n << 63n);
const MAX_SINT64 = (1n << 63n) - 1n;

/**
 * A fresh random non-zero request id (64 random bits from `crypto.getRandomValues`).
 * @example const envelope = create(EnvelopeSchema, { requestId: createRequestId(), message: { case: "pingRequest", value: create(PingRequestSchema) } });
 */
export function createRequestId(): RequestId {
  const word = new BigInt64Array(1);
  // Zero means "unset" on the wire; draw again (probability 2^-64).
  do globalThis.crypto.getRandomValues(word);
  while (word[0] === 0n);
  return create(RequestIdSchema, { raw: word[0] as bigint });
}

/**
 * The raw sint64 value of a request id given in any {@link RequestIdInput} form.
 * @example requestIdValue({ requestId: envelope, path: "request" }) // 123n
 */
export function requestIdValue({ requestId, path }: { requestId: unknown; path: string }): bigint {
  let raw: unknown = requestId;
  if (typeof requestId === "object" && requestId !== null) {
    const message = requestId as { $typeName?: unknown; raw?: unknown; requestId?: { raw?: unknown } };
    if (message.$typeName === RequestIdSchema.typeName) raw = message.raw;
    else if (message.$typeName === "market.mass.Envelope") {
      if (message.requestId === undefined) throw new FieldValueError("MISSING_FIELD", "expected the envelope to carry a request id", { path: `${path}.request_id` });
      raw = message.requestId.raw;
    }
  }
  if (typeof raw !== "bigint") throw new FieldValueError("WRONG_TYPE", "expected a request id: RequestId, bigint or the request Envelope", { path });
  if (raw < MIN_SINT64 || raw > MAX_SINT64) throw new FieldValueError("OUT_OF_RANGE", "expected a sint64 request id", { path });
  return raw;
}
