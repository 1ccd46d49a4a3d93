// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import type { Hex } from "viem";
import { SignatureSchema } from "../../gen/market/mass/base_types_pb.js";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { parseSignature } from "../signature/parse-signature.js";
import { DEFAULT_MAX_EVENT_BYTES, SHOP_EVENT_TYPE_URL } from "./constants.js";
import { decodeCanonicalEvent } from "./decode-canonical-event.js";
import { withSignaturePath } from "./signature-path.js";
import { objectParameter } from "../errors/object-parameter.js";
import { hashStruct } from "../eip712/hash-struct.js";
import { planFor } from "../eip712/plan.js";
import { guarded } from "../eip712/problem.js";

export interface CreateSignedEventParameters {
  /**
   * The event: a ShopEvent message (encoded here), or the exact ShopEvent
   * bytes that were signed (kept as they are; checked to be the canonical encoding of a ShopEvent).
   */
  readonly event: ShopEvent | Uint8Array;
  /** The keycard's 65-byte signature over the event; checked strictly, stored with v 27/28. */
  readonly signature: Hex | Uint8Array;
}

/**
 * Wraps an event and its signature in a SignedEvent, the event packed in
 * `google.protobuf.Any` with type URL {@link SHOP_EVENT_TYPE_URL}. Neither
 * input is modified or shared with the result.
 *
 * @throws SignatureError, FieldValueError, DecodeError, NonCanonicalEncodingError, SizeLimitError
 * @example
 * const signature = await signEvent({ event, domain, account });
 * const signedEvent = createSignedEvent({ event, signature });
 */
export function createSignedEvent(parameters: CreateSignedEventParameters): SignedEvent {
  const { event, signature } = objectParameter(parameters);
  const raw = withSignaturePath("signature", () => parseSignature({ signature }).bytes);
  return create(SignedEventSchema, {
    event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: eventBytesOf(event) }),
    signature: create(SignatureSchema, { raw }),
  });
}

function eventBytesOf(event: unknown): Uint8Array {
  if (event instanceof Uint8Array) {
    const bytes = event.slice();
    decodeCanonicalEvent({ bytes, maxBytes: DEFAULT_MAX_EVENT_BYTES, path: "event" });
    return bytes;
  }
  if (typeof event !== "object" || event === null || (event as { $typeName?: unknown }).$typeName !== ShopEventSchema.typeName) {
    throw new FieldValueError("WRONG_TYPE", "expected a ShopEvent message (create(ShopEventSchema, …)) or its bytes", { path: "event" });
  }
  // The same value checks as signing: a hand-built object with a number for a bigint, a bad
  // $unknown or no union is refused rather than silently coerced by the encoder.
  guarded("event", () => hashStruct(planFor(ShopEventSchema), event));
  try {
    return toBinary(ShopEventSchema, event as ShopEvent);
  } catch (cause) {
    throw new FieldValueError("WRONG_TYPE", "expected a ShopEvent whose fields protobuf can encode", { path: "event", cause });
  }
}
