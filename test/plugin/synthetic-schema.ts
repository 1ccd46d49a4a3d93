// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Builds small synthetic proto3 schemas as real protobuf-es descriptors
// (FileDescriptorProto → createFileRegistry), importing the real
// market/mass/options.proto, so the mapping can be tested on messages the
// production schema does not have (floats, maps, broken wrappers, …).
import { create, createFileRegistry, type DescFile, setExtension } from "@bufbuild/protobuf";
import {
  type DescriptorProto,
  DescriptorProtoSchema,
  type EnumDescriptorProto,
  EnumDescriptorProtoSchema,
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  type FieldDescriptorProto,
  FieldDescriptorProtoSchema,
  file_google_protobuf_descriptor,
  file_google_protobuf_timestamp,
  FileDescriptorProtoSchema,
  MessageOptionsSchema,
  OneofDescriptorProtoSchema,
  OneofOptionsSchema,
} from "@bufbuild/protobuf/wkt";
import { eip712_atomic, eip712_primary, eip712_required, Eip712AtomicSchema, file_market_mass_options } from "../../gen/market/mass/options_pb.js";

type Scalar = "double" | "float" | "int64" | "uint64" | "int32" | "fixed64" | "fixed32" | "bool" | "string" | "bytes" | "uint32" | "sfixed32" | "sfixed64" | "sint32" | "sint64";

export interface FieldSpec {
  readonly name: string;
  readonly number: number;
  /** A scalar type, or a fully qualified message/enum name such as "market.mass.Inner" or "google.protobuf.Timestamp". */
  readonly type: Scalar | `${string}.${string}`;
  /** Set for enum fields (type is then the enum's full name). */
  readonly enum?: boolean;
  readonly repeated?: boolean;
  /** proto3 `optional`. */
  readonly optional?: boolean;
  /** Member of this (real) oneof. */
  readonly oneof?: string;
  /** A map field: `type` is the value type, the key is a string. */
  readonly map?: boolean;
}

export interface MessageSpec {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  readonly nested?: readonly MessageSpec[];
  readonly primary?: boolean;
  readonly atomic?: { readonly type: string; readonly length: number };
  /** Oneofs marked (market.mass.eip712_required). */
  readonly requiredOneofs?: readonly string[];
}

export interface SchemaSpec {
  readonly package?: string;
  readonly messages: readonly MessageSpec[];
  readonly enums?: readonly { readonly name: string; readonly values: readonly string[] }[];
  /** Leave market/mass/options.proto out of the file list (the extensions then cannot be found). */
  readonly withoutOptions?: boolean;
}

const SCALARS: Readonly<Record<Scalar, FieldDescriptorProto_Type>> = {
  double: FieldDescriptorProto_Type.DOUBLE,
  float: FieldDescriptorProto_Type.FLOAT,
  int64: FieldDescriptorProto_Type.INT64,
  uint64: FieldDescriptorProto_Type.UINT64,
  int32: FieldDescriptorProto_Type.INT32,
  fixed64: FieldDescriptorProto_Type.FIXED64,
  fixed32: FieldDescriptorProto_Type.FIXED32,
  bool: FieldDescriptorProto_Type.BOOL,
  string: FieldDescriptorProto_Type.STRING,
  bytes: FieldDescriptorProto_Type.BYTES,
  uint32: FieldDescriptorProto_Type.UINT32,
  sfixed32: FieldDescriptorProto_Type.SFIXED32,
  sfixed64: FieldDescriptorProto_Type.SFIXED64,
  sint32: FieldDescriptorProto_Type.SINT32,
  sint64: FieldDescriptorProto_Type.SINT64,
};

const FILE_NAME = "test/synthetic.proto";

/**
 * The files of a synthetic schema, dependencies first, as `mapSchema` takes them.
 * @example mapSchema({ files: syntheticSchema({ messages: [{ name: "Event", primary: true, fields: [] }] }) })
 */
