// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// proto3 JSON writes bytes as base64, where "0x0102" would silently decode to other bytes:
// in input JSON, a bytes value starting with 0x is read as hex, or refused.
import type { DescField, DescMessage, JsonValue } from "@bufbuild/protobuf";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SHOP_EVENT_TYPE_URL } from "../wire/constants.js";
import { CliFailure, EXIT } from "./exit-codes.js";

/** A copy of proto3 JSON `json` of `desc` with every 0x-hex bytes value rewritten as base64. */
export function hexBytesToBase64({ desc, json, path }: { desc: DescMessage; json: JsonValue; path: string }): JsonValue {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return json;
  if (desc.typeName === "google.protobuf.Any") {
    return json["@type"] === SHOP_EVENT_TYPE_URL ? hexBytesToBase64({ desc: ShopEventSchema, json, path }) : json;
  }
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(json)) {
    const field = desc.fields.find((f) => f.jsonName === key || f.name === key);
    out[key] = field === undefined || value === null ? value : fieldValue(field, value, `${path}.${field.name}`);
  }
  return out;
}

function fieldValue(field: DescField, value: JsonValue, path: string): JsonValue {
  if (field.fieldKind === "list" && Array.isArray(value)) return value.map((item, i) => element(field, item, `${path}[${i}]`));
  return element(field, value, path);
}

function element(field: DescField, value: JsonValue, path: string): JsonValue {
  if ((field.fieldKind === "message" || (field.fieldKind === "list" && field.listKind === "message")) && field.message !== undefined) {
    return hexBytesToBase64({ desc: field.message, json: value, path });
  }
  // ScalarType.BYTES is 12.
  const isBytes = (field.fieldKind === "scalar" || (field.fieldKind === "list" && field.listKind === "scalar")) && field.scalar === 12;
  if (!isBytes || typeof value !== "string" || !/^0[xX]/.test(value)) return value;
  const hex = value.slice(2);
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new CliFailure(EXIT.BAD_INPUT, `${path}: "${value}" starts with 0x but is not hex (an even number of hex digits); write bytes as 0x-hex or base64`);
  return Buffer.from(hex, "hex").toString("base64");
}
