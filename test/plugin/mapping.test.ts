// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The protobuf → EIP-712 mapping (plugin/mapping.ts) on synthetic schemas:
// every field kind maps to the documented EIP-712 type, struct names follow
// the naming rule, and anything unsignable fails generation with a
// MappingError that names the offending field or message.
import { describe, expect, it } from "vitest";

import { MappingError, mapSchema, structName } from "../../plugin/mapping.js";
import { type FieldSpec, type MessageSpec, type SchemaSpec, syntheticSchema } from "./synthetic-schema.js";

const wrappers: MessageSpec[] = [
  { name: "Big", atomic: { type: "uint256", length: 32 }, fields: [{ name: "raw", number: 1, type: "bytes" }] },
  { name: "Addr", atomic: { type: "address", length: 20 }, fields: [{ name: "raw", number: 1, type: "bytes" }] },
  { name: "Digest", atomic: { type: "bytes32", length: 32 }, fields: [{ name: "raw", number: 1, type: "bytes" }] },
  { name: "Id", atomic: { type: "bytes8", length: 8 }, fields: [{ name: "raw", number: 1, type: "bytes" }] },
  { name: "Blob", atomic: { type: "bytes", length: 0 }, fields: [{ name: "raw", number: 1, type: "bytes" }] },
  { name: "Cid", atomic: { type: "string", length: 0 }, fields: [{ name: "cid", number: 1, type: "string" }] },
];

function map(spec: SchemaSpec) {
  return mapSchema({ files: syntheticSchema(spec) });
}

function mappingError(spec: SchemaSpec): MappingError {
  try {
    map(spec);
  } catch (error) {
    if (error instanceof MappingError) return error;
    throw error;
  }
  throw new Error("expected a MappingError, the schema mapped");
}

/** A primary message `Event` with the given fields, plus extra messages. */
const withPrimary = (fields: FieldSpec[], messages: MessageSpec[] = [], extra: Partial<SchemaSpec> = {}): SchemaSpec => ({
  messages: [{ name: "Event", primary: true, fields }, ...messages],
  ...extra,
});

