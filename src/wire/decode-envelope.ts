// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { type Envelope, EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { DEFAULT_MAX_ENVELOPE_BYTES } from "./constants.js";
import { checkMaxBytes, decodeBounded } from "./decode-bounded.js";
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
 * does not share its memory.
 *
 * @throws SizeLimitError, DecodeError, FieldValueError
 * @example
 * socket.onmessage = ({ data }) => handle(decodeEnvelope({ bytes: new Uint8Array(data) }));
 */
export function decodeEnvelope(parameters: DecodeEnvelopeParameters): Envelope {
  const { bytes, maxBytes = DEFAULT_MAX_ENVELOPE_BYTES } = objectParameter(parameters);
  return decodeBounded({ schema: EnvelopeSchema, bytes, maxBytes: checkMaxBytes({ maxBytes, path: "maxBytes" }), path: "bytes" });
}
