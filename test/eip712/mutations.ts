// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Single-field mutants of a message, driven by the schema's descriptors: each
// mutant differs from the original in exactly one place (presence of an
// optional flipped, a oneof member set or cleared, an array emptied or grown,
// a scalar nudged, one byte of a wrapper changed), stays valid to sign
// (wrapper lengths kept, required oneofs kept set) and is a fresh message.
// One mutation may leave the encoding unchanged: reversing a list whose
// elements are equal; callers compare encodings rather than assume.
import {
  clone,
  create,
  type DescField,
  type DescMessage,
  type DescOneof,
  type Message,
  type MessageShape,
  ScalarType,
} from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import { eip712Atomics, eip712Structs } from "../../gen/market/mass/eip712_pb.js";

export interface Mutant<T> {
  /** Proto field path of the change, e.g. "listing.options[0].id.raw". */
  readonly path: string;
  /** What was done there. */
  readonly change: string;
  readonly message: T;
}

const atomics: Readonly<Record<string, { type: string; length: number } | undefined>> = eip712Atomics;
const structs: Readonly<Record<string, { requiredOneofs: readonly string[] } | undefined>> = eip712Structs;

const MAX: Partial<Record<ScalarType, bigint>> = {
  [ScalarType.UINT64]: 2n ** 64n - 1n,
  [ScalarType.FIXED64]: 2n ** 64n - 1n,
  [ScalarType.INT64]: 2n ** 63n - 1n,
  [ScalarType.SINT64]: 2n ** 63n - 1n,
  [ScalarType.SFIXED64]: 2n ** 63n - 1n,
  [ScalarType.UINT32]: 0xffffffffn,
  [ScalarType.FIXED32]: 0xffffffffn,
  [ScalarType.INT32]: 0x7fffffffn,
  [ScalarType.SINT32]: 0x7fffffffn,
  [ScalarType.SFIXED32]: 0x7fffffffn,
};

/**
 * Every single-field mutant of `message` (recursively through nested messages).
 * @example singleFieldMutants({ schema: ShopEventSchema, message: event }).map((m) => hashEvent({ event: m.message, domain }))
 */
export function singleFieldMutants<Desc extends DescMessage>({ schema, message }: { schema: Desc; message: MessageShape<Desc> }): Mutant<MessageShape<Desc>>[] {
  return messageMutants(schema, message as Message, "") as Mutant<MessageShape<Desc>>[];
}

type Record_ = Record<string, unknown>;

function messageMutants(desc: DescMessage, message: Message, path: string): Mutant<Message>[] {
  if (atomics[desc.typeName]) return atomicMutants(desc, message, path);
  const out: Mutant<Message>[] = [];
  const record = message as unknown as Record_;
  const required = new Set(structs[desc.typeName]?.requiredOneofs ?? []);
  const at = (field: DescField) => (path === "" ? field.name : `${path}.${field.name}`);
  const withField = (field: DescField, value: unknown): Message => {
    const copy = clone(desc, message) as unknown as Record_;
    copy[field.localName] = value;
    return copy as unknown as Message;
  };
  const withOneof = (oneof: DescOneof, value: unknown): Message => {
    const copy = clone(desc, message) as unknown as Record_;
    copy[oneof.localName] = value;
    return copy as unknown as Message;
  };

  for (const field of desc.fields) {
    const where = at(field);
    if (field.oneof) {
      const oneof = field.oneof;
      const group = record[oneof.localName] as { case?: string; value?: unknown };
      if (group.case === field.localName) {
        if (!required.has(oneof.name)) out.push({ path: where, change: "clear the oneof member", message: withOneof(oneof, { case: undefined }) });
        for (const m of valueMutants(field, group.value, where)) {
          out.push({ ...m, message: withOneof(oneof, { case: field.localName, value: m.message }) });
        }
      } else {
        out.push({ path: where, change: "set this oneof member to its default", message: withOneof(oneof, { case: field.localName, value: defaultValue(field) }) });
      }
      continue;
    }
    const value = record[field.localName];
    switch (field.fieldKind) {
      case "message":
        if (value === undefined) {
          out.push({ path: where, change: "set the absent message to its default", message: withField(field, validDefault(field.message)) });
        } else {
          out.push({ path: where, change: "clear the present message", message: withField(field, undefined) });
          for (const m of messageMutants(field.message, value as Message, where)) out.push({ ...m, message: withField(field, m.message) });
        }
        break;
      case "scalar":
      case "enum":
        if (field.presence === FeatureSet_FieldPresence.EXPLICIT && value === undefined) {
          out.push({ path: where, change: "set the absent optional to its zero value", message: withField(field, defaultValue(field)) });
        } else {
          if (field.presence === FeatureSet_FieldPresence.EXPLICIT) {
            out.push({ path: where, change: "clear the present optional", message: withField(field, undefined) });
          }
          for (const m of valueMutants(field, value, where)) out.push({ ...m, message: withField(field, m.message) });
        }
        break;
      case "list": {
        const items = value as unknown[];
        out.push({ path: where, change: "append a default element", message: withField(field, [...items, defaultValue(field)]) });
        if (items.length > 0) {
          out.push({ path: where, change: "drop the last element", message: withField(field, items.slice(0, -1)) });
          for (const m of valueMutants(field, items[0], `${where}[0]`)) {
            out.push({ ...m, message: withField(field, [m.message, ...items.slice(1)]) });
          }
        }
        if (items.length > 1) {
          out.push({ path: where, change: "reverse the elements", message: withField(field, [...items].reverse()) });
        }
        break;
      }
      case "map":
        throw new Error(`${desc.typeName}.${field.name}: map fields are not mutated`);
    }
  }
  return out;
}

