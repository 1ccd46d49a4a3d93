// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The plain success answer (an Envelope with the request id and an empty
// GenericResponse) is the frame a relay writes most; writing it with the
// protobuf-es wire writer skips building three messages and reflecting over
// them. Field numbers come from the descriptors. Internal.
import { ScalarType } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { RequestIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";

const REQUEST_ID = EnvelopeSchema.field.requestId.number;
const RAW = RequestIdSchema.field.raw.number;
const RESPONSE = EnvelopeSchema.field.response.number;
// The id's scalar type as the schema declares it (sint64: zigzag on the wire).
const ZIGZAG = RequestIdSchema.field.raw.scalar === ScalarType.SINT64;

/** The bytes toBinary writes for `createResponseEnvelope({ requestId: id })`. */
export function encodeOkResponse(id: bigint): Uint8Array {
  const writer = new BinaryWriter().tag(REQUEST_ID, WireType.LengthDelimited).fork();
  // proto3: a zero id is the field's default and is not written.
  if (id !== 0n) {
    writer.tag(RAW, WireType.Varint);
    if (ZIGZAG) writer.sint64(id);
    else writer.int64(id);
  }
  return writer.join().tag(RESPONSE, WireType.LengthDelimited).uint32(0).finish();
}
