// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Joins the generated EIP-712 tables with protobuf-es descriptors into one
// plan per message, built once and cached, so hashing does no lookups per call.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { hexToBytes } from "@noble/hashes/utils";
import { eip712Atomics, eip712Structs } from "../../gen/market/mass/eip712_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";

export type ScalarKind = "uint64" | "int64" | "uint32" | "int32" | "bool" | "string" | "bytes";

export type ElementPlan =
  | { readonly kind: "scalar"; readonly type: ScalarKind }
  | { readonly kind: "atomic"; readonly typeName: string; readonly type: string; readonly length: number; readonly rawName: string }
  | { readonly kind: "struct"; readonly plan: StructPlan };

export interface FieldPlan {
  /** Proto field name: the EIP-712 member name and the segment of error paths. */
  readonly name: string;
  /** Proto field number, for walking wire bytes. */
  readonly number: number;
  /** protobuf-es property holding the value (or the oneof group). */
  readonly localName: string;
  /** Set for oneof members: the oneof's property; the member is present when its `case` matches. */
  readonly oneof: string | undefined;
  readonly repeated: boolean;
  /** EIP-712 type is `T[]`: repeated, or a 0-or-1 array for presence. */
  readonly array: boolean;
  readonly element: ElementPlan;
}

export interface OneofPlan {
  readonly name: string;
  readonly localName: string;
  readonly cases: ReadonlySet<string>;
  readonly required: boolean;
}

export interface StructPlan {
  readonly typeName: string;
  readonly structName: string;
  readonly typeHash: Uint8Array;
  readonly fields: readonly FieldPlan[];
  /** Every oneof: proto name (for paths), protobuf-es property, member cases, and whether one must be set. */
  readonly oneofs: readonly OneofPlan[];
}

type StructTable = Readonly<
  Record<string, { name: string; fields: readonly { name: string; type: string }[]; numbers: readonly number[]; requiredOneofs: readonly string[]; typeHash: string }>
>;
type AtomicTable = Readonly<Record<string, { type: string; length: number }>>;

const structs: StructTable = eip712Structs;
const atomics: AtomicTable = eip712Atomics;
const cache = new Map<string, StructPlan>();

/**
 * The EIP-712 plan of a message type, from the generated tables.
 * @example planFor(ShopEventSchema).structName // "ShopEvent"
 */
export function planFor(desc: DescMessage): StructPlan {
  return cache.get(desc.typeName) ?? buildPlan(desc);
}

function buildPlan(desc: DescMessage): StructPlan {
  const table = structs[desc.typeName];
  if (!table) throw mismatch(desc.typeName, "has no EIP-712 struct in gen/market/mass/eip712_pb.ts");
  const fields: FieldPlan[] = [];
  for (const name of table.requiredOneofs) {
    if (!desc.oneofs.some((o) => o.name === name)) throw mismatch(desc.typeName, `has no oneof ${name}: run \`npm run generate\``);
  }
  const oneofs = desc.oneofs.map((o) => ({
    name: o.name,
    localName: o.localName,
    cases: new Set(o.fields.map((f) => f.localName)),
    required: table.requiredOneofs.includes(o.name),
  }));
  const plan: StructPlan = { typeName: desc.typeName, structName: table.name, typeHash: hexToBytes(table.typeHash.slice(2)), fields, oneofs };
  // Cache before recursing so self-referencing messages terminate.
  cache.set(desc.typeName, plan);
  if (table.numbers.length !== desc.fields.length) throw mismatch(desc.typeName, "field count differs from the schema: run `npm run generate`");
  table.fields.forEach((member, index) => {
    const field = desc.fields.find((f) => f.number === table.numbers[index]);
    if (!field || field.name !== member.name) throw mismatch(desc.typeName, `member ${member.name} does not match the schema: run \`npm run generate\``);
    fields.push(fieldPlan(field, member.type));
  });
  return plan;
}

function fieldPlan(field: DescField, type: string): FieldPlan {
  const array = type.endsWith("[]");
  return {
    name: field.name,
    number: field.number,
    localName: field.oneof ? field.oneof.localName : field.localName,
    oneof: field.oneof ? field.localName : undefined,
    repeated: field.fieldKind === "list",
    array,
    element: elementPlan(field, array ? type.slice(0, -2) : type),
  };
}

// Messages come from the descriptor; scalar types straight from the generated member type.
function elementPlan(field: DescField, baseType: string): ElementPlan {
  const message = field.fieldKind === "message" || (field.fieldKind === "list" && field.listKind === "message") ? field.message : undefined;
  if (message) {
    const atomic = atomics[message.typeName];
    if (!atomic) return { kind: "struct", plan: planFor(message) };
    const raw = message.fields[0];
    if (!raw) throw mismatch(message.typeName, "atomic wrapper has no field");
    return { kind: "atomic", typeName: message.typeName, type: atomic.type, length: atomic.length, rawName: raw.localName };
  }
  if (!SCALAR_KINDS.has(baseType)) throw mismatch(field.parent.typeName, `field ${field.name} has unexpected EIP-712 type ${baseType}`);
  return { kind: "scalar", type: baseType as ScalarKind };
}

const SCALAR_KINDS: ReadonlySet<string> = new Set<ScalarKind>(["uint64", "int64", "uint32", "int32", "bool", "string", "bytes"]);

function mismatch(typeName: string, what: string): FieldValueError {
  return new FieldValueError("SCHEMA_MISMATCH", `${typeName} ${what}`);
}
