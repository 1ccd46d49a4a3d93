// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The plain success answer (an Envelope with the request id and an empty
// GenericResponse) is the frame a relay writes most; writing it with the
// protobuf-es wire writer skips building three messages and reflecting over
// them. Field numbers come from the descriptors. Internal.
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { writeRequestIdField } from "./request-id-field.js";

const RESPONSE = EnvelopeSchema.field.response.number;

/** The bytes toBinary writes for `createResponseEnvelope({ requestId: id })`. */
export function encodeOkResponse(id: bigint): Uint8Array {
  return writeRequestIdField(new BinaryWriter(), id).tag(RESPONSE, WireType.LengthDelimited).uint32(0).finish();
}
