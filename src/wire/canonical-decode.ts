// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Decoding bytes provedCanonical accepted, without protobuf-es reflection: each field at most once (lists in one run),
// in number order, minimal varints, no unknown fields, valid UTF-8. The messages are the ones fromBinary builds.
import { type DescField, type DescMessage, type MessageShape, ScalarType } from "@bufbuild/protobuf";
import { scalarZeroValue } from "@bufbuild/protobuf/reflect";

interface Slot {
  readonly field: DescField;
  readonly name: string;
  /** The oneof's property, when the field is a member of one. */
  readonly oneof: string | undefined;
  readonly list: boolean;
  /** How one value is read: a scalar type, "enum", or "message". */
  readonly read: ScalarType | "enum" | "message";
  readonly message: Decoder | undefined;
}

interface Decoder {
  readonly typeName: string;
  readonly slots: Map<number, Slot>;
  /** A fresh zero message, as protobuf-es creates it for a proto3 message. */
  zero(): Record<string, unknown>;
}

const decoders = new WeakMap<DescMessage, Decoder | null>();
const utf8 = new TextDecoder("utf-8", { fatal: true });
const PROTO3 = 999; // Edition.EDITION_PROTO3
const IMPLICIT = 2; // FeatureSet.FieldPresence.IMPLICIT
// Well-known types protobuf-es reads as plain messages (wrappers and Struct get other shapes).
const PLAIN_WKT = new Set(["google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.Any", "google.protobuf.Empty"]);

/**
 * The message of `schema` in `bytes`, which provedCanonical({ schema, bytes }) accepted, as fromBinary reads it
 * (bytes fields are views of `bytes`, as fromBinary's); `undefined` when the schema uses what this reader does not handle.
 * @example
 * // undefined when the schema has what this reader does not handle; fromBinary then reads the bytes.
 * const event = provedCanonical({ schema: ShopEventSchema, bytes }) ? decodeProvedCanonical({ schema: ShopEventSchema, bytes }) : undefined;
 */
export function decodeProvedCanonical<Desc extends DescMessage>({ schema, bytes }: { schema: Desc; bytes: Uint8Array }): MessageShape<Desc> | undefined {
  const decoder = decoderOf(schema);
  if (decoder === null) return undefined;
  return read(decoder, bytes, 0, bytes.length) as MessageShape<Desc>;
}

function decoderOf(desc: DescMessage): Decoder | null {
  const known = decoders.get(desc);
  if (known !== undefined) return known;
  if (desc.file.edition !== PROTO3 || (desc.typeName.startsWith("google.protobuf.") && !PLAIN_WKT.has(desc.typeName))) {
    decoders.set(desc, null);
    return null;
  }
  const slots = new Map<number, Slot>();
  const decoder: Decoder = { typeName: desc.typeName, slots, zero: zeroOf(desc) };
  // Set before the fields so recursive messages find it.
  decoders.set(desc, decoder);
  for (const field of desc.fields) {
    const slot = slotOf(field);
    if (slot === null) {
      decoders.set(desc, null);
      return null;
    }
    slots.set(field.number, slot);
  }
  return decoder;
}

function slotOf(field: DescField): Slot | null {
  const oneof = field.oneof?.localName;
  const base = { field, name: field.localName, oneof };
  switch (field.fieldKind) {
    case "scalar":
      return field.longAsString ? null : { ...base, list: false, read: field.scalar, message: undefined };
    case "enum":
      return { ...base, list: false, read: "enum", message: undefined };
    case "message": {
      const message = decoderOf(field.message);
      return message === null || field.delimitedEncoding ? null : { ...base, list: false, read: "message", message };
    }
    case "list": {
      if (field.listKind === "message") {
        const message = decoderOf(field.message);
        return message === null || field.delimitedEncoding ? null : { ...base, list: true, read: "message", message };
      }
      if (field.listKind === "enum") return { ...base, list: true, read: "enum", message: undefined };
      return field.longAsString ? null : { ...base, list: true, read: field.scalar, message: undefined };
    }
    default:
      return null;
  }
}

// Markers for the zeros that are objects, made fresh for each message.
const ONEOF = Symbol("oneof");
const LIST = Symbol("list");
const MAP = Symbol("map");
const BYTES = Symbol("bytes");

// protobuf-es's zero message of a proto3 message: $typeName, then each oneof and each implicit-presence field in member order.
// Which zero each property gets is worked out once per message type; primitives are shared, objects made fresh.
function zeroOf(desc: DescMessage): () => Record<string, unknown> {
  const zeros: [name: string, zero: unknown][] = [];
  for (const member of desc.members) {
    if (member.kind === "oneof") zeros.push([member.localName, ONEOF]);
    else if (member.presence !== IMPLICIT) continue;
    else if (member.fieldKind === "list") zeros.push([member.localName, LIST]);
    else if (member.fieldKind === "map") zeros.push([member.localName, MAP]);
    else if (member.fieldKind === "enum") zeros.push([member.localName, member.enum.values[0]?.number ?? 0]);
    else if (member.fieldKind === "scalar") zeros.push([member.localName, member.scalar === ScalarType.BYTES ? BYTES : scalarZeroValue(member.scalar, false)]);
  }
  return () => {
    const message: Record<string, unknown> = { $typeName: desc.typeName };
    for (const [name, zero] of zeros) {
      if (typeof zero !== "symbol") message[name] = zero;
      else message[name] = zero === ONEOF ? { case: undefined } : zero === LIST ? [] : zero === MAP ? {} : new Uint8Array(0);
    }
    return message;
  };
}

