// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The protobuf → EIP-712 mapping, version 1 (specified in docs/eip712.md).
// Pure: takes descriptors, returns struct and atomic definitions or throws.
import {
  type DescExtension,
  type DescField,
  type DescFile,
  type DescMessage,
  getOption,
  hasOption,
  ScalarType,
} from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";

/** Mapping version; also the EIP-712 domain `version` the library signs under. */
export const MAPPING_VERSION = "1";

/** One EIP-712 struct member, with the proto field number it comes from. */
export interface MappedField {
  readonly number: number;
  readonly name: string;
  readonly type: string;
}

/** The EIP-712 struct of one proto message. */
export interface MappedStruct {
  readonly protoName: string;
  readonly name: string;
  readonly fields: readonly MappedField[];
  /** Oneofs (proto names) marked `eip712_required`: one member must be set to sign. */
  readonly requiredOneofs: readonly string[];
}

/** A single-field wrapper message signed as one EIP-712 atomic value. */
export interface MappedAtomic {
  readonly protoName: string;
  readonly type: string;
  readonly length: number;
}

export interface Mapping {
  readonly primaries: readonly MappedStruct[];
  readonly structs: ReadonlyMap<string, MappedStruct>;
  readonly atomics: ReadonlyMap<string, MappedAtomic>;
}

/** Code generation fails with this when the schema cannot be mapped. */
export class MappingError extends Error {
  override readonly name = "MappingError";
}

const OUR_PACKAGE = "market.mass";

// EIP-712 atomic types a wrapper may stand for, and the byte length each demands (0: any).
const ATOMIC_LENGTHS: Readonly<Record<string, number | undefined>> = {
  uint256: 32,
  address: 20,
  bytes32: 32,
  bytes8: 8,
  bytes: 0,
  string: 0,
};

