// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// One encoding per event for pushes: the relay splices each event's
// SequencedEvent bytes, built once, into every subscriber's push. The spliced
// frame must be the very bytes protobuf writes for the same push, and two
// sessions reading a recent event must share one encoding.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { WireType } from "@bufbuild/protobuf/wire";
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { encodeEnvelope, EnvelopeSchema, type SignedEvent, SignedEventSchema, SubscriptionPushRequestSchema } from "../../src/index.js";
import { sequencedEventField } from "../../src/session/push-frame.js";
import { encodeSplicedPush } from "../../src/wire/encode-spliced-push.js";
import { openStockShop } from "../support/stock-shop.js";
import * as f from "./fixtures.js";

const signed = (bytes: number): SignedEvent =>
  create(SignedEventSchema, { event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: new Uint8Array(bytes).fill(7) }, signature: { raw: new Uint8Array(65).fill(9) } });

function frames(subscriptionId: Uint8Array, entries: { signedEvent: SignedEvent; seqNo: bigint; signedEventBytes?: Uint8Array }[]): { encoded: Uint8Array; spliced: Uint8Array } {
  const encoded = toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: 5n }, message: { case: "subscriptionPushRequest", value: { subscriptionId, events: entries.map((e) => ({ event: e.signedEvent, seqNo: e.seqNo })) } } }));
  const value = create(SubscriptionPushRequestSchema, { subscriptionId });
  value.$unknown = entries.map((entry) => ({ no: 2, wireType: WireType.LengthDelimited, data: sequencedEventField(entry) }));
  // Through encodeEnvelope, as the session sends it: spliced events count against the batch limit.
  const spliced = encodeEnvelope({ envelope: create(EnvelopeSchema, { requestId: { raw: 5n }, message: { case: "subscriptionPushRequest", value } }) });
  // As the relay session writes it (relay-session.ts pump): the same bytes.
  expect(encodeSplicedPush(5n, subscriptionId, entries.map((entry) => sequencedEventField(entry)))).toEqual(spliced);
  return { encoded, spliced };
}

describe("spliced pushes", () => {
  it("are byte for byte the push protobuf encodes, for any size and seq_no, and decode to the same events", () => {
    const sizes = [0, 1, 127, 128, 300, 16_384, 70_000];
    const tooMany = Array.from({ length: 65 }, (_, i) => ({ signedEvent: signed(i), seqNo: BigInt(i + 1) }));
    expect(() => frames(new Uint8Array(0), tooMany)).toThrow(/BATCH|64/);
    const seqNos = [0n, 1n, 127n, 128n, 1n << 40n, (1n << 64n) - 1n];
    for (const subscriptionId of [new Uint8Array(0), new Uint8Array([0, 1])]) {
      const entries = sizes.map((bytes, k) => ({ signedEvent: signed(bytes), seqNo: seqNos[k % seqNos.length] as bigint }));
      const { encoded, spliced } = frames(subscriptionId, entries);
      expect(spliced).toEqual(encoded);
      const decoded = fromBinary(EnvelopeSchema, spliced).message;
      expect(decoded.case === "subscriptionPushRequest" ? decoded.value.events.map((e) => e.seqNo) : []).toEqual(entries.map((e) => e.seqNo));
    }
    // From the backend's own bytes (no encoding): the same frame.
    const event = signed(200);
    const withBytes = frames(new Uint8Array([3]), [{ signedEvent: signed(200), seqNo: 9n, signedEventBytes: toBinary(SignedEventSchema, event) }]);
    expect(withBytes.spliced).toEqual(withBytes.encoded);
  });

  it("share one encoding per recent event across the sessions that read it from the reference relay", async () => {
    const shop = await openStockShop();
    const guest = await shop.guest();
    await shop.write(guest, f.createOrder(1));
    const shopId = hexToBytes(`0x${"00".repeat(31)}17`);
    const first = shop.relay.read({ shopId, afterSeqNo: 0n });
    const second = shop.relay.read({ shopId, afterSeqNo: 0n });
    expect(first.length).toBeGreaterThan(3);
    for (const [i, entry] of first.entries()) {
      const other = second[i]!;
      // Different entry objects (one per read), the same decoded objects and the same spliced bytes.
      expect(other).not.toBe(entry);
      expect(other.signedEvent).toBe(entry.signedEvent);
      expect(other.event).toBe(entry.event);
      expect(sequencedEventField(other)).toBe(sequencedEventField(entry));
      expect(entry.signedEventBytes).toEqual(toBinary(SignedEventSchema, entry.signedEvent));
    }
    await shop.relay.close();
  });
});
