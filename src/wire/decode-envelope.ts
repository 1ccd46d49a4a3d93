// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Envelope } from "../../gen/market/mass/envelope_pb.js";
import type { DEFAULT_MAX_ENVELOPE_BYTES, LIMIT_MAX_IN_BATCH_SIZE } from "./constants.js";
import { decodeEnvelopeFrame } from "./decode-envelope-frame.js";

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
  return decodeEnvelopeFrame(parameters).envelope;
}
