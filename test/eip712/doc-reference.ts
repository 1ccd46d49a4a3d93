// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A second implementation of the mapping, written from docs/eip712.md alone
// (sections 3–5) and sharing no code with src/eip712: it reads the event's
// proto3 JSON (not the message objects the library reads) and the schema's
// descriptors, builds EIP-712 typed data, and lets ethers hash it. If it and
// hashEvent disagree, one of them does not follow the document.
import { type DescField, type DescMessage, type JsonObject, type JsonValue, ScalarType } from "@bufbuild/protobuf";
import { getAddress } from "ethers";

/** EIP-712 struct definitions: struct name → members. */
export type ReferenceTypes = Record<string, { name: string; type: string }[]>;

// §4 "Byte wrappers": the wrapper messages signed as one atomic value.
const ATOMICS: Readonly<Record<string, string>> = {
  "market.mass.Uint256": "uint256",
  "market.mass.EthereumAddress": "address",
  "market.mass.Hash": "bytes32",
  "market.mass.ObjectId": "bytes8",
  "market.mass.Signature": "bytes",
  "market.mass.PublicKey": "bytes",
  "market.mass.IPFSAddress": "string",
};

// §4 "Scalars".
const SCALARS: Partial<Record<ScalarType, string>> = {
  [ScalarType.UINT64]: "uint64",
  [ScalarType.FIXED64]: "uint64",
  [ScalarType.INT64]: "int64",
  [ScalarType.SINT64]: "int64",
  [ScalarType.SFIXED64]: "int64",
  [ScalarType.UINT32]: "uint32",
  [ScalarType.FIXED32]: "uint32",
  [ScalarType.INT32]: "int32",
  [ScalarType.SINT32]: "int32",
  [ScalarType.SFIXED32]: "int32",
  [ScalarType.BOOL]: "bool",
  [ScalarType.STRING]: "string",
  [ScalarType.BYTES]: "bytes",
};

/** §3: market.mass.X → X, nested X.Y → X_Y, other packages: full name with dots as underscores. */
function structName(desc: DescMessage): string {
  const name = desc.typeName.startsWith("market.mass.") ? desc.typeName.slice("market.mass.".length) : desc.typeName;
  return name.replaceAll(".", "_");
}

/** §4: the element type of a field (before any `[]`). */
function elementType(field: DescField): string {
  switch (field.fieldKind) {
    case "scalar":
    case "list":
      if (field.fieldKind === "list" && field.listKind === "message") return messageType(field.message);
      if (field.fieldKind === "list" && field.listKind === "enum") return "int32";
      return SCALARS[field.scalar as ScalarType] ?? fail(`unmappable scalar ${field.name}`);
    case "enum":
      return "int32";
    case "message":
      return messageType(field.message);
    default:
      return fail(`unmappable field ${field.name} (${field.fieldKind})`);
  }
}

const messageType = (desc: DescMessage): string => ATOMICS[desc.typeName] ?? structName(desc);

/** §4 table: repeated, singular message, proto3 optional and oneof members are arrays. */
function isArray(field: DescField): boolean {
  return field.fieldKind === "list" || field.fieldKind === "message" || field.oneof !== undefined || field.proto.proto3Optional === true;
}

function fail(message: string): never {
  throw new Error(`doc reference: ${message}`);
}

/** Every struct reachable from `root`, members in declaration order named by proto field names. */
export function referenceTypes(root: DescMessage): ReferenceTypes {
  const types: ReferenceTypes = {};
  const visit = (desc: DescMessage): void => {
    const name = structName(desc);
    if (types[name] !== undefined) return;
    const members: { name: string; type: string }[] = [];
    types[name] = members;
    for (const field of [...desc.fields].sort((a, b) => declarationIndex(desc, a) - declarationIndex(desc, b))) {
      members.push({ name: field.name, type: `${elementType(field)}${isArray(field) ? "[]" : ""}` });
      const target = field.fieldKind === "message" ? field.message : field.fieldKind === "list" && field.listKind === "message" ? field.message : undefined;
      if (target && ATOMICS[target.typeName] === undefined) visit(target);
    }
  };
  visit(root);
  return types;
}

const declarationIndex = (desc: DescMessage, field: DescField): number => desc.proto.field.findIndex((f) => f.number === field.number);

const base64ToHex = (text: string): string => `0x${Buffer.from(text, "base64").toString("hex")}`;

/** RFC 3339 as proto3 JSON writes a Timestamp → { seconds, nanos }. */
function timestampValue(text: string): { seconds: bigint; nanos: number } {
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z$/.exec(text) ?? fail(`timestamp ${text}`);
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  date.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), 0);
  return { seconds: BigInt(date.getTime() / 1000), nanos: Number((m[7] ?? "").padEnd(9, "0")) };
}

/** §4 "Byte wrappers": the atomic value of a wrapper in proto3 JSON. */
function atomicValue(type: string, json: JsonObject): unknown {
  if (type === "string") return (json.cid as string | undefined) ?? "";
  const hex = base64ToHex((json.raw as string | undefined) ?? "");
  if (type === "uint256") return BigInt(hex === "0x" ? 0 : hex);
  if (type === "address") return getAddress(hex);
  return hex;
}

function scalarValue(field: DescField, json: JsonValue | undefined): unknown {
  const type = elementType(field);
  if (field.fieldKind === "enum" || (field.fieldKind === "list" && field.listKind === "enum")) {
    const values = field.fieldKind === "enum" ? field.enum.values : field.fieldKind === "list" && field.listKind === "enum" ? field.enum.values : [];
    if (json === undefined) return 0;
    return typeof json === "number" ? json : (values.find((v) => v.name === json)?.number ?? fail(`enum ${String(json)}`));
  }
  switch (type) {
    case "uint64":
    case "int64":
      return BigInt((json as string | number | undefined) ?? 0);
    case "uint32":
    case "int32":
      return Number(json ?? 0);
    case "bool":
      return json ?? false;
    case "string":
      return json ?? "";
    case "bytes":
      return base64ToHex((json as string | undefined) ?? "");
    default:
      return fail(`scalar ${type}`);
  }
}

function elementValue(field: DescField, json: JsonValue): unknown {
  const target = field.fieldKind === "message" ? field.message : field.fieldKind === "list" && field.listKind === "message" ? field.message : undefined;
  if (target === undefined) return scalarValue(field, json);
  if (target.typeName === "google.protobuf.Timestamp") return timestampValue(json as string);
  const atomic = ATOMICS[target.typeName];
  return atomic ? atomicValue(atomic, json as JsonObject) : referenceMessage(target, json as JsonObject);
}

/** §4: the typed-data value of `desc` from its proto3 JSON (JSON names, defaults omitted). */
export function referenceMessage(desc: DescMessage, json: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of desc.fields) {
    const value = json[field.jsonName] ?? json[field.name];
    if (field.fieldKind === "list") out[field.name] = ((value as JsonValue[] | undefined) ?? []).map((v) => elementValue(field, v));
    else if (isArray(field)) out[field.name] = value === undefined || value === null ? [] : [elementValue(field, value)];
    else out[field.name] = scalarValue(field, value ?? undefined);
  }
  return out;
}
