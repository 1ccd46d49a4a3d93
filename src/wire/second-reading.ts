// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The "one reading" rule for bytes a signature covers as they are (EIP-191):
// refuse exactly what protobuf-es, protobuf-go and protobufjs read apart
// (test/security/two-readings-three-decoders.test.ts shows each class), allow the rest.
import { type DescField, type DescMessage, ScalarType } from "@bufbuild/protobuf";
import { readRecord } from "./wire-reader.js";

/** Where a second reading hides and why; `field` is a proto field path such as `tag.name`. */
export interface SecondReading {
  readonly field: string;
  readonly reason: string;
}

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;
const WIRE_NAMES = ["varint", "64-bit", "length-delimited", "", "", "32-bit"];

const fieldsByNumber = new WeakMap<DescMessage, Map<number, DescField>>();

function fieldOf(schema: DescMessage, number: number): DescField | undefined {
  let table = fieldsByNumber.get(schema);
  if (table === undefined) {
    table = new Map(schema.fields.map((f) => [f.number, f]));
    fieldsByNumber.set(schema, table);
  }
  return table.get(number);
}

/**
 * The first place where decoders would read `bytes` (a `schema` message)
 * differently, or undefined when every one of them reads it one way.
 * Refused: a known field with another wire type (protobuf-es reads it,
 * protobuf-go and protobufjs skip it), a varint with bits beyond 64
 * (protobuf-go refuses it, the others truncate), a string with a leading
 * byte-order mark (protobuf-es strips it) or invalid UTF-8, and a field
 * key or length over 5 bytes (protobuf-go reads it, the others refuse it). Allowed, because every
 * decoder reads them alike: explicit default values, fields in any order,
 * a field given twice (last wins, messages merge), padded varint values of
 * at most 10 bytes, and unknown fields (skipped by all). Malformed wire
 * (truncation, groups) throws `MalformedWire`.
 *
 * @example const problem = findSecondReading({ schema: ShopEventSchema, bytes }); // { field: "tag.name", reason: "…" } or undefined
 */
export function findSecondReading({ schema, bytes }: { schema: DescMessage; bytes: Uint8Array }): SecondReading | undefined {
  return walk(schema, bytes, 0, bytes.length, "");
}

function walk(schema: DescMessage, buf: Uint8Array, start: number, end: number, prefix: string): SecondReading | undefined {
  for (let pos = start; pos < end; ) {
    const record = readRecord({ buf, pos, end });
    const keyEnd = varintEnd(buf, pos);
    const field = fieldOf(schema, record.number);
    const name = prefix + (field?.name ?? String(record.number));
    if (keyEnd - pos > 5 || (record.wireType === LEN && record.valueStart - keyEnd > 5)) {
      return { field: name, reason: "a field key or length in a varint over 5 bytes (protobuf-go reads it, protobuf-es or protobufjs refuse it)" };
    }
    pos = record.end;
    if (field === undefined) continue; // unknown: skipped alike by every decoder
    const problem = checkValue(field, record.wireType, buf, record.valueStart, record.end, name);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function checkValue(field: DescField, wireType: number, buf: Uint8Array, start: number, end: number, name: string): SecondReading | undefined {
  if (field.fieldKind === "map") return wireType === LEN ? undefined : mismatch(name, wireType, LEN);
  if (field.fieldKind === "message" || (field.fieldKind === "list" && field.listKind === "message")) {
    if (wireType !== LEN) return mismatch(name, wireType, LEN);
    return walk(field.message as DescMessage, buf, start, end, `${name}.`);
  }
  const scalar = field.fieldKind === "enum" || (field.fieldKind === "list" && field.listKind === "enum") ? ScalarType.INT32 : (field as { scalar: ScalarType }).scalar;
  const expected = wireTypeOf(scalar);
  // A packed run of numbers: every conforming decoder takes both forms for a repeated number.
  if (field.fieldKind === "list" && wireType === LEN && expected !== LEN) return expected === VARINT ? packedVarints(buf, start, end, name) : undefined;
  if (wireType !== expected) return mismatch(name, wireType, expected);
  if (expected === VARINT) return beyond64Bits(buf, start, varintEnd(buf, start)) ? overflow(name) : undefined;
  if (scalar === ScalarType.STRING) return unstableString(buf.subarray(start, end), name);
  return undefined;
}

function wireTypeOf(scalar: ScalarType): number {
  switch (scalar) {
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return LEN;
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return I64;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return I32;
    default:
      return VARINT;
  }
}

function packedVarints(buf: Uint8Array, start: number, end: number, name: string): SecondReading | undefined {
  for (let pos = start; pos < end; pos = varintEnd(buf, pos)) if (beyond64Bits(buf, pos, varintEnd(buf, pos))) return overflow(name);
  return undefined;
}

// readRecord has already checked the varint is complete and at most 10 bytes long.
function varintEnd(buf: Uint8Array, pos: number): number {
  let at = pos;
  while (((buf[at] as number) & 0x80) !== 0) at++;
  return at + 1;
}

// A tenth byte above 1 sets bits 64 and up: protobuf-go refuses the varint, protobuf-es and protobufjs drop the bits.
function beyond64Bits(buf: Uint8Array, start: number, end: number): boolean {
  return end - start === 10 && (buf[end - 1] as number) > 1;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function unstableString(bytes: Uint8Array, name: string): SecondReading | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { field: name, reason: "a leading byte-order mark (protobuf-es drops it, protobuf-go keeps it)" };
  }
  try {
    utf8.decode(bytes);
  } catch {
    return { field: name, reason: "invalid UTF-8" };
  }
  return undefined;
}

function mismatch(name: string, actual: number, expected: number): SecondReading {
  return { field: name, reason: `wire type ${actual} (${WIRE_NAMES[actual] ?? "?"}) where the schema has ${expected} (${WIRE_NAMES[expected]}): protobuf-es reads it, protobuf-go and protobufjs skip it` };
}

function overflow(name: string): SecondReading {
  return { field: name, reason: "a varint with bits beyond 64 (protobuf-go refuses it, protobuf-es and protobufjs drop the bits)" };
}
