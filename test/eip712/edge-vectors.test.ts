// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// test/vectors/eip712-edge.json: AuthChallenge and the edges of the mapping, as
// another implementation would read them. The file is what a fresh build gives;
// every accepted case's digest also equals viem's and eth-sig-util's; every
// refusal has the stated code and proto field path.
import { readFileSync } from "node:fs";
import { fromBinary, fromJson, type JsonValue } from "@bufbuild/protobuf";
import { type Hex, hexToBytes, recoverTypedDataAddress } from "viem";
import { describe, expect, it } from "vitest";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { authChallengeTypedData, type EventDomain, eventTypedData, hashAuthChallenge, hashEvent, isNetworkSchemaError } from "../../src/index.js";
import { buildEdgeVectors, EDGE_VECTORS_FILE } from "../../scripts/vectors-edge.js";
import { metamaskDigest, viemDigest } from "./reference-hashes.js";
import { toJsonTypedData } from "./typed-data-json.js";

type Expect = { digest: Hex; message: unknown } | { error: { code: string; path: string | null } };
interface EdgeFile {
  testKey: { address: Hex };
  authChallenge: { name: string; challenge: Hex; domain: { chainId: string; verifyingContract: Hex }; expect: { digest: Hex; signature: Hex; signer: Hex; typedData: unknown } | { error: { code: string; path: string } } }[];
  events: { name: string; event: JsonValue | null; encoded: Hex | null; domain: { name: string; version: string; chainId: string; verifyingContract: Hex }; expect: Expect }[];
}

const text = readFileSync(EDGE_VECTORS_FILE, "utf8");
const file = JSON.parse(text) as EdgeFile;
const domainOf = (d: { name?: string; version?: string; chainId: string; verifyingContract: Hex }): EventDomain => ({ ...d, chainId: BigInt(d.chainId) });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isNetworkSchemaError(error)) return { code: error.code, path: error.path ?? null };
    throw error;
  }
  return undefined;
};

// protobuf-es's own JSON reader already refuses an unpaired surrogate; set it by hand to check that hashing refuses it too.
function eventFromJson(json: JsonValue) {
  try {
    return fromJson(ShopEventSchema, json);
  } catch {
    const tag = (json as { tag: { name: string } }).tag;
    const event = fromJson(ShopEventSchema, { ...(json as object), tag: { ...tag, name: "" } });
    if (event.union.case === "tag") event.union.value.name = tag.name;
    return event;
  }
}

describe("edge vectors", () => {
  it("are what scripts/vectors-edge.ts builds (npm run vectors)", async () => {
    expect(await buildEdgeVectors()).toBe(text);
  });

  it("cover AuthChallenge, timestamps out of range, checksums, refusals", () => {
    expect(file.authChallenge.length).toBeGreaterThanOrEqual(2);
    const names = file.events.map((e) => e.name).join("\n");
    for (const topic of ["nanos", "year", "checksum", "lower case", "surrogate", "unknown field", "7 bytes"]) expect(names).toContain(topic);
  });

  it.each(file.events.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const domain = domainOf(c.domain);
    const events = [
      ...(c.encoded !== null ? [fromBinary(ShopEventSchema, hexToBytes(c.encoded))] : []),
      ...(c.event !== null ? [eventFromJson(c.event)] : []),
    ];
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      if ("error" in c.expect) {
        expect(refusal(() => hashEvent({ event, domain }))).toEqual(c.expect.error);
        continue;
      }
      expect(hashEvent({ event, domain })).toBe(c.expect.digest);
      const typedData = eventTypedData({ event, domain });
      expect(toJsonTypedData(typedData.message)).toEqual(c.expect.message);
      // Independent implementations agree.
      expect(viemDigest(typedData)).toBe(c.expect.digest);
      expect(metamaskDigest(typedData)).toBe(c.expect.digest);
    }
  });

  it.each(file.authChallenge.map((c) => [c.name, c] as const))("AuthChallenge: %s", async (_name, c) => {
    const challenge = hexToBytes(c.challenge);
    const domain = domainOf(c.domain);
    if ("error" in c.expect) {
      expect(refusal(() => hashAuthChallenge({ challenge, domain }))).toEqual(c.expect.error);
      return;
    }
    const typedData = authChallengeTypedData({ challenge, domain });
    expect(toJsonTypedData(typedData)).toEqual(c.expect.typedData);
    expect(hashAuthChallenge({ challenge, domain })).toBe(c.expect.digest);
    expect(viemDigest(typedData)).toBe(c.expect.digest);
    expect(metamaskDigest(typedData)).toBe(c.expect.digest);
    expect(await recoverTypedDataAddress({ ...typedData, signature: c.expect.signature })).toBe(file.testKey.address);
  });

  it("the key order of types carries no meaning; this package emits EIP712Domain, the primary type, then the rest by name", () => {
    const c = file.events.find((e) => "digest" in e.expect);
    if (c === undefined || c.encoded === null) throw new Error("no accepted case");
    const typedData = eventTypedData({ event: fromBinary(ShopEventSchema, hexToBytes(c.encoded)), domain: domainOf(c.domain) });
    const keys = Object.keys(typedData.types);
    expect(keys.slice(0, 2)).toEqual(["EIP712Domain", "ShopEvent"]);
    expect(keys.slice(2)).toEqual([...keys.slice(2)].sort());
    const reversed = Object.fromEntries(Object.entries(typedData.types).reverse());
    expect(viemDigest({ ...typedData, types: reversed } as typeof typedData)).toBe(hashEvent({ event: fromBinary(ShopEventSchema, hexToBytes(c.encoded)), domain: domainOf(c.domain) }));
    expect(metamaskDigest({ ...typedData, types: reversed } as typeof typedData)).toBe(viemDigest(typedData));
  });
});
