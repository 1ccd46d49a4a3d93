// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { type DescEnum, type DescField, type DescMessage, fromBinary, type JsonObject, type JsonValue, type Message, ScalarType } from "@bufbuild/protobuf";
import { bytesToBigInt, bytesToHex } from "../crypto/hex.js";
import { checksumAddress } from "../crypto/checksum-address.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { SHOP_EVENT_TYPE_URL } from "../wire/constants.js";

export interface DisplayJsonParameters {
  /** The message's schema, e.g. `EnvelopeSchema`. */
  readonly schema: DescMessage;
  /** A message of that schema, e.g. from `decodeEnvelope`. */
  readonly message: Message;
  /** Extra `@`-keys to add to a message's view, e.g. the signer of each SignedEvent; `path` uses proto field names. */
  readonly annotate?: (context: { readonly message: Message; readonly path: string }) => JsonObject | undefined;
}

/**
 * A view of a message for people, not for parsing back: keys are proto field
 * names, every implicit field is shown (a `nonce` of 0 too), uint256 values
 * are decimal strings, addresses checksummed, ids, hashes, keys and bytes
 * 0x-hex, enums by name, timestamps ISO 8601, a packed ShopEvent is decoded
 * with its `@type` first, and unknown field numbers are listed under
 * `@unknown_fields`. Use `toJson` from protobuf-es for the canonical proto3 JSON.
 *
 * @throws FieldValueError when `message` is not a message of `schema`
 * @example
 * console.log(JSON.stringify(displayJson({ schema: ShopEventSchema, message: event }), null, 2));
 * // { "nonce": "1", "shop_id": "23", "timestamp": "2026-01-01T00:00:00Z", "tag": { "id": "0x0000000000000001", … } }
 */
export function displayJson(parameters: DisplayJsonParameters): JsonValue {
  const { schema, message, annotate } = objectParameter(parameters);
  if (typeof schema !== "object" || schema === null || schema.kind !== "message") throw new FieldValueError("WRONG_TYPE", "expected a message schema, e.g. ShopEventSchema", { path: "schema" });
  if (typeof message !== "object" || message === null || message.$typeName !== schema.typeName) {
    throw new FieldValueError("WRONG_TYPE", `expected a ${schema.typeName} message`, { path: "message" });
  }
  if (annotate !== undefined && typeof annotate !== "function") throw new FieldValueError("WRONG_TYPE", "expected a function or undefined", { path: "annotate" });
  try {
    return messageView(schema, message, "", annotate);
  } catch (cause) {
    // A hand-built object with fields of the wrong shape; errors of the caller's annotate pass through.
    if (!(cause instanceof TypeError) || (cause as { fromAnnotate?: boolean }).fromAnnotate) throw cause;
    throw new FieldValueError("WRONG_TYPE", `expected a ${schema.typeName} made with create() or fromBinary(): ${cause.message}`, { path: "message", cause });
  }
}

type Annotate = DisplayJsonParameters["annotate"];

function messageView(desc: DescMessage, message: Message, path: string, annotate: Annotate): JsonValue {
  const special = specialView(desc, message, path, annotate);
  if (special !== undefined) return special;
  const record = message as unknown as Record<string, unknown>;
  const out: JsonObject = {};
  for (const member of desc.members) {
    if (member.kind === "oneof") {
      const group = record[member.localName] as { case?: string; value?: unknown };
      const field = member.fields.find((f) => f.localName === group.case);
      if (field !== undefined) out[field.name] = fieldView(field, group.value, join(path, field.name), annotate);
      continue;
    }
    const value = record[member.localName];
    // Absent message fields and unset optional scalars are not shown; implicit defaults are.
    if (value === undefined) continue;
    out[member.name] = fieldView(member, value, join(path, member.name), annotate);
  }
  const unknown = (message as { $unknown?: readonly { no: number }[] }).$unknown;
  if (unknown !== undefined && unknown.length > 0) out["@unknown_fields"] = unknown.map((u) => u.no);
  return { ...out, ...callAnnotate(annotate, message, path) };
}

