// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { type Envelope, EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { DEFAULT_MAX_ENVELOPE_BYTES } from "./constants.js";
import { checkBytes, checkMaxBytes, decodeBounded } from "./decode-bounded.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface DecodeEnvelopeParameters {
  /** One binary WebSocket message. */
  readonly bytes: Uint8Array;
  /** Size cap; larger frames are refused before decoding. Defaults to {@link DEFAULT_MAX_ENVELOPE_BYTES} (5 MiB). */
  readonly maxBytes?: number | undefined;
}

/**
 * Decodes a WebSocket frame into an Envelope, with a size cap. Only the
 * frame is decoded: events inside stay as bytes until `openSignedEvent`.
 * The request id or message may be absent (check `envelope.message.case`);
 * batch sizes are the receiver's to check (`assertBatchSize`), so it can
 * still answer the request id. The input is never modified and the result
 * does not share its memory. An empty frame is refused (`WRONG_LENGTH`): it
 * carries nothing, and is what `new Uint8Array(blob)` gives when a WebSocket
 * left at its default `binaryType`, `"blob"`, delivers a Blob.
 *
 * @throws SizeLimitError, DecodeError, FieldValueError
 * @example
 * const socket = new WebSocket("wss://relay.example/v4/sessions");
 * socket.binaryType = "arraybuffer"; // the default, "blob", delivers Blobs
 * socket.onmessage = ({ data }: MessageEvent<ArrayBuffer>) => {
 *   const envelope = decodeEnvelope({ bytes: new Uint8Array(data) });
 *   console.log(envelope.message.case);
 * };
 */
export function decodeEnvelope(parameters: DecodeEnvelopeParameters): Envelope {
  const { bytes, maxBytes = DEFAULT_MAX_ENVELOPE_BYTES } = objectParameter(parameters);
  const frame = checkBytes({ bytes, maxBytes: checkMaxBytes({ maxBytes, path: "maxBytes" }), path: "bytes" });
  if (frame.length === 0) {
    throw new FieldValueError("WRONG_LENGTH", 'expected an Envelope, got 0 bytes (a WebSocket with binaryType "blob" hands over Blobs, which new Uint8Array() turns into 0 bytes: set binaryType = "arraybuffer")', { path: "bytes" });
  }
  return decodeBounded({ schema: EnvelopeSchema, bytes: frame, maxBytes: frame.length, path: "bytes" });
}
