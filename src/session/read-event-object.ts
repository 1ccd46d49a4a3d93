// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What a subscription filter needs of a stored event (its object type and id),
// read in place from the ShopEvent bytes: a walk over the field records of the
// event and of its union member, without decoding either. A catching-up
// subscriber filters every older event of the log, so this runs once per
// event per subscriber, and costs the same for a listing with a long
// description as for a tag. Field numbers and wire types come from the
// descriptors. Whenever protobuf-es could read the bytes differently (a field
// written twice, a wire type it would not expect, a key or length past 32
// bits), it answers undefined and the caller decodes the event.
import { type DescField, type DescMessage, ScalarType } from "@bufbuild/protobuf";
import { ObjectIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { signedEventParts } from "../wire/signed-event-parts.js";
import { MalformedWire, readRecord, type WireRecord } from "../wire/wire-reader.js";
import type { EventObject } from "./event-filter.js";
import { namesObject, objectTypeOf } from "./object-type-of.js";

type UnionCase = NonNullable<ShopEvent["union"]["case"]>;

// Wire types protobuf-es reads a known field with: lists of numbers take both forms (packed and not).
interface Layout {
  readonly wireTypes: Map<number, readonly number[]>;
}

interface Member {
  readonly unionCase: UnionCase;
  readonly layout: Layout;
  /** The `id` field (an ObjectId) of the member's message, if it has one. */
  readonly idNumber: number | undefined;
}

const LEN = 2;

interface Tables {
  readonly eventLayout: Layout;
  readonly objectIdLayout: Layout;
  readonly rawNumber: number;
  readonly members: Map<number, Member>;
}

// Built on first use, not at import: the package root loads this module.
let tables: Tables | undefined;

function tablesOf(): Tables {
  if (tables !== undefined) return tables;
  const union = ShopEventSchema.oneofs.find((oneof) => oneof.name === "union");
  if (union === undefined) throw new Error("ShopEvent has no oneof named union (read-event-object.ts)");
  const raw = ObjectIdSchema.field.raw;
  if (raw === undefined || raw.fieldKind !== "scalar") throw new Error("ObjectId.raw is not a scalar field (read-event-object.ts)");
  const members = new Map<number, Member>(
    union.fields.map((field) => {
      if (field.fieldKind !== "message") throw new Error(`ShopEvent.${field.name} is not a message (read-event-object.ts)`);
      const id = field.message.fields.find((f) => f.name === "id" && f.fieldKind === "message" && f.message.typeName === ObjectIdSchema.typeName);
      return [field.number, { unionCase: field.localName as UnionCase, layout: layoutOf(field.message), idNumber: id?.number }];
    }),
  );
  tables = { eventLayout: layoutOf(ShopEventSchema), objectIdLayout: layoutOf(ObjectIdSchema), rawNumber: raw.number, members };
  return tables;
}

function layoutOf(desc: DescMessage): Layout {
  return { wireTypes: new Map(desc.fields.map((field) => [field.number, wireTypesOf(field)])) };
}

function wireTypesOf(field: DescField): readonly number[] {
  switch (field.fieldKind) {
    case "message":
    case "map":
      return [LEN];
    case "enum":
      return [0];
    case "scalar":
      return [scalarWireType(field.scalar)];
    case "list":
      if (field.listKind === "message") return [LEN];
      return field.listKind === "enum" ? [0, LEN] : [...new Set([scalarWireType(field.scalar), LEN])];
  }
}

function scalarWireType(scalar: ScalarType): number {
  switch (scalar) {
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return 1;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return 5;
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return LEN;
    default:
      return 0;
  }
}

/**
 * The filter object of the ShopEvent encoded in `eventBytes` (the Any value of
 * a stored SignedEvent), as `eventObject` finds it after a decode; undefined
 * when the bytes are not laid out so that it can be sure, and then the caller
 * decodes. The object id is a copy. Internal: it looks only at the fields it
 * needs, so it is for events the relay checked when it accepted them.
 *
 * @example const object = readEventObject(eventBytes) ?? eventObject({ event: fromBinary(ShopEventSchema, eventBytes) });
 */
export function readEventObject(eventBytes: Uint8Array): EventObject | undefined {
  const { eventLayout, objectIdLayout, rawNumber, members } = tablesOf();
  try {
    const union = only(eventBytes, 0, eventBytes.length, eventLayout, (number) => members.has(number));
    // No member (or several): the decode says what is wrong.
    if (union === undefined || union === null) return undefined;
    const member = members.get(union.number) as Member;
    const objectType = objectTypeOf(member.unionCase);
    const { idNumber } = member;
    if (idNumber === undefined || !namesObject(objectType)) return { objectType, objectId: undefined };
    const id = only(eventBytes, union.valueStart, union.end, member.layout, (number) => number === idNumber);
    // No id record: the member's id is unset.
    if (id === null) return { objectType, objectId: undefined };
    if (id === undefined) return undefined;
    const raw = only(eventBytes, id.valueStart, id.end, objectIdLayout, (number) => number === rawNumber);
    if (raw === undefined) return undefined;
    return { objectType, objectId: raw === null ? new Uint8Array(0) : eventBytes.slice(raw.valueStart, raw.end) };
  } catch (error) {
    if (error instanceof MalformedWire) return undefined;
    throw error;
  }
}

/**
 * {@link readEventObject} of the event inside stored SignedEvent bytes in
 * their one honest layout (signed-event-parts.ts); undefined for any other
 * layout, and then the caller decodes. Internal.
 *
 * @example const object = readSignedEventObject(bytes) ?? eventObject({ event });
 */
export function readSignedEventObject(signedEventBytes: Uint8Array): EventObject | undefined {
  const eventBytes = signedEventParts(signedEventBytes)?.value;
  return eventBytes === undefined ? undefined : readEventObject(eventBytes);
}

/**
 * The one record in `buf[start, end)` whose number `wanted` picks: null when
 * there is none, undefined when there are several (protobuf-es would merge
 * them) or when any known field has a wire type protobuf-es would read
 * otherwise, or any key is wider than the 32 bits protobuf-es keeps.
 */
function only(buf: Uint8Array, start: number, end: number, layout: Layout, wanted: (number: number) => boolean): WireRecord | null | undefined {
  let found: WireRecord | null = null;
  for (let pos = start; pos < end; ) {
    // Keys of more than 5 bytes, or past 32 bits: protobuf-es would read another field number.
    if (keyWiderThan32Bits(buf, pos, end)) return undefined;
    const record = readRecord({ buf, pos, end });
    // A length past 32 bits ends past the buffer: readRecord throws, the caller decodes.
    if (record.number === 0) return undefined;
    const allowed = layout.wireTypes.get(record.number);
    if (allowed !== undefined && !allowed.includes(record.wireType)) return undefined;
    if (wanted(record.number)) {
      if (found !== null || record.wireType !== LEN) return undefined;
      found = record;
    }
    pos = record.end;
  }
  return found;
}

function keyWiderThan32Bits(buf: Uint8Array, pos: number, end: number): boolean {
  for (let at = pos; at < end && at < pos + 5; at++) {
    const byte = buf[at] as number;
    if (byte < 0x80) return at === pos + 4 && byte > 0x0f;
  }
  return true;
}
