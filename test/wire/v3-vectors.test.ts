// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Wire compatibility with version 3 of the network: every upstream test vector
// must decode with our ShopEvent schema and re-encode to the same bytes, and
// the same bytes must come out when the event is built from the vector's JSON
// form, which pins field numbers and types independently of the decoder.

import { create, fromBinary, toBinary, toJson, type DescField } from "@bufbuild/protobuf";
import { bytesToHex, hexToBytes } from "viem";
import { describe, expect, it } from "vitest";

import { ListingSchema, ShopEventSchema, type Listing, type ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { loadV3Vectors } from "../support/load-v3-vectors.js";
import { messageFromV3Json } from "../support/v3-vector-json.js";

const { shopId, events } = loadV3Vectors();

// Message-typed members of ShopEvent.union; every member is a message.
const unionMembers = ShopEventSchema.fields.filter(
  (f): f is DescField & { fieldKind: "message" } => f.oneof?.name === "union" && f.fieldKind === "message",
);

/** The union member whose message is named `type` ("UpdateOrder" → update_order). */
function unionMember(type: string): DescField & { fieldKind: "message" } {
  const field = unionMembers.find((f) => f.message.name === type);
  if (field === undefined) throw new Error(`"${type}" is not a ShopEvent union member`);
  return field;
}

const camelCase = (pascal: string): string => pascal.charAt(0).toLowerCase() + pascal.slice(1);

// Upstream quirk: the ISO strings in `object` are exactly one hour behind the
// binary (likely the Python generator read naive UTC times as UTC+1 local
// time). The binary is authoritative; the "timestamp skew" test pins the offset.
const V3_TIMESTAMP_SKEW_SECONDS = 3600;

const cases = events.map((v) => ({ ...v, name: `#${String(v.index).padStart(2, "0")} ${v.type}` }));

describe("upstream v3 test vectors", () => {
  it("has 52 events covering every ShopEvent union member", () => {
    expect(events).toHaveLength(52);
    expect(unionMembers).toHaveLength(10);
    const types = new Set(events.map((v) => v.type));
    expect([...types].sort()).toEqual(unionMembers.map((f) => f.message.name).sort());
  });

  it("has ISO timestamps exactly one hour behind the binary (timestamp skew)", () => {
    // Event #20 is the only one with a Timestamp inside `object`.
    const v = events[20]!;
    const decoded = fromBinary(ShopEventSchema, hexToBytes(v.encoded));
    if (decoded.union.case !== "listing") throw new Error("event #20 is not a Listing");
    const inStockBy = (listing: Listing) =>
      listing.stockStatuses.flatMap((s) => (s.status.case === "expectedInStockBy" ? [s.status.value.seconds] : []));

    const fromJson = inStockBy(messageFromV3Json(ListingSchema, v.object)); // "1970-04-26T16:46:39+00:00"
    const fromBinaryForm = inStockBy(decoded.union.value); // 9999999 = 1970-04-26T17:46:39Z
    expect(fromJson).toEqual([9_996_399n]);
    expect(fromBinaryForm).toEqual([9_999_999n]);
    expect(fromBinaryForm[0]! - fromJson[0]!).toBe(BigInt(V3_TIMESTAMP_SKEW_SECONDS));
  });

  it("converter rejects keys that are not proto field names, naming the path", () => {
    const order = { id: { raw: "0x6efc7e8d499f3e7e" }, change_items: { adds: [{ listingId: { raw: "0x00" } }] } };
    expect(() => messageFromV3Json(unionMember("UpdateOrder").message, order)).toThrow(
      'UpdateOrder.change_items.adds[0]: "listingId" is not a field of market.mass.OrderedItem',
    );
  });

  describe.each(cases)("$name", (v) => {
    it("decodes and re-encodes byte for byte", () => {
      const event = fromBinary(ShopEventSchema, hexToBytes(v.encoded));
      expect(event.union.case).toBe(camelCase(v.type));
      expect(event.shopId && bytesToHex(event.shopId.raw)).toBe(shopId);
      expect(bytesToHex(toBinary(ShopEventSchema, event))).toBe(v.encoded);
    });

    it("encodes the same bytes when built from the JSON object", () => {
      const field = unionMember(v.type);
      expect(field.localName).toBe(camelCase(v.type));
      const member = messageFromV3Json(field.message, v.object, {
        path: v.type,
        timestampOffsetSeconds: V3_TIMESTAMP_SKEW_SECONDS,
      });

      // Only the envelope fields come from the decoded event; the member is built from JSON.
      const decoded = fromBinary(ShopEventSchema, hexToBytes(v.encoded));
      const event = create(ShopEventSchema, {
        nonce: decoded.nonce,
        ...(decoded.shopId && { shopId: decoded.shopId }),
        ...(decoded.timestamp && { timestamp: decoded.timestamp }),
        union: { case: field.localName, value: member } as ShopEvent["union"],
      });

      // Soft, so a mismatch also shows which field differs rather than only the hex.
      expect.soft(toJson(field.message, member)).toEqual(toJson(field.message, decoded.union.value!));
      expect(bytesToHex(toBinary(ShopEventSchema, event))).toBe(v.encoded);
    });
  });
});