// The reader's position, shared by the nested reads of one decode.
interface Cursor {
  pos: number;
}

function read(decoder: Decoder, buf: Uint8Array, start: number, end: number): Record<string, unknown> {
  const message = decoder.zero();
  const cursor: Cursor = { pos: start };
  while (cursor.pos < end) {
    const key = varint32(buf, cursor);
    const slot = decoder.slots.get(key >>> 3) as Slot;
    let value: unknown;
    if (slot.read === "message") {
      const length = varint32(buf, cursor);
      value = read(slot.message as Decoder, buf, cursor.pos, cursor.pos + length);
      cursor.pos += length;
    } else if (slot.list && (key & 7) === 2 && slot.read !== ScalarType.STRING && slot.read !== ScalarType.BYTES) {
      // A packed run: every item of the list at once.
      const length = varint32(buf, cursor);
      const stop = cursor.pos + length;
      const items = message[slot.name] as unknown[];
      while (cursor.pos < stop) items.push(scalar(slot.read, buf, cursor));
      continue;
    } else {
      value = scalar(slot.read, buf, cursor);
    }
    if (slot.list) (message[slot.name] as unknown[]).push(value);
    else if (slot.oneof !== undefined) message[slot.oneof] = { case: slot.name, value };
    else message[slot.name] = value;
  }
  return message;
}

function scalar(type: ScalarType | "enum", buf: Uint8Array, cursor: Cursor): unknown {
  switch (type) {
    case ScalarType.STRING: {
      const length = varint32(buf, cursor);
      cursor.pos += length;
      return utf8.decode(buf.subarray(cursor.pos - length, cursor.pos));
    }
    case ScalarType.BYTES: {
      const length = varint32(buf, cursor);
      cursor.pos += length;
      return buf.subarray(cursor.pos - length, cursor.pos);
    }
    case ScalarType.BOOL:
      return buf[cursor.pos++] !== 0;
    case ScalarType.UINT32:
      return low32(buf, cursor) >>> 0;
    case ScalarType.SINT32: {
      const n = low32(buf, cursor);
      return (n >>> 1) ^ -(n & 1);
    }
    case ScalarType.INT64:
      return BigInt.asIntN(64, varint64(buf, cursor));
    case ScalarType.UINT64:
      return varint64(buf, cursor);
    case ScalarType.SINT64: {
      const n = varint64(buf, cursor);
      return (n >> 1n) ^ -(n & 1n);
    }
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return fixed(type, buf, cursor);
    default:
      // int32 and enums: the low 32 bits, signed (a negative one is written in ten bytes).
      return low32(buf, cursor) | 0;
  }
}

// The low 32 bits of a varint of up to ten bytes, as protobuf-es's uint32() reads them.
function low32(buf: Uint8Array, cursor: Cursor): number {
  let value = 0;
  let byte: number;
  let shift = 0;
  do {
    byte = buf[cursor.pos++] as number;
    if (shift < 32) value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte >= 0x80);
  return value;
}

// An unsigned varint of up to 64 bits (longer ones were refused by the proof).
function varint64(buf: Uint8Array, cursor: Cursor): bigint {
  let low = 0;
  let shift = 0;
  let byte: number;
  // Up to 28 bits as a number, the rest as a bigint: most values never leave the fast part.
  do {
    byte = buf[cursor.pos++] as number;
    low |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte >= 0x80 && shift < 28);
  let value = BigInt(low >>> 0);
  for (let big = 28n; byte >= 0x80; big += 7n) {
    byte = buf[cursor.pos++] as number;
    value |= BigInt(byte & 0x7f) << big;
  }
  return BigInt.asUintN(64, value);
}

// A key or a length: below 2^32 (the proof checked it).
function varint32(buf: Uint8Array, cursor: Cursor): number {
  return low32(buf, cursor) >>> 0;
}

function fixed(type: ScalarType, buf: Uint8Array, cursor: Cursor): unknown {
  const view = new DataView(buf.buffer, buf.byteOffset + cursor.pos);
  const wide = type === ScalarType.FIXED64 || type === ScalarType.SFIXED64;
  cursor.pos += wide ? 8 : 4;
  if (type === ScalarType.FIXED32) return view.getUint32(0, true);
  if (type === ScalarType.SFIXED32) return view.getInt32(0, true);
  return type === ScalarType.FIXED64 ? view.getBigUint64(0, true) : view.getBigInt64(0, true);
}