/** Mutants of one value of `field` (a message, scalar or enum; list elements included). */
function valueMutants(field: DescField, value: unknown, path: string): Mutant<unknown>[] {
  const message = field.fieldKind === "message" || (field.fieldKind === "list" && field.listKind === "message") ? field.message : undefined;
  if (message) return messageMutants(message, value as Message, path);
  const isEnum = field.fieldKind === "enum" || (field.fieldKind === "list" && field.listKind === "enum");
  if (isEnum) return [{ path, change: "change the enum number", message: (value as number) === 0 ? 1 : 0 }];
  const scalar = field.fieldKind === "scalar" || field.fieldKind === "list" ? (field as { scalar: ScalarType }).scalar : undefined;
  if (scalar === undefined) throw new Error(`${path}: unexpected field kind`);
  return scalarMutants(scalar, value, path);
}

function scalarMutants(scalar: ScalarType, value: unknown, path: string): Mutant<unknown>[] {
  switch (scalar) {
    case ScalarType.STRING: {
      const s = value as string;
      return s === ""
        ? [{ path, change: "empty → 'x'", message: "x" }]
        : [
            { path, change: "non-empty → empty", message: "" },
            { path, change: "append a character", message: `${s}x` },
          ];
    }
    case ScalarType.BOOL:
      return [{ path, change: "negate", message: !(value as boolean) }];
    case ScalarType.BYTES: {
      const b = value as Uint8Array;
      return [{ path, change: "append a zero byte", message: Uint8Array.of(...b, 0) }];
    }
    default: {
      const max = MAX[scalar];
      if (max === undefined) throw new Error(`${path}: ${ScalarType[scalar]} is not mutated`);
      if (typeof value === "bigint") return [{ path, change: "nudge by one", message: value === max ? value - 1n : value + 1n }];
      const n = value as number;
      return [{ path, change: "nudge by one", message: BigInt(n) === max ? n - 1 : n + 1 }];
    }
  }
}

/** Wrapper mutants: one byte changed (fixed length) or the length changed (free length), or the string changed. */
function atomicMutants(desc: DescMessage, message: Message, path: string): Mutant<Message>[] {
  const atomic = atomics[desc.typeName]!;
  const rawField = desc.fields[0]!;
  const where = `${path}.${rawField.name}`;
  const raw = (message as unknown as Record_)[rawField.localName];
  const make = (value: unknown, change: string): Mutant<Message> => ({ path: where, change, message: create(desc, { [rawField.localName]: value }) });
  if (typeof raw === "string") return raw === "" ? [make("x", "empty → 'x'")] : [make("", "non-empty → empty"), make(`${raw}x`, "append a character")];
  const bytes = raw as Uint8Array;
  if (atomic.length === 0) {
    const out = [make(Uint8Array.of(...bytes, 0), "append a zero byte")];
    if (bytes.length > 0) out.push(make(bytes.slice(0, -1), "drop the last byte"));
    return out;
  }
  const flip = (index: number, mask: number): Uint8Array => {
    const copy = bytes.slice();
    copy[index] = (copy[index] as number) ^ mask;
    return copy;
  };
  return [make(flip(0, 0x80), "flip the top bit of the first byte"), make(flip(bytes.length - 1, 0x01), "flip the low bit of the last byte")];
}

/** Default of one value of `field`, valid to sign (fixed-length wrappers get zero bytes of the right length). */
function defaultValue(field: DescField): unknown {
  switch (field.fieldKind) {
    case "message":
      return validDefault(field.message);
    case "enum":
      return 0;
    case "scalar":
      return zeroScalar(field.scalar);
    case "list":
      if (field.listKind === "message") return validDefault(field.message);
      if (field.listKind === "enum") return 0;
      return zeroScalar(field.scalar);
    case "map":
      throw new Error("map fields have no default here");
  }
}

/** A message with every field at its default, except what signing demands: wrapper lengths and required oneofs (first member). */
function validDefault(desc: DescMessage): Message {
  const atomic = atomics[desc.typeName];
  if (atomic && atomic.length > 0) return create(desc, { [desc.fields[0]!.localName]: new Uint8Array(atomic.length) });
  const message = create(desc) as unknown as Record_;
  for (const name of structs[desc.typeName]?.requiredOneofs ?? []) {
    const oneof = desc.oneofs.find((o) => o.name === name)!;
    const first = oneof.fields[0]!;
    message[oneof.localName] = { case: first.localName, value: defaultValue(first) };
  }
  return message as unknown as Message;
}

function zeroScalar(scalar: ScalarType): unknown {
  switch (scalar) {
    case ScalarType.STRING:
      return "";
    case ScalarType.BOOL:
      return false;
    case ScalarType.BYTES:
      return new Uint8Array(0);
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return 0n;
    default:
      return 0;
  }
}
