// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// docs/eip712.md's worked example must match what the code produces.
import { readFileSync } from "node:fs";
import { fromJson, type JsonValue } from "@bufbuild/protobuf";
import { TypedDataEncoder } from "ethers";
import { type Address, hashDomain } from "viem";
import { describe, expect, it } from "vitest";
import { eip712Structs, eventTypedData, hashEvent, ShopEventSchema } from "../../src/index.js";

const doc = readFileSync(new URL("../../docs/eip712.md", import.meta.url), "utf8");
const jsonBlocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const marker = doc.indexOf("<!-- worked-example");
const workedBlock = doc.slice(marker).match(/```json\n([\s\S]*?)```/)?.[1];

interface Worked {
  domain: { name: string; version: string; chainId: number; verifyingContract: Address };
  event: JsonValue;
  encodeType: Record<string, string>;
  typeHash: Record<string, string>;
  hashStruct: Record<string, string>;
  domainSeparator: string;
  digest: string;
}

const bigintsAsStrings = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));

describe("docs/eip712.md worked example", () => {
  expect(workedBlock, "worked-example block present").toBeDefined();
  const worked = JSON.parse(workedBlock as string) as Worked;
  const event = fromJson(ShopEventSchema, worked.event);
  const typedData = eventTypedData({ event, domain: worked.domain });
  const { EIP712Domain: _domainType, ...types } = typedData.types;
  const encoder = TypedDataEncoder.from(types as unknown as Record<string, { name: string; type: string }[]>);

  it("shows the typed-data message the code builds", () => {
    expect(JSON.parse(jsonBlocks[0] as string)).toEqual(bigintsAsStrings(typedData.message));
  });

  it("lists encodeType strings and type hashes that match ethers and the generated table", () => {
    for (const [name, encodeType] of Object.entries(worked.encodeType)) {
      expect(encoder.encodeType(name)).toBe(encodeType);
      const generated = Object.values(eip712Structs).find((s) => s.name === name);
      expect(generated?.typeHash).toBe(worked.typeHash[name]);
    }
    expect(worked.encodeType.ShopEvent).toHaveLength(3358);
  });

  it("gives hashStruct values, domain separator and digest the code computes", () => {
    const message = typedData.message as unknown as Record<string, Record<string, unknown>[]>;
    expect(encoder.hashStruct("ShopEvent", typedData.message)).toBe(worked.hashStruct.ShopEvent);
    expect(encoder.hashStruct("CreateOrder", message.create_order?.[0] as Record<string, unknown>)).toBe(worked.hashStruct.CreateOrder);
    expect(encoder.hashStruct("google_protobuf_Timestamp", message.timestamp?.[0] as Record<string, unknown>)).toBe(worked.hashStruct.google_protobuf_Timestamp);
    expect(hashDomain({ domain: { ...typedData.domain, chainId: BigInt(typedData.domain.chainId) }, types: { EIP712Domain: [...typedData.types.EIP712Domain] } })).toBe(worked.domainSeparator);
    expect(hashEvent({ event, domain: worked.domain })).toBe(worked.digest);
  });
});