describe("field types", () => {
  // Each row: a field of the primary message and the EIP-712 member type it must get.
  const rows: { field: Omit<FieldSpec, "number">; type: string }[] = [
    { field: { name: "a_uint64", type: "uint64" }, type: "uint64" },
    { field: { name: "a_fixed64", type: "fixed64" }, type: "uint64" },
    { field: { name: "a_int64", type: "int64" }, type: "int64" },
    { field: { name: "a_sint64", type: "sint64" }, type: "int64" },
    { field: { name: "a_sfixed64", type: "sfixed64" }, type: "int64" },
    { field: { name: "a_uint32", type: "uint32" }, type: "uint32" },
    { field: { name: "a_fixed32", type: "fixed32" }, type: "uint32" },
    { field: { name: "a_int32", type: "int32" }, type: "int32" },
    { field: { name: "a_sint32", type: "sint32" }, type: "int32" },
    { field: { name: "a_sfixed32", type: "sfixed32" }, type: "int32" },
    { field: { name: "a_bool", type: "bool" }, type: "bool" },
    { field: { name: "a_string", type: "string" }, type: "string" },
    { field: { name: "a_bytes", type: "bytes" }, type: "bytes" },
    { field: { name: "an_enum", type: "market.mass.Color", enum: true }, type: "int32" },
    { field: { name: "opt_uint64", type: "uint64", optional: true }, type: "uint64[]" },
    { field: { name: "opt_string", type: "string", optional: true }, type: "string[]" },
    { field: { name: "opt_bool", type: "bool", optional: true }, type: "bool[]" },
    { field: { name: "opt_enum", type: "market.mass.Color", enum: true, optional: true }, type: "int32[]" },
    { field: { name: "many_sint32", type: "sint32", repeated: true }, type: "int32[]" },
    { field: { name: "many_strings", type: "string", repeated: true }, type: "string[]" },
    { field: { name: "many_bytes", type: "bytes", repeated: true }, type: "bytes[]" },
    { field: { name: "many_enums", type: "market.mass.Color", enum: true, repeated: true }, type: "int32[]" },
    { field: { name: "inner", type: "market.mass.Inner" }, type: "Inner[]" },
    { field: { name: "opt_inner", type: "market.mass.Inner", optional: true }, type: "Inner[]" },
    { field: { name: "inners", type: "market.mass.Inner", repeated: true }, type: "Inner[]" },
    { field: { name: "nested", type: "market.mass.Inner.Deep" }, type: "Inner_Deep[]" },
    { field: { name: "when", type: "google.protobuf.Timestamp" }, type: "google_protobuf_Timestamp[]" },
    { field: { name: "big", type: "market.mass.Big" }, type: "uint256[]" },
    { field: { name: "addrs", type: "market.mass.Addr", repeated: true }, type: "address[]" },
    { field: { name: "digest", type: "market.mass.Digest" }, type: "bytes32[]" },
    { field: { name: "id", type: "market.mass.Id" }, type: "bytes8[]" },
    { field: { name: "blob", type: "market.mass.Blob" }, type: "bytes[]" },
    { field: { name: "cid", type: "market.mass.Cid" }, type: "string[]" },
    { field: { name: "pick_inner", type: "market.mass.Inner", oneof: "pick" }, type: "Inner[]" },
    { field: { name: "pick_string", type: "string", oneof: "pick" }, type: "string[]" },
    { field: { name: "pick_bool", type: "bool", oneof: "pick" }, type: "bool[]" },
    { field: { name: "pick_big", type: "market.mass.Big", oneof: "pick" }, type: "uint256[]" },
  ];
  const fields = rows.map((r, i) => ({ ...r.field, number: i + 1 }) as FieldSpec);
  const mapping = map({
    messages: [
      { name: "Event", primary: true, fields, requiredOneofs: ["pick"] },
      { name: "Inner", fields: [{ name: "n", number: 1, type: "uint32" }], nested: [{ name: "Deep", fields: [{ name: "flag", number: 1, type: "bool" }] }] },
      // Not reachable from a primary message: may hold anything.
      { name: "Unused", fields: [{ name: "ratio", number: 1, type: "double" }] },
      ...wrappers,
    ],
    enums: [{ name: "Color", values: ["COLOR_UNSPECIFIED", "COLOR_RED"] }],
  });
  const event = mapping.structs.get("market.mass.Event")!;

  it.each(rows.map((r, i) => ({ ...r, index: i })))("$field.name → $type", ({ field, type, index }) => {
    expect(event.fields[index]).toEqual({ number: index + 1, name: field.name, type });
  });

  it("keeps proto field order and names, and records required oneofs", () => {
    expect(event.fields.map((f) => f.name)).toEqual(rows.map((r) => r.field.name));
    expect(event.requiredOneofs).toEqual(["pick"]);
    expect(mapping.structs.get("market.mass.Inner")!.requiredOneofs).toEqual([]);
  });

  it("maps exactly the reachable messages, wrappers as atomics", () => {
    expect(mapping.primaries.map((p) => p.name)).toEqual(["Event"]);
    expect([...mapping.structs.keys()].sort()).toEqual(["google.protobuf.Timestamp", "market.mass.Event", "market.mass.Inner", "market.mass.Inner.Deep"]);
    expect(Object.fromEntries([...mapping.atomics.values()].map((a) => [a.protoName, `${a.type}/${a.length}`]))).toEqual({
      "market.mass.Big": "uint256/32",
      "market.mass.Addr": "address/20",
      "market.mass.Digest": "bytes32/32",
      "market.mass.Id": "bytes8/8",
      "market.mass.Blob": "bytes/0",
      "market.mass.Cid": "string/0",
    });
    expect(mapping.structs.get("google.protobuf.Timestamp")).toEqual({
      protoName: "google.protobuf.Timestamp",
      name: "google_protobuf_Timestamp",
      fields: [
        { number: 1, name: "seconds", type: "int64" },
        { number: 2, name: "nanos", type: "int32" },
      ],
      requiredOneofs: [],
    });
  });

  it("maps an empty message to an empty struct", () => {
    const empty = map(withPrimary([{ name: "nothing", number: 1, type: "market.mass.Nothing" }], [{ name: "Nothing", fields: [] }]));
    expect(empty.structs.get("market.mass.Nothing")!.fields).toEqual([]);
  });

  it("follows self-references without looping", () => {
    const tree = map({ messages: [{ name: "Node", primary: true, fields: [{ name: "children", number: 1, type: "market.mass.Node", repeated: true }] }] });
    expect(tree.structs.get("market.mass.Node")!.fields).toEqual([{ number: 1, name: "children", type: "Node[]" }]);
  });
});

