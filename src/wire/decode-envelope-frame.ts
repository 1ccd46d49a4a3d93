// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// decodeEnvelope's work, also telling whether the frame was proved canonical:
// then every message inside is exactly the bytes of its slice of the frame,
// and a relay can keep a written event's bytes instead of encoding them again.
// Internal: the package exports decodeEnvelope.
import { type Envelope, EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { DEFAULT_MAX_ENVELOPE_BYTES, LIMIT_MAX_IN_BATCH_SIZE } from "./constants.js";
import { assertItemCounts } from "./assert-item-counts.js";
import { checkBytes, checkMaxBytes, decodeBounded, positiveCount } from "./decode-bounded.js";
import { decodeProvedCanonical } from "./canonical-decode.js";
import { provedCanonical } from "./canonical-wire.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import type { DecodeEnvelopeParameters } from "./decode-envelope.js";

/** The Envelope of a frame, and whether the frame is the canonical encoding of it. */
export function decodeEnvelopeFrame(parameters: DecodeEnvelopeParameters): { readonly envelope: Envelope; readonly canonical: boolean } {
  const { bytes, maxBytes = DEFAULT_MAX_ENVELOPE_BYTES, maxItems = LIMIT_MAX_IN_BATCH_SIZE } = objectParameter(parameters);
  const cap = checkMaxBytes({ maxBytes, path: "maxBytes" });
  const input = checkBytes({ bytes, maxBytes: cap, path: "bytes" });
  const itemCap = positiveCount({ value: maxItems, path: "maxItems" });
  if (input.length === 0) {
    throw new FieldValueError("WRONG_LENGTH", 'expected an Envelope, got 0 bytes (a WebSocket with binaryType "blob" hands over Blobs, which new Uint8Array() turns into 0 bytes: set binaryType = "arraybuffer")', { path: "bytes" });
  }
  assertItemCounts({ schema: EnvelopeSchema, bytes: input, maxItems: itemCap, path: "bytes" });
  // Frames as encoders write them are proved canonical in one pass and read without reflection (the same message, from a private copy).
  const read = provedCanonical({ schema: EnvelopeSchema, bytes: input }) ? decodeProvedCanonical({ schema: EnvelopeSchema, bytes: input.slice() }) : undefined;
  if (read !== undefined) return { envelope: read, canonical: true };
  return { envelope: decodeBounded({ schema: EnvelopeSchema, bytes: input, maxBytes: cap, path: "bytes" }), canonical: false };
}
