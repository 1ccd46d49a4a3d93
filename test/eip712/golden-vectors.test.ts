// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The committed golden vectors (test/vectors/eip712.json, written by
// `npm run vectors`) are the expectation: every event rebuilt from its proto3
// JSON must still give exactly the stored encoding, typed data, digest,
// signature and signer. A change here changes what signatures cover.
import { readFileSync } from "node:fs";
import { fromJson, type JsonValue as ProtoJson, toBinary } from "@bufbuild/protobuf";
import { bytesToHex, type Hex, keccak256, stringToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";

import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { type EventDomain, eventTypedData, hashEvent, recoverEventSigner, signEvent, verifyEvent } from "../../src/index.js";
import { arbitraries } from "../support/arbitraries.js";
import { metamaskDigest } from "./reference-hashes.js";
import { type JsonValue, toJsonTypedData } from "./typed-data-json.js";

interface VectorCase {
  name: string;
  kind: string;
  event: ProtoJson;
  encoded: Hex;
  domain: { name: string; version: string; chainId: string; verifyingContract: Hex };
  typedData: { primaryType: string; domain: JsonValue; message: JsonValue };
  digest: Hex;
  signature: Hex;
  signer: Hex;
}

interface VectorFile {
  testKey: { derivation: string; privateKey: Hex; address: Hex };
  primaryType: string;
  types: JsonValue;
  cases: VectorCase[];
}

const file = JSON.parse(readFileSync(new URL("../vectors/eip712.json", import.meta.url), "utf8")) as VectorFile;
const account = privateKeyToAccount(file.testKey.privateKey);
const domainOf = (c: VectorCase): EventDomain => ({ ...c.domain, chainId: BigInt(c.domain.chainId) });

describe("golden vectors file", () => {
  it("uses the documented test key", () => {
    expect(file.testKey.derivation).toBe('keccak256(utf8("massmarket test key"))');
    expect(file.testKey.privateKey).toBe(keccak256(stringToBytes("massmarket test key")));
    expect(file.testKey.address).toBe(account.address);
  });

  it("has at least 3 cases of every event kind and action", () => {
    const counts = new Map<string, number>();
    for (const c of file.cases) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(arbitraries.eventCases.map((c) => c.name).sort());
    for (const [kind, count] of counts) expect(count, kind).toBeGreaterThanOrEqual(3);
    expect(new Set(file.cases.map((c) => c.name)).size).toBe(file.cases.length);
  });

  it("has distinct digests and signatures", () => {
    expect(new Set(file.cases.map((c) => c.digest)).size).toBe(file.cases.length);
    expect(new Set(file.cases.map((c) => c.signature)).size).toBe(file.cases.length);
  });

  it("lists the ShopEvent types the library hands to wallets", () => {
    const event = fromJson(ShopEventSchema, file.cases[0]!.event);
    const typedData = eventTypedData({ event, domain: domainOf(file.cases[0]!) });
    expect(file.primaryType).toBe(typedData.primaryType);
    expect(file.types).toEqual(toJsonTypedData(typedData.types));
  });
});

describe.each(file.cases)("golden vector $name", (c) => {
  const event = fromJson(ShopEventSchema, c.event);
  const domain = domainOf(c);

  it("rebuilds from proto3 JSON to the stored binary", () => {
    expect(bytesToHex(toBinary(ShopEventSchema, event))).toBe(c.encoded);
  });

  it("gives the stored typed data, digest, signature and signer", async () => {
    const typedData = eventTypedData({ event, domain });
    expect(toJsonTypedData({ primaryType: typedData.primaryType, domain: typedData.domain, message: typedData.message })).toEqual(c.typedData);
    expect(hashEvent({ event, domain })).toBe(c.digest);
    expect(await signEvent({ event, domain, account })).toBe(c.signature);
    expect(recoverEventSigner({ event, domain, signature: c.signature })).toBe(c.signer);
    expect(c.signer).toBe(account.address);
    expect(verifyEvent({ event, domain, signature: c.signature, address: c.signer })).toBe(true);
  });

  it("stored typed data, as a wallet gets it, hashes to the stored digest (eth-sig-util)", () => {
    const typedData = { types: file.types, ...c.typedData } as unknown as Parameters<typeof metamaskDigest>[0];
    expect(metamaskDigest(typedData)).toBe(c.digest);
  });
});