function callAnnotate(annotate: Annotate, message: Message, path: string): JsonObject | undefined {
  try {
    return annotate?.({ message, path });
  } catch (error) {
    if (error instanceof TypeError) Object.assign(error, { fromAnnotate: true });
    throw error;
  }
}

function fieldView(field: DescField, value: unknown, path: string, annotate: Annotate): JsonValue {
  switch (field.fieldKind) {
    case "scalar":
      return scalarView(field.scalar, value);
    case "enum":
      return enumView(field.enum, value);
    case "message":
      return messageView(field.message, value as Message, path, annotate);
    case "list":
      return (value as unknown[]).map((item, i) => {
        if (field.listKind === "message") return messageView(field.message, item as Message, `${path}[${i}]`, annotate);
        if (field.listKind === "enum") return enumView(field.enum, item);
        return scalarView(field.scalar, item);
      });
    case "map":
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, item]) => [
          key,
          field.mapKind === "message" ? messageView(field.message, item as Message, `${path}[${key}]`, annotate) : field.mapKind === "enum" ? enumView(field.enum, item) : scalarView(field.scalar, item),
        ]),
      );
  }
}

function scalarView(type: ScalarType, value: unknown): JsonValue {
  if (value instanceof Uint8Array) return bytesToHex(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if ((type === ScalarType.FLOAT || type === ScalarType.DOUBLE) && typeof value === "number") return value;
  return value as JsonValue;
}

function enumView(desc: DescEnum, value: unknown): JsonValue {
  return desc.values.find((v) => v.number === value)?.name ?? (value as number);
}

// Wrappers shown as the value they carry, Timestamp as ISO, Any decoded.
function specialView(desc: DescMessage, message: Message, path: string, annotate: Annotate): JsonValue | undefined {
  const record = message as unknown as Record<string, unknown>;
  const raw = record.raw;
  switch (desc.typeName) {
    case "market.mass.Uint256":
      return raw instanceof Uint8Array && raw.length === 32 ? bytesToBigInt(raw).toString() : bytesToHex(raw as Uint8Array);
    case "market.mass.EthereumAddress":
      return raw instanceof Uint8Array && raw.length === 20 ? checksumAddress(bytesToHex(raw)) : bytesToHex(raw as Uint8Array);
    case "market.mass.ObjectId":
    case "market.mass.Hash":
    case "market.mass.Signature":
    case "market.mass.PublicKey":
      return bytesToHex(raw as Uint8Array);
    case "market.mass.IPFSAddress":
      return record.cid as string;
    case "google.protobuf.Timestamp":
      return timestampView(record.seconds as bigint, record.nanos as number);
    case "google.protobuf.Any":
      return anyView(record.typeUrl as string, record.value as Uint8Array, path, annotate);
  }
  return undefined;
}

// RFC 3339 range of proto3 JSON: 0001-01-01 … 9999-12-31; outside it (or bad nanos) the raw pair.
function timestampView(seconds: bigint, nanos: number): JsonValue {
  if (seconds < -62_135_596_800n || seconds > 253_402_300_799n || !Number.isInteger(nanos) || nanos < 0 || nanos > 999_999_999) {
    return { seconds: seconds.toString(), nanos };
  }
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  const fraction = nanos === 0 ? "" : `.${nanos.toString().padStart(9, "0").replace(/(000)+$/, "")}`;
  return `${whole}${fraction}Z`;
}

function anyView(typeUrl: string, value: Uint8Array, path: string, annotate: Annotate): JsonValue {
  if (typeUrl === SHOP_EVENT_TYPE_URL) {
    try {
      const event = fromBinary(ShopEventSchema, value);
      return { "@type": typeUrl, ...(messageView(ShopEventSchema, event, path, annotate) as JsonObject) };
    } catch (cause) {
      return { "@type": typeUrl, value: bytesToHex(value), "@error": `does not decode as a ShopEvent: ${(cause as Error).message}` };
    }
  }
  return { "@type": typeUrl, value: bytesToHex(value) };
}

function join(path: string, name: string): string {
  return path === "" ? name : `${path}.${name}`;
}
