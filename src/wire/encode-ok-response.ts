// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The plain success answer (an Envelope with the request id and an empty
// GenericResponse) is the frame a relay writes most, once per write: its few
// bytes are written straight into one buffer, without building three messages
// and reflecting over them, or the wire writer's chunks. Field numbers come
// from the descriptors. Internal.
import { WireType } from "@bufbuild/protobuf/wire";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { requestIdFieldLength, writeRequestIdField } from "./request-id-field.js";

const RESPONSE_TAG = (EnvelopeSchema.field.response.number << 3) | WireType.LengthDelimited;
if (RESPONSE_TAG > 0x7f) throw new Error("encode-ok-response.ts needs a one-byte tag");

/** The bytes toBinary writes for `createResponseEnvelope({ requestId: id })`. */
export function encodeOkResponse(id: bigint): Uint8Array {
  const frame = new Uint8Array(requestIdFieldLength(id) + 2);
  const at = writeRequestIdField(frame, 0, id);
  frame[at] = RESPONSE_TAG;
  frame[at + 1] = 0;
  return frame;
}
