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
import { decodeOneReadingEvent } from "./decode-one-reading-event.js";
import { withSignaturePath } from "./signature-path.js";
import { objectParameter } from "../errors/object-parameter.js";
import { hashStruct } from "../eip712/hash-struct.js";
import { planFor } from "../eip712/plan.js";
import { guarded } from "../eip712/problem.js";

export interface CreateSignedEventParameters {
  /**
   * The event: a ShopEvent message (encoded here), or the exact ShopEvent
   * bytes that were signed (kept as they are; checked under `scheme`'s decoding rule).
   */
  readonly event: ShopEvent | Uint8Array;
  /**
   * How the bytes are signed, which decides what byte forms are taken:
   * `"eip712"` (default) only the canonical encoding; `"eip191"` (the
   * signature covers the bytes) any bytes every protobuf decoder reads one way,
   * such as protobufjs's with explicit default values.
   */
  readonly scheme?: "eip712" | "eip191" | undefined;
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
 * // Version-3 bytes as a protobufjs client wrote and signed them (EIP-191):
 * const v3SignedEvent = createSignedEvent({ event: eventBytes, signature: await signEventBytes({ eventBytes, account }), scheme: "eip191" });
 */
export function createSignedEvent(parameters: CreateSignedEventParameters): SignedEvent {
  const { event, signature, scheme = "eip712" } = objectParameter(parameters);
  if (scheme !== "eip712" && scheme !== "eip191") throw new FieldValueError("WRONG_TYPE", 'expected "eip712" or "eip191"', { path: "scheme" });
  const raw = withSignaturePath("signature", () => parseSignature({ signature }).bytes);
  return create(SignedEventSchema, {
    event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: eventBytesOf(event, scheme) }),
    signature: create(SignatureSchema, { raw }),
  });
}

function eventBytesOf(event: unknown, scheme: "eip712" | "eip191"): Uint8Array {
  if (event instanceof Uint8Array) {
    const bytes = event.slice();
    const decode = scheme === "eip191" ? decodeOneReadingEvent : decodeCanonicalEvent;
    decode({ bytes, maxBytes: DEFAULT_MAX_EVENT_BYTES, path: "event" });
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
