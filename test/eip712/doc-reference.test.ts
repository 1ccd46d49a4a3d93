// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// hashEvent against the reference written from docs/eip712.md alone
// (doc-reference.ts, fed proto3 JSON, hashed by ethers). viem, ethers and
// eth-sig-util elsewhere all hash eventTypedData's output, which shares its
// value-reading code with hashEvent; this reference shares none, so a bug in
// how the library reads a value (an optional "" taken as absent, say) shows here.
import { fromBinary, type JsonObject, toJson } from "@bufbuild/protobuf";
import { TypedDataEncoder } from "ethers";
import fc from "fast-check";
import { hexToBytes, keccak256, stringToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { eip712Structs } from "../../gen/market/mass/eip712_pb.js";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { hashEvent } from "../../src/index.js";
import { arbitraries } from "../support/arbitraries.js";
import { loadV3Vectors } from "../support/load-v3-vectors.js";
import { referenceMessage, referenceTypes } from "./doc-reference.js";

// Explicit name and version, so neither side relies on its defaults.
const domain = { name: "MassMarket", version: "1", chainId: 84_532, verifyingContract: "0x000000000000000000000000000000000000dEaD" } as const;
const types = referenceTypes(ShopEventSchema);

const referenceDigest = (event: ShopEvent): string =>
  TypedDataEncoder.hash(domain, types, referenceMessage(ShopEventSchema, toJson(ShopEventSchema, event) as JsonObject));

describe("docs/eip712.md reference implementation", () => {
  it("derives the documented ShopEvent struct (§4: declaration order, proto names)", () => {
    expect(TypedDataEncoder.from(types).encodeType("ShopEvent")).toMatch(/^ShopEvent\(uint64 nonce,uint256\[\] shop_id,google_protobuf_Timestamp\[\] timestamp,Manifest\[\] manifest,/);
  });

  it("derives the type hash the generator wrote for every struct it reaches", () => {
    const encoder = TypedDataEncoder.from(types);
    const generated = new Map(Object.values(eip712Structs).map((s) => [s.name as string, s.typeHash as string]));
    expect(Object.keys(types).length).toBeGreaterThan(30);
    for (const name of Object.keys(types)) expect(keccak256(stringToBytes(encoder.encodeType(name))), name).toBe(generated.get(name));
  });

  const v3 = loadV3Vectors().events;
  it(`agrees with hashEvent on all ${v3.length} version-3 events`, () => {
    expect(v3.length).toBeGreaterThanOrEqual(52);
    for (const vector of v3) {
      const event = fromBinary(ShopEventSchema, hexToBytes(vector.encoded));
      expect(hashEvent({ event, domain }), `v3 event #${vector.index} (${vector.type})`).toBe(referenceDigest(event));
    }
  });

  it("agrees with hashEvent on generated events of every kind and edge case", () => {
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        expect(hashEvent({ event, domain })).toBe(referenceDigest(event));
      }),
      { numRuns: 400 },
    );
  });
});
