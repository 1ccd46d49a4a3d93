// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Envelope.request_id as toBinary writes it, for the frames a relay writes
// straight into a buffer (the ok response, spliced pushes) without message
// objects. Field numbers and the id's scalar type come from the descriptors.
// Internal.
import { ScalarType } from "@bufbuild/protobuf";
import { WireType } from "@bufbuild/protobuf/wire";
import { RequestIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";

const REQUEST_ID_TAG = (EnvelopeSchema.field.requestId.number << 3) | WireType.LengthDelimited;
const RAW_TAG = (RequestIdSchema.field.raw.number << 3) | WireType.Varint;
if (Math.max(REQUEST_ID_TAG, RAW_TAG) > 0x7f) throw new Error("request-id-field.ts needs one-byte tags");
// The id's scalar type as the schema declares it (sint64: zigzag on the wire).
const ZIGZAG = RequestIdSchema.field.raw.scalar === ScalarType.SINT64;
const MASK_64 = (1n << 64n) - 1n;
const SAFE_WIRE = 1n << 52n;

// The id as the unsigned 64-bit varint the wire carries (int64: two's complement; sint64: zigzag).
function wireValue(id: bigint): bigint {
  return ZIGZAG ? ((id << 1n) ^ (id >> 63n)) & MASK_64 : id & MASK_64;
}

/** Bytes of field request_id = { raw: id } with its tag and length (proto3: a zero id is not written inside). */
export function requestIdFieldLength(id: bigint): number {
  if (id === 0n) return 2;
  let bytes = 1;
  for (let rest = wireValue(id); rest >= 0x80n; rest >>= 7n) bytes++;
  return 2 + 1 + bytes;
}

/** Writes field request_id = { raw: id } into `frame` at `at` ({@link requestIdFieldLength} bytes); returns where it ends. */
export function writeRequestIdField(frame: Uint8Array, at: number, id: bigint): number {
  const start = at;
  frame[at++] = REQUEST_ID_TAG;
  // The RequestId's length (at most 11 bytes: one length byte), filled in once written.
  at++;
  if (id !== 0n) {
    frame[at++] = RAW_TAG;
    let wire = wireValue(id);
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
  frame[start + 1] = at - start - 2;
  return at;
}