const SCALAR_TYPES: Readonly<Partial<Record<ScalarType, string>>> = {
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

interface Options {
  readonly atomic: DescExtension;
  readonly primary: DescExtension;
  readonly required: DescExtension;
}

/**
 * Maps every message reachable from a message marked `eip712_primary`.
 * @example mapSchema({ files: schema.allFiles })
 */
export function mapSchema({ files }: { files: readonly DescFile[] }): Mapping {
  const options = findOptions(files);
  const structs = new Map<string, MappedStruct>();
  const atomics = new Map<string, MappedAtomic>();
  const structNames = new Map<string, string>();
  const pending: DescMessage[] = [];
  const primaries: DescMessage[] = [];
  for (const file of files) {
    for (const message of allMessages(file.messages)) {
      if (hasOption(message, options.primary) && getOption(message, options.primary) === true) {
        primaries.push(message);
        pending.push(message);
      }
    }
  }
  if (primaries.length === 0) {
    throw new MappingError("no message is marked with option (market.mass.eip712_primary) = true");
  }
  const seen = new Set<string>();
  while (pending.length > 0) {
    const message = pending.pop() as DescMessage;
    if (seen.has(message.typeName)) continue;
    seen.add(message.typeName);
    const atomic = mapAtomic(message, options.atomic);
    if (atomic) {
      atomics.set(message.typeName, atomic);
      continue;
    }
    const name = structName(message);
    const clash = structNames.get(name);
    if (clash !== undefined) {
      throw new MappingError(`${message.typeName} and ${clash} both map to EIP-712 struct name ${name}`);
    }
    structNames.set(name, message.typeName);
    const fields = message.fields.map((field) => {
      const target = fieldMessage(field);
      if (target) pending.push(target);
      return { number: field.number, name: field.name, type: fieldType(field, options.atomic) };
    });
    const requiredOneofs = message.oneofs
      .filter((oneof) => hasOption(oneof, options.required) && getOption(oneof, options.required) === true)
      .map((oneof) => oneof.name);
    structs.set(message.typeName, { protoName: message.typeName, name, fields, requiredOneofs });
  }
  return {
    primaries: primaries.map((p) => structs.get(p.typeName) as MappedStruct),
    structs,
    atomics,
  };
}

/** `market.mass.A.B` → `A_B`; other packages keep their package: `google_protobuf_Timestamp`. */
export function structName(message: DescMessage): string {
  const prefix = `${OUR_PACKAGE}.`;
  const relative = message.typeName.startsWith(prefix)
    ? message.typeName.slice(prefix.length)
    : message.typeName;
  return relative.replaceAll(".", "_");
}

function findOptions(files: readonly DescFile[]): Options {
  const find = (name: string): DescExtension => {
    for (const file of files) {
      const ext = file.extensions.find((e) => e.typeName === name);
      if (ext) return ext;
    }
    throw new MappingError(`extension ${name} not found: is market/mass/options.proto part of the input?`);
  };
  return {
    atomic: find(`${OUR_PACKAGE}.eip712_atomic`),
    primary: find(`${OUR_PACKAGE}.eip712_primary`),
    required: find(`${OUR_PACKAGE}.eip712_required`),
  };
}

function* allMessages(messages: readonly DescMessage[]): Iterable<DescMessage> {
  for (const message of messages) {
    yield message;
    yield* allMessages(message.nestedMessages);
  }
}

function mapAtomic(message: DescMessage, option: DescExtension): MappedAtomic | undefined {
  if (!hasOption(message, option)) return undefined;
  const { type, length } = getOption(message, option) as { type: string; length: number };
  const where = `${message.typeName} option (market.mass.eip712_atomic)`;
  const expectedLength = ATOMIC_LENGTHS[type];
  if (expectedLength === undefined) {
    throw new MappingError(`${where}: type "${type}" is not one of ${Object.keys(ATOMIC_LENGTHS).join(", ")}`);
  }
  if (length !== expectedLength && !(type === "bytes" && length > 0)) {
    throw new MappingError(`${where}: type ${type} needs length ${expectedLength}, got ${length}`);
  }
  const [field, ...rest] = message.fields;
  const wantScalar = type === "string" ? ScalarType.STRING : ScalarType.BYTES;
  if (!field || rest.length > 0 || field.fieldKind !== "scalar" || field.scalar !== wantScalar || field.presence !== FeatureSet_FieldPresence.IMPLICIT) {
    throw new MappingError(`${where}: the message must have exactly one plain ${type === "string" ? "string" : "bytes"} field`);
  }
  return { protoName: message.typeName, type, length };
}

function fieldMessage(field: DescField): DescMessage | undefined {
  if (field.fieldKind === "message") return field.message;
  if (field.fieldKind === "list" && field.listKind === "message") return field.message;
  return undefined;
}

// Singular messages, proto3 `optional` and oneof members are 0-or-1 arrays: presence is signed.
function fieldType(field: DescField, atomic: DescExtension): string {
  const where = `${field.parent.typeName}.${field.name}`;
  switch (field.fieldKind) {
    case "map":
      throw new MappingError(`${where}: map fields have no EIP-712 mapping`);
    case "list":
      if (field.listKind === "scalar") return `${scalarType(field.scalar, where)}[]`;
      if (field.listKind === "enum") return "int32[]";
      return `${messageType(field.message, field.delimitedEncoding, atomic, where)}[]`;
    case "message":
      return `${messageType(field.message, field.delimitedEncoding, atomic, where)}[]`;
    case "enum":
      return hasPresence(field) ? "int32[]" : "int32";
    case "scalar": {
      const type = scalarType(field.scalar, where);
      return hasPresence(field) ? `${type}[]` : type;
    }
  }
}

// Oneof members and proto3 `optional` scalars track presence; plain scalars do not.
function hasPresence(field: DescField): boolean {
  return field.presence === FeatureSet_FieldPresence.EXPLICIT;
}

function messageType(message: DescMessage, delimited: boolean, atomic: DescExtension, where: string): string {
  if (delimited) throw new MappingError(`${where}: group (delimited) fields have no EIP-712 mapping`);
  if (hasOption(message, atomic)) return (getOption(message, atomic) as { type: string }).type;
  return structName(message);
}

function scalarType(scalar: ScalarType, where: string): string {
  const type = SCALAR_TYPES[scalar];
  if (type === undefined) {
    throw new MappingError(`${where}: ${ScalarType[scalar].toLowerCase()} has no exact EIP-712 mapping (floating point is not signable)`);
  }
  return type;
}
