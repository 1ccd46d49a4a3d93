// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// gen/market/mass/eip712_pb.ts against the schema it was generated from and
// against ethers: every type hash is keccak256 of ethers' encodeType, and the
// mapping run on the compiled schema reproduces every table.
import type { DescFile, DescMessage } from "@bufbuild/protobuf";
import { file_google_protobuf_descriptor, file_google_protobuf_timestamp } from "@bufbuild/protobuf/wkt";
import { TypedDataEncoder } from "ethers";
import { keccak256, stringToBytes } from "viem";
import { describe, expect, it } from "vitest";

import { file_market_mass_authentication } from "../../gen/market/mass/authentication_pb.js";
import { file_market_mass_base_types } from "../../gen/market/mass/base_types_pb.js";
import { authChallengeEip712Types, eip712Atomics, eip712MappingVersion, eip712Structs, shopEventEip712Types } from "../../gen/market/mass/eip712_pb.js";
import { file_market_mass_envelope } from "../../gen/market/mass/envelope_pb.js";
import { file_market_mass_error } from "../../gen/market/mass/error_pb.js";
import { file_market_mass_options } from "../../gen/market/mass/options_pb.js";
import { file_market_mass_shop_events } from "../../gen/market/mass/shop_events_pb.js";
import { file_market_mass_shop_requests } from "../../gen/market/mass/shop_requests_pb.js";
import { file_market_mass_storage } from "../../gen/market/mass/storage_pb.js";
import { file_market_mass_subscription } from "../../gen/market/mass/subscription_pb.js";
import { file_market_mass_transport } from "../../gen/market/mass/transport_pb.js";
import { EIP712_DOMAIN_NAME, EIP712_DOMAIN_VERSION, eip712DomainType } from "../../src/index.js";
import { referencedStructs, typeHash } from "../../plugin/encode-type.js";
import { MAPPING_VERSION, mapSchema } from "../../plugin/mapping.js";

type Member = { readonly name: string; readonly type: string };
type StructEntry = { name: string; fields: readonly Member[]; numbers: readonly number[]; requiredOneofs: readonly string[]; typeHash: string };

const structs = eip712Structs as Readonly<Record<string, StructEntry>>;
const primaries: Readonly<Record<string, Readonly<Record<string, readonly Member[]>>>> = {
  ShopEvent: shopEventEip712Types,
  AuthChallenge: authChallengeEip712Types,
};
const files: DescFile[] = [
  file_google_protobuf_descriptor,
  file_google_protobuf_timestamp,
  file_market_mass_options,
  file_market_mass_base_types,
  file_market_mass_shop_events,
  file_market_mass_authentication,
  file_market_mass_envelope,
  file_market_mass_error,
  file_market_mass_shop_requests,
  file_market_mass_storage,
  file_market_mass_subscription,
  file_market_mass_transport,
];

const mutable = (types: Readonly<Record<string, readonly Member[]>>) => Object.fromEntries(Object.entries(types).map(([k, v]) => [k, v.map((m) => ({ ...m }))]));

describe("generated type hashes", () => {
  const entries = Object.entries(structs);

  it.each(entries.map(([protoName, s]) => ({ protoName, ...s })))("$name: keccak256(ethers encodeType)", ({ name, typeHash: hash }) => {
    const primary = Object.values(primaries).find((types) => name in types);
    expect(primary, `${name} is in no primary type's types`).toBeDefined();
    const encoded = TypedDataEncoder.from(mutable(primary!)).encodeType(name);
    expect(hash).toBe(keccak256(stringToBytes(encoded)));
  });

  it("every struct belongs to a primary type, and the primaries' types hold nothing else", () => {
    const names = new Set(entries.map(([, s]) => s.name));
    const reached = new Set(Object.values(primaries).flatMap((types) => Object.keys(types)));
    expect(reached).toEqual(names);
  });
});

