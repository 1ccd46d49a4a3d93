// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Envelope.request_id as toBinary writes it, for the frames a relay builds on
// the wire writer without a message object. Field numbers and the id's scalar
// type come from the descriptors. Internal.
import { ScalarType } from "@bufbuild/protobuf";
import { type BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { RequestIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";

const REQUEST_ID = EnvelopeSchema.field.requestId.number;
const RAW = RequestIdSchema.field.raw.number;
// The id's scalar type as the schema declares it (sint64: zigzag on the wire).
const ZIGZAG = RequestIdSchema.field.raw.scalar === ScalarType.SINT64;

/** Writes field request_id = { raw: id } onto `writer` (the Envelope's first field). */
export function writeRequestIdField(writer: BinaryWriter, id: bigint): BinaryWriter {
  writer.tag(REQUEST_ID, WireType.LengthDelimited).fork();
  // proto3: a zero id is the field's default and is not written.
  if (id !== 0n) {
    writer.tag(RAW, WireType.Varint);
    if (ZIGZAG) writer.sint64(id);
    else writer.int64(id);
  }
  return writer.join();
}