describe("struct names", () => {
  const files = syntheticSchema({
    messages: [{ name: "Outer", primary: true, fields: [], nested: [{ name: "Mid", fields: [], nested: [{ name: "Leaf", fields: [] }] }] }],
  });
  const other = syntheticSchema({ package: "market.massive", messages: [{ name: "Thing", primary: true, fields: [] }] });
  const messages = [...files, ...other].flatMap((f) => [...walk(f.messages)]);
  const byName = (typeName: string) => messages.find((m) => m.typeName === typeName)!;

  it.each([
    ["market.mass.Outer", "Outer"],
    ["market.mass.Outer.Mid", "Outer_Mid"],
    ["market.mass.Outer.Mid.Leaf", "Outer_Mid_Leaf"],
    ["google.protobuf.Timestamp", "google_protobuf_Timestamp"],
    // Only the package itself is dropped, not a longer name that starts with it.
    ["market.massive.Thing", "market_massive_Thing"],
  ])("%s → %s", (typeName, name) => {
    expect(structName(byName(typeName))).toBe(name);
  });

  it("refuses two messages that map to the same struct name", () => {
    const error = mappingError(
      withPrimary(
        [
          { name: "a", number: 1, type: "market.mass.A_B" },
          { name: "b", number: 2, type: "market.mass.A.B" },
        ],
        [
          { name: "A_B", fields: [] },
          { name: "A", fields: [], nested: [{ name: "B", fields: [] }] },
        ],
      ),
    );
    expect(error.message).toContain("market.mass.A_B");
    expect(error.message).toContain("market.mass.A.B");
    expect(error.message).toContain("struct name A_B");
  });
});

describe("unmappable schemas fail with a MappingError naming the field", () => {
  it.each(["float", "double"] as const)("a %s field on the primary message", (type) => {
    const error = mappingError(withPrimary([{ name: "amount", number: 1, type }]));
    expect(error.name).toBe("MappingError");
    expect(error.message).toContain("market.mass.Event.amount");
    expect(error.message).toContain(type);
  });

  it("a float field two messages down", () => {
    const error = mappingError(
      withPrimary(
        [{ name: "inner", number: 1, type: "market.mass.Inner" }],
        [
          { name: "Inner", fields: [{ name: "deep", number: 1, type: "market.mass.Deep", repeated: true }] },
          { name: "Deep", fields: [{ name: "ok", number: 1, type: "string" }, { name: "ratio", number: 2, type: "float" }] },
        ],
      ),
    );
    expect(error.message).toContain("market.mass.Deep.ratio");
  });

  it("a repeated double", () => {
    expect(mappingError(withPrimary([{ name: "weights", number: 1, type: "double", repeated: true }])).message).toContain("market.mass.Event.weights");
  });

  it("a map field reachable from the primary message", () => {
    const error = mappingError(
      withPrimary(
        [{ name: "inner", number: 1, type: "market.mass.Inner" }],
        [{ name: "Inner", fields: [{ name: "labels", number: 1, type: "string", map: true }] }],
      ),
    );
    expect(error.message).toContain("market.mass.Inner.labels");
    expect(error.message).toContain("map");
  });

  it("a map field on the primary message", () => {
    expect(mappingError(withPrimary([{ name: "prices", number: 1, type: "uint64", map: true }])).message).toContain("market.mass.Event.prices");
  });

  it("but not an unreachable one", () => {
    const ok = map(withPrimary([{ name: "n", number: 1, type: "uint64" }], [{ name: "Loose", fields: [{ name: "labels", number: 1, type: "string", map: true }, { name: "f", number: 2, type: "float" }] }]));
    expect([...ok.structs.keys()]).toEqual(["market.mass.Event"]);
  });
});