export function syntheticSchema(spec: SchemaSpec): DescFile[] {
  const pkg = spec.package ?? "market.mass";
  const proto = create(FileDescriptorProtoSchema, {
    name: FILE_NAME,
    package: pkg,
    syntax: "proto3",
    dependency: ["google/protobuf/timestamp.proto", "market/mass/options.proto"],
    messageType: spec.messages.map((m) => messageProto(m, pkg)),
    enumType: (spec.enums ?? []).map((e) => enumProto(e)),
  });
  const deps: Record<string, DescFile> = {
    "google/protobuf/descriptor.proto": file_google_protobuf_descriptor,
    "google/protobuf/timestamp.proto": file_google_protobuf_timestamp,
    "market/mass/options.proto": file_market_mass_options,
  };
  const registry = createFileRegistry(proto, (name) => deps[name]);
  const file = registry.getFile(FILE_NAME);
  if (!file) throw new Error("synthetic file missing from its registry");
  const base = [file_google_protobuf_descriptor, file_google_protobuf_timestamp];
  return spec.withoutOptions ? [...base, file] : [...base, file_market_mass_options, file];
}

function messageProto(spec: MessageSpec, scope: string): DescriptorProto {
  const fullName = `${scope}.${spec.name}`;
  const realOneofs = [...new Set(spec.fields.flatMap((f) => (f.oneof ? [f.oneof] : [])))];
  // proto3 `optional` fields each get a synthetic oneof, after the real ones.
  const syntheticOneofs = spec.fields.filter((f) => f.optional).map((f) => `_${f.name}`);
  const mapEntries: DescriptorProto[] = [];
  const fields = spec.fields.map((f): FieldDescriptorProto => {
    const field = create(FieldDescriptorProtoSchema, { name: f.name, number: f.number, jsonName: camel(f.name) });
    if (f.map) {
      const entryName = `${pascal(f.name)}Entry`;
      const entry = create(DescriptorProtoSchema, {
        name: entryName,
        field: [
          typed(create(FieldDescriptorProtoSchema, { name: "key", number: 1, jsonName: "key", label: FieldDescriptorProto_Label.OPTIONAL }), { name: "key", number: 1, type: "string" }),
          typed(create(FieldDescriptorProtoSchema, { name: "value", number: 2, jsonName: "value", label: FieldDescriptorProto_Label.OPTIONAL }), { ...f, name: "value", number: 2, map: false }),
        ],
        options: { mapEntry: true },
      });
      mapEntries.push(entry);
      field.label = FieldDescriptorProto_Label.REPEATED;
      field.type = FieldDescriptorProto_Type.MESSAGE;
      field.typeName = `.${fullName}.${entryName}`;
      return field;
    }
    field.label = f.repeated ? FieldDescriptorProto_Label.REPEATED : FieldDescriptorProto_Label.OPTIONAL;
    if (f.oneof) field.oneofIndex = realOneofs.indexOf(f.oneof);
    if (f.optional) {
      field.proto3Optional = true;
      field.oneofIndex = realOneofs.length + syntheticOneofs.indexOf(`_${f.name}`);
    }
    return typed(field, f);
  });
  const options = create(MessageOptionsSchema);
  if (spec.primary) setExtension(options, eip712_primary, true);
  if (spec.atomic) setExtension(options, eip712_atomic, create(Eip712AtomicSchema, spec.atomic));
  return create(DescriptorProtoSchema, {
    name: spec.name,
    field: fields,
    nestedType: [...(spec.nested ?? []).map((n) => messageProto(n, fullName)), ...mapEntries],
    oneofDecl: [
      ...realOneofs.map((name) => {
        const oneofOptions = create(OneofOptionsSchema);
        if (spec.requiredOneofs?.includes(name)) setExtension(oneofOptions, eip712_required, true);
        return create(OneofDescriptorProtoSchema, { name, options: oneofOptions });
      }),
      ...syntheticOneofs.map((name) => create(OneofDescriptorProtoSchema, { name })),
    ],
    ...((spec.primary || spec.atomic) && { options }),
  });
}

function typed(field: FieldDescriptorProto, f: FieldSpec): FieldDescriptorProto {
  if (f.type in SCALARS) {
    field.type = SCALARS[f.type as Scalar];
  } else {
    field.type = f.enum ? FieldDescriptorProto_Type.ENUM : FieldDescriptorProto_Type.MESSAGE;
    field.typeName = `.${f.type}`;
  }
  return field;
}

function enumProto({ name, values }: { name: string; values: readonly string[] }): EnumDescriptorProto {
  return create(EnumDescriptorProtoSchema, { name, value: values.map((v, number) => ({ name: v, number })) });
}

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function pascal(name: string): string {
  const c = camel(name);
  return c.charAt(0).toUpperCase() + c.slice(1);
}
