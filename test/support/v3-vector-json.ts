// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Builds protobuf-es messages from the JSON form of the upstream version-3
// test vectors: proto (snake_case) field names, bytes as 0x-hex, Timestamps
// as ISO-8601 strings, enums as number or value name, 64-bit ints as number
// or decimal string. The walk is driven by the schema's descriptors, so a
// wrong field name, number or type shows up as a mismatch against the
// vectors' binary encoding.

import {
  create,
  ScalarType,
  type DescEnum,
  type DescField,
  type DescMessage,
  type Message,
  type MessageInitShape,
  type MessageShape,
} from "@bufbuild/protobuf";
import { TimestampSchema, type Timestamp } from "@bufbuild/protobuf/wkt";
import { hexToBytes, isHex } from "viem";

export interface V3JsonOptions {
  /** Prefix for error messages; defaults to the message name. */
  readonly path?: string;
  /** Seconds added to every ISO timestamp, to undo a known skew in a vector set. */
  readonly timestampOffsetSeconds?: number;
}

/** Builds a `desc` message from vector JSON, throwing on anything it cannot place. */
export function messageFromV3Json<Desc extends DescMessage>(
  desc: Desc,
  json: unknown,
  options: V3JsonOptions = {},
): MessageShape<Desc> {
  const offset = BigInt(options.timestampOffsetSeconds ?? 0);
  return messageValue(desc, json, options.path ?? desc.name, offset) as MessageShape<Desc>;
}

function messageValue(desc: DescMessage, json: unknown, path: string, offset: bigint): Message {
  if (desc.typeName === TimestampSchema.typeName) {
    return timestampFromIso(expectType(json, "string", path), path, offset);
  }
  const init: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(expectObject(json, path))) {
    // Match on the proto name only, so a camelCase or misspelt key fails loudly.
    const field = desc.fields.find((f) => f.name === key);
    if (field === undefined) {
      throw new Error(`${path}: "${key}" is not a field of ${desc.typeName}`);
    }
    const fieldValue = convertField(field, value, `${path}.${key}`, offset);
    if (field.oneof === undefined) {
      init[field.localName] = fieldValue;
    } else if (init[field.oneof.localName] !== undefined) {
      throw new Error(`${path}: more than one member of oneof ${field.oneof.name} is set`);
    } else {
      init[field.oneof.localName] = { case: field.localName, value: fieldValue };
    }
  }
  return create(desc, init as MessageInitShape<DescMessage>);
}

function convertField(field: DescField, json: unknown, path: string, offset: bigint): unknown {
  switch (field.fieldKind) {
    case "scalar":
      return scalarValue(field.scalar, field.longAsString, json, path);
    case "enum":
      return enumValue(field.enum, json, path);
    case "message":
      return messageValue(field.message, json, path, offset);
    case "list":
      if (!Array.isArray(json)) throw new Error(`${path}: expected an array`);
      return json.map((item: unknown, i) => {
        const itemPath = `${path}[${i}]`;
        if (field.listKind === "scalar") return scalarValue(field.scalar, field.longAsString, item, itemPath);
        if (field.listKind === "enum") return enumValue(field.enum, item, itemPath);
        return messageValue(field.message, item, itemPath, offset);
      });
    case "map":
      // No message reachable from ShopEvent has a map field.
      throw new Error(`${path}: map fields are not supported`);
  }
}

function scalarValue(type: ScalarType, longAsString: boolean, json: unknown, path: string): unknown {
  switch (type) {
    case ScalarType.STRING:
      return expectType(json, "string", path);
    case ScalarType.BOOL:
      return expectType(json, "boolean", path);
    case ScalarType.BYTES: {
      const hex = expectType(json, "string", path);
      if (!isHex(hex, { strict: true }) || hex.length % 2 !== 0) {
        throw new Error(`${path}: expected 0x-prefixed hex with whole bytes, got ${JSON.stringify(hex)}`);
      }
      return hexToBytes(hex);
    }
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return expectType(json, "number", path);
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64: {
      // Beyond 2^53 a JSON number has already lost digits, so demand a string.
      const ok = Number.isSafeInteger(json) || (typeof json === "string" && /^-?\d+$/.test(json));
      if (!ok) throw new Error(`${path}: expected a safe integer or decimal string, got ${JSON.stringify(json)}`);
      const big = BigInt(json as number | string);
      return longAsString ? big.toString() : big;
    }
    default:
      // The remaining scalar types are 32-bit integers.
      if (!Number.isInteger(json)) throw new Error(`${path}: expected an integer, got ${JSON.stringify(json)}`);
      return json;
  }
}

function enumValue(desc: DescEnum, json: unknown, path: string): number {
  if (Number.isInteger(json)) return json as number;
  const value = typeof json === "string" ? desc.values.find((v) => v.name === json) : undefined;
  if (value === undefined) throw new Error(`${path}: ${JSON.stringify(json)} is not a value of ${desc.typeName}`);
  return value.number;
}

// Parsed by hand rather than through Date so fractions finer than a millisecond stay exact.
const isoTimestamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

function timestampFromIso(iso: string, path: string, offset: bigint): Timestamp {
  const match = isoTimestamp.exec(iso);
  const ms = match ? Date.parse(`${match[1]}${match[3]}`) : NaN;
  if (!match || Number.isNaN(ms)) throw new Error(`${path}: ${JSON.stringify(iso)} is not an ISO-8601 timestamp`);
  // Whole seconds plus a non-negative fraction, as google.protobuf.Timestamp requires.
  return create(TimestampSchema, {
    seconds: BigInt(ms / 1000) + offset,
    nanos: Number((match[2] ?? "").padEnd(9, "0")),
  });
}

function expectObject(json: unknown, path: string): Record<string, unknown> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new Error(`${path}: expected an object, got ${JSON.stringify(json)}`);
  }
  return json as Record<string, unknown>;
}

function expectType<T extends "string" | "boolean" | "number">(
  json: unknown,
  type: T,
  path: string,
): { string: string; boolean: boolean; number: number }[T] {
  if (typeof json !== type) throw new Error(`${path}: expected a ${type}, got ${JSON.stringify(json)}`);
  return json as { string: string; boolean: boolean; number: number }[T];
}