describe("bad eip712_atomic options fail with a MappingError naming the message", () => {
  const withWrapper = (wrapper: MessageSpec) => withPrimary([{ name: "w", number: 1, type: `market.mass.${wrapper.name}` }], [wrapper]);
  const raw: FieldSpec = { name: "raw", number: 1, type: "bytes" };
  const cases: { name: string; wrapper: MessageSpec; says: string }[] = [
    { name: "uint256 with length 31", wrapper: { name: "W", atomic: { type: "uint256", length: 31 }, fields: [raw] }, says: "needs length 32, got 31" },
    { name: "uint256 with length 0", wrapper: { name: "W", atomic: { type: "uint256", length: 0 }, fields: [raw] }, says: "needs length 32, got 0" },
    { name: "address with length 32", wrapper: { name: "W", atomic: { type: "address", length: 32 }, fields: [raw] }, says: "needs length 20, got 32" },
    { name: "bytes8 with length 7", wrapper: { name: "W", atomic: { type: "bytes8", length: 7 }, fields: [raw] }, says: "needs length 8, got 7" },
    { name: "string with a length", wrapper: { name: "W", atomic: { type: "string", length: 4 }, fields: [{ name: "s", number: 1, type: "string" }] }, says: "needs length 0, got 4" },
    { name: "an unknown type", wrapper: { name: "W", atomic: { type: "uint128", length: 16 }, fields: [raw] }, says: '"uint128" is not one of' },
    {
      name: "two fields",
      wrapper: { name: "W", atomic: { type: "bytes32", length: 32 }, fields: [raw, { name: "extra", number: 2, type: "bytes" }] },
      says: "exactly one plain bytes field",
    },
    { name: "no field", wrapper: { name: "W", atomic: { type: "bytes32", length: 32 }, fields: [] }, says: "exactly one plain bytes field" },
    { name: "a string field for bytes32", wrapper: { name: "W", atomic: { type: "bytes32", length: 32 }, fields: [{ name: "raw", number: 1, type: "string" }] }, says: "exactly one plain bytes field" },
    { name: "a bytes field for string", wrapper: { name: "W", atomic: { type: "string", length: 0 }, fields: [raw] }, says: "exactly one plain string field" },
    { name: "a repeated field", wrapper: { name: "W", atomic: { type: "bytes", length: 0 }, fields: [{ ...raw, repeated: true }] }, says: "exactly one plain bytes field" },
    { name: "an optional field", wrapper: { name: "W", atomic: { type: "bytes", length: 0 }, fields: [{ ...raw, optional: true }] }, says: "exactly one plain bytes field" },
  ];

  it.each(cases)("$name", ({ wrapper, says }) => {
    const error = mappingError(withWrapper(wrapper));
    expect(error.message).toContain("market.mass.W option (market.mass.eip712_atomic)");
    expect(error.message).toContain(says);
  });

  it("bytes with a fixed length is allowed (free-length type with a declared size)", () => {
    const ok = map(withWrapper({ name: "W", atomic: { type: "bytes", length: 65 }, fields: [raw] }));
    expect(ok.atomics.get("market.mass.W")).toEqual({ protoName: "market.mass.W", type: "bytes", length: 65 });
  });
});

describe("schema-level failures", () => {
  it("no primary message", () => {
    expect(mappingError({ messages: [{ name: "Loose", fields: [] }] }).message).toContain("eip712_primary");
  });

  it("options.proto missing from the input", () => {
    expect(() => syntheticSchema({ messages: [], withoutOptions: true })).not.toThrow();
    expect(mappingError({ messages: [{ name: "Loose", fields: [] }], withoutOptions: true }).message).toContain("market/mass/options.proto");
  });
});

function* walk<T extends { nestedMessages: readonly T[] }>(messages: readonly T[]): Generator<T> {
  for (const m of messages) {
    yield m;
    yield* walk(m.nestedMessages);
  }
}
