// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Version-3 compatibility: the EIP-191 digest of the exact event bytes
// matches every upstream vector's `hash`, every vector's signature opens to
// the vector's signer, and our digest equals viem's hashMessage on any bytes.
import { create, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import fc from "fast-check";
import { bytesToHex, hashMessage, hexToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { createSignedEvent, hashEventBytes, openSignedEvent, SHOP_EVENT_TYPE_URL, ShopEventSchema, signEventBytes } from "../../src/index.js";
import { shopEventArbitraries } from "../support/arbitraries.js";

import { loadV3Vectors } from "../support/load-v3-vectors.js";

const { signer, events } = loadV3Vectors();
const vectors = events.map((v) => ({ ...v, name: `#${String(v.index).padStart(2, "0")} ${v.type}` }));

describe("upstream v3 vectors (EIP-191)", () => {
  it("has 52 vectors, and the signer key matches the signer address", () => {
    expect(vectors).toHaveLength(52);
    expect(privateKeyToAccount(signer.key).address).toBe(signer.address);
  });

  describe.each(vectors)("$name", (v) => {
    it("hashEventBytes of the encoded bytes equals the vector's hash", () => {
      expect(hashEventBytes({ eventBytes: hexToBytes(v.encoded) })).toBe(v.hash);
    });

    it("opens (as bytes, eip191) to the vector's signer with the exact bytes kept", () => {
      const signedEvent = create(SignedEventSchema, {
        event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: hexToBytes(v.encoded) }),
        signature: { raw: hexToBytes(v.signature) },
      });
      const wire = toBinary(SignedEventSchema, signedEvent);
      const before = wire.slice();
      const opened = openSignedEvent({ signedEvent: wire, scheme: "eip191" });
      expect(opened.signer).toBe(signer.address);
      expect(bytesToHex(opened.eventBytes)).toBe(v.encoded);
      expect(wire).toEqual(before);
    });

    it("signEventBytes with the vector key reproduces a signature that opens to the same signer", async () => {
      const account = privateKeyToAccount(signer.key);
      const signature = await signEventBytes({ eventBytes: hexToBytes(v.encoded), account });
      // RFC 6979 signatures are deterministic: same key, same digest, same signature.
      expect(signature).toBe(v.signature);
      const opened = openSignedEvent({ signedEvent: createSignedEvent({ event: hexToBytes(v.encoded), signature }), scheme: "eip191" });
      expect(opened.signer).toBe(signer.address);
    });
  });
});

describe("hashEventBytes", () => {
  it("equals viem hashMessage({ raw }) on the bytes of random events (lengths across decimal-digit boundaries too)", () => {
    fc.assert(
      fc.property(shopEventArbitraries({ maxItems: 8 }).event, (event) => {
        const bytes = toBinary(ShopEventSchema, event);
        expect(hashEventBytes({ eventBytes: bytes })).toBe(hashMessage({ raw: bytes }));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses non-bytes with a typed error", () => {
    expect(() => hashEventBytes({ eventBytes: "0x01" as never })).toThrow(expect.objectContaining({ code: "WRONG_TYPE", path: "eventBytes" }));
  });
});
