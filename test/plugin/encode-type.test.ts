// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// encodeType / typeHash of mapped structs (plugin/encode-type.ts) against the
// EIP-712 rule written out by hand, ethers' encodeType, and the type hash
// viem and ethers use inside hashStruct.
import { TypedDataEncoder } from "ethers";
import { concat, encodeAbiParameters, type Hex, hashStruct, keccak256, stringToBytes } from "viem";
import { describe, expect, it } from "vitest";

import { encodeType, referencedStructs, typeHash } from "../../plugin/encode-type.js";
import { type MappedStruct, mapSchema } from "../../plugin/mapping.js";
import { syntheticSchema } from "./synthetic-schema.js";

const mapping = mapSchema({
  files: syntheticSchema({
    messages: [
      {
        name: "Primary",
        primary: true,
        fields: [
          { name: "nonce", number: 1, type: "uint64" },
          { name: "zeta", number: 2, type: "market.mass.Zeta" },
          { name: "alpha", number: 3, type: "market.mass.Alpha", repeated: true },
          { name: "flag", number: 4, type: "bool" },
          { name: "when", number: 5, type: "google.protobuf.Timestamp" },
        ],
      },
      { name: "Alpha", fields: [{ name: "beta", number: 1, type: "market.mass.Beta", repeated: true }, { name: "s", number: 2, type: "string" }] },
      { name: "Beta", fields: [{ name: "n", number: 1, type: "sint32" }] },
      { name: "Zeta", fields: [{ name: "id", number: 1, type: "market.mass.Id" }, { name: "back", number: 2, type: "market.mass.Alpha", repeated: true }] },
      { name: "Id", atomic: { type: "bytes8", length: 8 }, fields: [{ name: "raw", number: 1, type: "bytes" }] },
      { name: "Node", primary: true, fields: [{ name: "children", number: 1, type: "market.mass.Node", repeated: true }, { name: "v", number: 2, type: "string" }] },
      { name: "Empty", primary: true, fields: [] },
    ],
  }),
});
const byName = new Map([...mapping.structs.values()].map((s) => [s.name, s]));
const struct = (name: string): MappedStruct => byName.get(name)!;
/** EIP-712 `types` of everything mapped except the self-referencing Node (ethers refuses cycles). */
const types = Object.fromEntries([...byName.values()].filter((s) => s.name !== "Node").map((s) => [s.name, s.fields.map(({ name, type }) => ({ name, type }))]));

// Written out by hand from EIP-712 §encodeType: the struct, then every struct it
// references (transitively, once), sorted by name in code-unit order, so
// lowercase google_… comes after the capitalised names.
const handDerived: Record<string, string> = {
  Primary:
    "Primary(uint64 nonce,Zeta[] zeta,Alpha[] alpha,bool flag,google_protobuf_Timestamp[] when)" +
    "Alpha(Beta[] beta,string s)Beta(int32 n)Zeta(bytes8[] id,Alpha[] back)google_protobuf_Timestamp(int64 seconds,int32 nanos)",
  Zeta: "Zeta(bytes8[] id,Alpha[] back)Alpha(Beta[] beta,string s)Beta(int32 n)",
  Alpha: "Alpha(Beta[] beta,string s)Beta(int32 n)",
  Beta: "Beta(int32 n)",
  Node: "Node(Node[] children,string v)",
  Empty: "Empty()",
  google_protobuf_Timestamp: "google_protobuf_Timestamp(int64 seconds,int32 nanos)",
};

describe("encodeType", () => {
  it.each(Object.entries(handDerived))("%s", (name, expected) => {
    expect(encodeType(struct(name), byName)).toBe(expected);
    expect(typeHash(struct(name), byName)).toBe(keccak256(stringToBytes(expected)));
  });

  it("covers every mapped struct", () => {
    expect(Object.keys(handDerived).sort()).toEqual([...byName.keys()].sort());
  });

  it("lists referenced structs once each, sorted, without the struct itself", () => {
    expect(referencedStructs(struct("Primary"), byName)).toEqual(["Alpha", "Beta", "Zeta", "google_protobuf_Timestamp"]);
    expect(referencedStructs(struct("Node"), byName)).toEqual([]);
    expect(referencedStructs(struct("Beta"), byName)).toEqual([]);
  });

  it.each(Object.keys(handDerived).filter((n) => n !== "Node"))("%s equals ethers' encodeType", (name) => {
    const encoder = TypedDataEncoder.from(Object.fromEntries(Object.entries(types).filter(([n]) => n === name || referencedStructs(struct(name), byName).includes(n))));
    expect(encodeType(struct(name), byName)).toBe(encoder.encodeType(name));
  });
});

describe("typeHash is the one viem and ethers hash structs with", () => {
  const word = (type: string, value: unknown): Hex => encodeAbiParameters([{ type }], [value]);
  const emptyArray = keccak256("0x");

  it("Primary with empty arrays", () => {
    const data = { nonce: 5n, zeta: [], alpha: [], flag: true, when: [] };
    const expected = keccak256(concat([typeHash(struct("Primary"), byName), word("uint64", 5n), emptyArray, emptyArray, word("bool", true), emptyArray]));
    expect(hashStruct({ primaryType: "Primary", types, data })).toBe(expected);
    const { Empty: _empty, ...primaryTypes } = types;
    expect(TypedDataEncoder.hashStruct("Primary", primaryTypes, data)).toBe(expected);
  });

  it("Beta with a negative int32", () => {
    const expected = keccak256(concat([typeHash(struct("Beta"), byName), word("int32", -5)]));
    expect(hashStruct({ primaryType: "Beta", types: { Beta: types.Beta! }, data: { n: -5 } })).toBe(expected);
    expect(TypedDataEncoder.hashStruct("Beta", { Beta: types.Beta! }, { n: -5 })).toBe(expected);
  });

  it("an empty struct hashes to keccak(typeHash)", () => {
    const expected = keccak256(typeHash(struct("Empty"), byName));
    expect(hashStruct({ primaryType: "Empty", types: { Empty: [] }, data: {} })).toBe(expected);
    expect(TypedDataEncoder.hashStruct("Empty", { Empty: [] }, {})).toBe(expected);
  });

  it("a self-referencing struct (viem)", () => {
    const expected = keccak256(concat([typeHash(struct("Node"), byName), emptyArray, keccak256(stringToBytes("leaf"))]));
    const nodeTypes = { Node: struct("Node").fields.map(({ name, type }) => ({ name, type })) };
    expect(hashStruct({ primaryType: "Node", types: nodeTypes, data: { children: [], v: "leaf" } })).toBe(expected);
  });
});