describe("the mapping run on the compiled schema reproduces eip712_pb.ts", () => {
  const mapping = mapSchema({ files });
  const byName = new Map([...mapping.structs.values()].map((s) => [s.name, s]));

  it("has the same version", () => {
    expect(eip712MappingVersion).toBe(MAPPING_VERSION);
    expect(EIP712_DOMAIN_VERSION).toBe(MAPPING_VERSION);
  });

  it("has the same structs: names, members, numbers, required oneofs, type hashes", () => {
    const fresh = Object.fromEntries(
      [...mapping.structs.values()].map((s) => [
        s.protoName,
        {
          name: s.name,
          fields: s.fields.map(({ name, type }) => ({ name, type })),
          numbers: s.fields.map((f) => f.number),
          requiredOneofs: s.requiredOneofs,
          typeHash: typeHash(s, byName),
        },
      ]),
    );
    expect(structs).toEqual(fresh);
  });

  it("has the same atomics", () => {
    expect(eip712Atomics).toEqual(Object.fromEntries([...mapping.atomics.values()].map((a) => [a.protoName, { type: a.type, length: a.length }])));
  });

  it("has per-primary types: the primary and everything it references", () => {
    expect(mapping.primaries.map((p) => p.name).sort()).toEqual(Object.keys(primaries).sort());
    for (const primary of mapping.primaries) {
      expect(Object.keys(primaries[primary.name]!)).toEqual([primary.name, ...referencedStructs(primary, byName)]);
    }
  });
});

describe("the documented mapping holds on the real schema", () => {
  const messages = new Map<string, DescMessage>();
  const collect = (list: readonly DescMessage[]) => {
    for (const m of list) {
      messages.set(m.typeName, m);
      collect(m.nestedMessages);
    }
  };
  for (const f of files) collect(f.messages);

  it.each(Object.entries(structs).map(([protoName, s]) => ({ protoName, ...s })))("$name: member names are the proto field names, in order", ({ protoName, name, fields, numbers }) => {
    const desc = messages.get(protoName)!;
    expect(name).toBe(protoName.startsWith("market.mass.") ? protoName.slice("market.mass.".length).replaceAll(".", "_") : protoName.replaceAll(".", "_"));
    expect(fields.map((f) => f.name)).toEqual(desc.fields.map((f) => f.name));
    expect(numbers).toEqual(desc.fields.map((f) => f.number));
  });

  it("wrappers are the documented atomic types", () => {
    expect(eip712Atomics).toEqual({
      "market.mass.Uint256": { type: "uint256", length: 32 },
      "market.mass.EthereumAddress": { type: "address", length: 20 },
      "market.mass.Hash": { type: "bytes32", length: 32 },
      "market.mass.ObjectId": { type: "bytes8", length: 8 },
      "market.mass.Signature": { type: "bytes", length: 0 },
      "market.mass.PublicKey": { type: "bytes", length: 0 },
      "market.mass.IPFSAddress": { type: "string", length: 0 },
    });
  });

  it("the oneofs that must be set are ShopEvent.union, Account.action and UpdateOrder.action", () => {
    const required = Object.entries(structs).flatMap(([protoName, s]) => s.requiredOneofs.map((o) => `${protoName}.${o}`));
    expect(required.sort()).toEqual(["market.mass.Account.action", "market.mass.ShopEvent.union", "market.mass.UpdateOrder.action"]);
  });

  it("the domain is EIP712Domain(string name,string version,uint256 chainId,address verifyingContract), MassMarket, the mapping version", () => {
    expect(TypedDataEncoder.from({ EIP712Domain: eip712DomainType.map((m) => ({ ...m })) }).encodeType("EIP712Domain")).toBe(
      "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)",
    );
    expect(EIP712_DOMAIN_NAME).toBe("MassMarket");
    expect(EIP712_DOMAIN_VERSION).toBe(MAPPING_VERSION);
  });
});
