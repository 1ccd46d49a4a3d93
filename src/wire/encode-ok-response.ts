// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The plain success answer (an Envelope with the request id and an empty
// GenericResponse) is the frame a relay writes most, once per write: its few
// bytes are written straight into one buffer, without building three messages
// and reflecting over them, or the wire writer's chunks. Field numbers and the
// id's scalar type come from the descriptors. Internal.
import { ScalarType } from "@bufbuild/protobuf";
import { WireType } from "@bufbuild/protobuf/wire";
import { RequestIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";

const REQUEST_ID_TAG = (EnvelopeSchema.field.requestId.number << 3) | WireType.LengthDelimited;
const RAW_TAG = (RequestIdSchema.field.raw.number << 3) | WireType.Varint;
const RESPONSE_TAG = (EnvelopeSchema.field.response.number << 3) | WireType.LengthDelimited;
// The id's scalar type as the schema declares it (sint64: zigzag on the wire).
const ZIGZAG = RequestIdSchema.field.raw.scalar === ScalarType.SINT64;
if (Math.max(REQUEST_ID_TAG, RAW_TAG, RESPONSE_TAG) > 0x7f) throw new Error("encode-ok-response.ts needs one-byte tags");
const MASK_64 = (1n << 64n) - 1n;
const SAFE_WIRE = 1n << 52n;

/** The bytes toBinary writes for `createResponseEnvelope({ requestId: id })`. */
export function encodeOkResponse(id: bigint): Uint8Array {
  // The id as the unsigned 64-bit varint the wire carries (int64: two's complement; sint64: zigzag).
  let wire = ZIGZAG ? ((id << 1n) ^ (id >> 63n)) & MASK_64 : id & MASK_64;
  // proto3: a zero id is the field's default and is not written.
  const idBytes = id === 0n ? 0 : 1 + varintLength(wire);
  const frame = new Uint8Array(2 + idBytes + 2);
  frame[0] = REQUEST_ID_TAG;
  frame[1] = idBytes;
  let at = 2;
  if (id !== 0n) {
    frame[at++] = RAW_TAG;
    // Request ids are small counters: below 2^52 the varint is written without BigInt steps.
    if (wire < SAFE_WIRE) {
      let rest = Number(wire);
      for (; rest >= 0x80; rest = Math.floor(rest / 128)) frame[at++] = (rest % 128) | 0x80;
      frame[at++] = rest;
    } else {
      while (wire >= 0x80n) {
        frame[at++] = Number(wire & 0x7fn) | 0x80;
        wire >>= 7n;
      }
      frame[at++] = Number(wire);
    }
  }
  frame[at++] = RESPONSE_TAG;
  frame[at] = 0;
  return frame;
}

function varintLength(value: bigint): number {
  let bytes = 1;
  for (let rest = value; rest >= 0x80n; rest >>= 7n) bytes++;
  return bytes;
}
