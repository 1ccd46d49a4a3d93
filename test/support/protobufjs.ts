// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// protobufjs (8.8.1, dev dependency) as a third, independent decoder and as
// the encoder version-3 clients used. Their generated code (protobufjs 7,
// static) wrote every field that was set, defaults included; `v3Style` loads
// the schema with explicit presence on every singular field to do the same.
import { fromBinary, type JsonValue, toJson } from "@bufbuild/protobuf";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { ShopEventSchema } from "../../src/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const descriptorProto = join(createRequire(import.meta.url).resolve("protobufjs/package.json"), "../google/protobuf/descriptor.proto");

function loadSchema(v3Style: boolean): protobuf.Root {
  const schema = new protobuf.Root();
  schema.resolvePath = (_origin, target) =>
    target === "google/protobuf/descriptor.proto" ? descriptorProto : target.startsWith("google/protobuf/") ? target : join(root, "proto", target);
  schema.loadSync(["market/mass/shop_events.proto", "market/mass/transport.proto", "market/mass/envelope.proto"]);
  schema.resolveAll();
  if (v3Style) explicitPresence(schema);
  return schema;
}

// protobufjs 7's static code wrote `if (m.x != null && hasOwnProperty(m, "x"))`: explicit presence everywhere.
function explicitPresence(ns: protobuf.NamespaceBase): void {
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Type) {
      for (const f of nested.fieldsArray) {
        const field = f as unknown as { repeated: boolean; _features: Record<string, unknown> };
        if (!field.repeated) field._features = { ...field._features, field_presence: "EXPLICIT" };
      }
    }
    if (nested instanceof protobuf.Namespace) explicitPresence(nested);
  }
}

const plain = loadSchema(false);
const v3 = loadSchema(true);
const plainEvent = plain.lookupType("market.mass.ShopEvent");
const v3Event = v3.lookupType("market.mass.ShopEvent");

/** The schema's types as a version-3 client's protobufjs code saw them (every set field written). */
export const v3Types = { ShopEvent: v3Event, Envelope: v3.lookupType("market.mass.Envelope") };

/**
 * The event as a version-3 client encodes it: proto3 JSON in (every field,
 * defaults included), protobufjs bytes out with every set field written.
 */
export function protobufjsV3Encode(json: JsonValue): Uint8Array {
  const object = v3Event.fromObject(timestampsAsObjects(json) as Record<string, unknown>);
  return v3Event.encode(object).finish();
}

/** protobufjs's reading of event bytes as proto3 JSON (re-encoded by protobufjs, read back by protobuf-es), or "refused". */
export function protobufjsJson(bytes: Uint8Array): JsonValue | "refused" {
  let reencoded: Uint8Array;
  try {
    reencoded = plainEvent.encode(plainEvent.decode(bytes)).finish();
  } catch {
    return "refused";
  }
  try {
    return toJson(ShopEventSchema, fromBinary(ShopEventSchema, reencoded));
  } catch {
    return "refused";
  }
}

// proto3 JSON writes a Timestamp as an RFC 3339 string; protobufjs's fromObject wants its fields.
function timestampsAsObjects(json: JsonValue): JsonValue {
  if (Array.isArray(json)) return json.map(timestampsAsObjects);
  if (json === null || typeof json !== "object") return json;
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(json)) {
    if (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value)) {
      const ms = Date.parse(value);
      const fraction = /\.(\d+)Z$/.exec(value)?.[1] ?? "";
      out[key] = { seconds: String(Math.floor(ms / 1000)), nanos: Number(fraction.padEnd(9, "0").slice(0, 9)) };
    } else out[key] = timestampsAsObjects(value);
  }
  return out;
}

/** Whether protobufjs decodes the bytes at all (it reads broken UTF-8 where protobuf-go refuses it). */
export function protobufjsDecodes(bytes: Uint8Array): boolean {
  try {
    plainEvent.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
