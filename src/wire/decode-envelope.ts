// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { type Envelope, EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { DEFAULT_MAX_ENVELOPE_BYTES, LIMIT_MAX_IN_BATCH_SIZE } from "./constants.js";
import { assertItemCounts } from "./assert-item-counts.js";
import { checkBytes, checkMaxBytes, decodeBounded, positiveCount } from "./decode-bounded.js";
import { decodeProvedCanonical } from "./canonical-decode.js";
import { provedCanonical } from "./canonical-wire.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface DecodeEnvelopeParameters {
  /** One binary WebSocket message. */
  readonly bytes: Uint8Array;
  /** Size cap; larger frames are refused before decoding. Defaults to {@link DEFAULT_MAX_ENVELOPE_BYTES} (128 KiB, the v3 relay's). */
  readonly maxBytes?: number | undefined;
  /**
   * Most items in any repeated field of the request (events of a write or a
   * push, filters of a subscription), counted before decoding. Defaults to
   * {@link LIMIT_MAX_IN_BATCH_SIZE} (64, also the push limit).
   */
  readonly maxItems?: number | undefined;
}

/**
 * Decodes a WebSocket frame into an Envelope, with a size cap. Only the
 * frame is decoded: events inside stay as bytes until `openSignedEvent`.
 * The request id or message may be absent (check `envelope.message.case`).
 * Before decoding, the items of each repeated field (events, filters) are
 * counted on the wire and more than `maxItems` are refused, so a frame of
 * thousands of tiny events is never turned into thousands of objects; an
 * empty batch decodes (`assertBatchSize` refuses it and the request id can
 * be answered). The input is never modified and the result does not share its memory.
 * An empty frame is refused (`WRONG_LENGTH`): it carries nothing, and is what
 * `new Uint8Array(blob)` gives when a WebSocket left at its default
 * `binaryType`, `"blob"`, delivers a Blob.
 *
 * @throws SizeLimitError, BatchLimitError, DecodeError, FieldValueError
 * @example
 * const socket = new WebSocket("wss://relay.example/v4/sessions");
 * socket.binaryType = "arraybuffer"; // the default, "blob", delivers Blobs
 * socket.onmessage = ({ data }: MessageEvent<ArrayBuffer>) => {
 *   const envelope = decodeEnvelope({ bytes: new Uint8Array(data) });
 *   console.log(envelope.message.case);
 * };
 */
export function decodeEnvelope(parameters: DecodeEnvelopeParameters): Envelope {
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
  return read ?? decodeBounded({ schema: EnvelopeSchema, bytes: input, maxBytes: cap, path: "bytes" });
}
