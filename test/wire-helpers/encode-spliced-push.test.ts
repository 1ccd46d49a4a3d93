// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A relay's push of spliced events is written by encodeEnvelope with one copy
// of the events (src/wire/encode-spliced-push.ts); its bytes must be, byte for
// byte, what toBinary writes for the same Envelope, and every other shape of
// push must still go through toBinary.
import { create, toBinary } from "@bufbuild/protobuf";
import { WireType } from "@bufbuild/protobuf/wire";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Envelope, EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { encodeEnvelope } from "../../src/wire/encode-envelope.js";
import { splicedPushEvents } from "../../src/wire/encode-spliced-push.js";
import { sequencedEventField } from "../../src/session/push-frame.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";

const ID_EDGES = [0n, 1n, 127n, 128n, 16_383n, 16_384n, 2n ** 32n, 2n ** 63n - 1n, -1n, -(2n ** 63n)];

function push(id: bigint, subscriptionId: Uint8Array, fields: readonly Uint8Array[], events: number = 0): Envelope {
  const value = { subscriptionId, events: Array.from({ length: events }, (_, i) => ({ seqNo: BigInt(i + 1) })) };
  const envelope = create(EnvelopeSchema, { requestId: { raw: id }, message: { case: "subscriptionPushRequest", value } });
  if (envelope.message.case === "subscriptionPushRequest" && fields.length > 0) {
    envelope.message.value.$unknown = fields.map((data) => ({ no: 2, wireType: WireType.LengthDelimited, data }));
  }
  return envelope;
}

// What the relay splices: a SequencedEvent with its length prefix, as push-frame.ts builds it.
const realField = (n: number) =>
  sequencedEventField({ signedEvent: create(SignedEventSchema, { event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: new Uint8Array(n).fill(n & 0xff) } }), seqNo: BigInt(n) });

describe("encodeEnvelope of a spliced push", () => {
  it("writes toBinary's bytes for the id's varint edges, an empty and a 2-byte subscription id, and events of every length-prefix size", () => {
    const fields = [realField(1), realField(130), realField(20_000)];
    for (const id of ID_EDGES) {
      for (const subscriptionId of [new Uint8Array(0), new Uint8Array([0, 1]), new Uint8Array(200).fill(7)]) {
        const envelope = push(id, subscriptionId, fields);
        expect(splicedPushEvents(envelope), `${id}`).toHaveLength(3);
        expect(encodeEnvelope({ envelope }), `${id}`).toEqual(toBinary(EnvelopeSchema, envelope));
      }
    }
  });

  it("writes toBinary's bytes for any id, subscription id and spliced fields", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        fc.uint8Array({ maxLength: 40 }),
        fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 64 }),
        (id, subscriptionId, fields) => {
          const envelope = push(id, subscriptionId, fields);
          expect(encodeEnvelope({ envelope })).toEqual(toBinary(EnvelopeSchema, envelope));
        },
      ),
      { numRuns: 1_000, seed: 3101 },
    );
  });

  it("leaves every other push shape to toBinary, with the same bytes", () => {
    const fields = [realField(5)];
    const withKnown = push(9n, new Uint8Array([1]), fields, 2);
    const otherUnknown = push(9n, new Uint8Array([1]), fields);
    if (otherUnknown.message.case === "subscriptionPushRequest") otherUnknown.message.value.$unknown?.push({ no: 9, wireType: WireType.Varint, data: new Uint8Array([1]) });
    const envelopeUnknown = push(9n, new Uint8Array([1]), fields);
    envelopeUnknown.$unknown = [{ no: 99, wireType: WireType.Varint, data: new Uint8Array([3]) }];
    // Hand-built objects whose id or subscription id are not the schema's types are left to toBinary too.
    const numberId = push(9n, new Uint8Array([1]), fields);
    (numberId.requestId as { raw: unknown }).raw = 9;
    const arrayId = push(9n, new Uint8Array([1]), fields);
    if (arrayId.message.case === "subscriptionPushRequest") (arrayId.message.value as { subscriptionId: unknown }).subscriptionId = [1];
    expect(splicedPushEvents(numberId)).toBeUndefined();
    expect(splicedPushEvents(arrayId)).toBeUndefined();
    // A push of no events is not the spliced shape (and encodeEnvelope refuses it: 1 to 64 events).
    expect(splicedPushEvents(push(9n, new Uint8Array([1]), []))).toBeUndefined();
    for (const envelope of [withKnown, otherUnknown, envelopeUnknown]) {
      expect(splicedPushEvents(envelope)).toBeUndefined();
      expect(encodeEnvelope({ envelope })).toEqual(toBinary(EnvelopeSchema, envelope));
    }
  });
});
