// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// decodeEnvelope reads frames the one-pass check proves canonical without
// protobuf-es reflection: the Envelope must be the one fromBinary builds,
// property for property, for every frame of the session transcripts and for
// random frames of every request and response kind; frames the pass cannot
// prove (fields out of order, unknown fields) still decode through fromBinary.
import { create, fromBinary, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { ObjectType } from "../../gen/market/mass/subscription_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { provedCanonical } from "../../src/wire/canonical-wire.js";
import { decodeEnvelope } from "../../src/wire/decode-envelope.js";
import { arbitraries, MAX_UINT64 } from "../support/arbitraries.js";
import { shape } from "../support/message-shape.js";

function sameAsFromBinary(bytes: Uint8Array, label: string): boolean {
  // The transcripts include a refused write of 65 events: the item cap is not what this compares.
  const read = decodeEnvelope({ bytes, maxItems: 1_000 });
  expect(shape(read), label).toBe(shape(fromBinary(EnvelopeSchema, bytes)));
  // The result never shares the caller's memory: writing into the frame changes nothing read.
  const before = shape(read);
  bytes.fill(0xff);
  expect(shape(read), label).toBe(before);
  return true;
}

type Message = NonNullable<MessageInitShape<typeof EnvelopeSchema>["message"]>;
const u64 = fc.bigInt({ min: 1n, max: MAX_UINT64 });
// RequestId.raw is an int64: negative ids take ten bytes on the wire.
const requestId = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const bytesOf = (maxLength: number) => fc.uint8Array({ maxLength });
const signedEvent = fc.record({ event: arbitraries.event, signature: fc.uint8Array({ minLength: 65, maxLength: 65 }) }).map(({ event, signature }) => ({
  event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: toBinary(ShopEventSchema, event) },
  signature: { raw: signature },
}));
const message: fc.Arbitrary<Message> = fc.oneof(
  fc.constant<Message>({ case: "response", value: {} }),
  bytesOf(64).map<Message>((payload) => ({ case: "response", value: { response: { case: "payload", value: payload } } })),
  fc.record({ message: fc.string(), rule: fc.string(), path: fc.string({ unit: "grapheme" }), hint: fc.string() }).map<Message>((error) => ({ case: "response", value: { response: { case: "error", value: { code: ErrorCodes.INVALID, ...error } } } })),
  fc.array(signedEvent, { maxLength: 3 }).map<Message>((events) => ({ case: "eventWriteRequest", value: { events } })),
  fc.record({ seq: fc.bigInt({ min: 0n, max: MAX_UINT64 }), shop: bytesOf(32), filters: fc.array(fc.record({ type: fc.constantFrom(ObjectType.LISTING, ObjectType.ORDER, ObjectType.TAG), id: fc.option(u64, { nil: undefined }) }), { maxLength: 3 }) }).map<Message>(({ seq, shop, filters }) => ({
    case: "subscriptionRequest",
    value: { startShopSeqNo: seq, shopId: { raw: shop }, filters: filters.map(({ type, id }) => ({ objectType: type, objectId: id === undefined ? undefined : { raw: hexToBytes(`0x${id.toString(16).padStart(16, "0")}`) } })) },
  })),
  fc.record({ id: bytesOf(16), events: fc.array(fc.record({ event: signedEvent, seqNo: u64 }), { maxLength: 3 }) }).map<Message>(({ id, events }) => ({ case: "subscriptionPushRequest", value: { subscriptionId: id, events } })),
  u64.map<Message>((unpushedEvents) => ({ case: "syncStatusRequest", value: { unpushedEvents } })),
  fc.constant<Message>({ case: "pingRequest", value: {} }),
  fc.uint8Array({ minLength: 33, maxLength: 33 }).map<Message>((raw) => ({ case: "authRequest", value: { publicKey: { raw } } })),
  fc.uint8Array({ minLength: 65, maxLength: 65 }).map<Message>((raw) => ({ case: "challengeSolutionRequest", value: { signature: { raw } } })),
);

describe("decodeEnvelope: frames proved canonical are read without reflection", () => {
  it("reads every frame of the session transcripts as fromBinary does, each through the one-pass proof", () => {
    const transcripts = JSON.parse(readFileSync(new URL("../vectors/sessions.json", import.meta.url), "utf8")) as { transcripts: { entries: { frame?: string }[] }[] };
    let proved = 0;
    for (const [t, transcript] of transcripts.transcripts.entries()) {
      for (const [e, entry] of transcript.entries.entries()) {
        if (entry.frame === undefined) continue;
        const bytes = hexToBytes(entry.frame as `0x${string}`);
        let reference;
        try {
          reference = fromBinary(EnvelopeSchema, bytes);
        } catch {
          // A frame protobuf cannot read is refused by decodeEnvelope too.
          expect(() => decodeEnvelope({ bytes })).toThrow();
          continue;
        }
        if (reference.message.case !== undefined && provedCanonical({ schema: EnvelopeSchema, bytes })) proved++;
        sameAsFromBinary(bytes, `transcript ${t} entry ${e}`);
      }
    }
    expect(proved).toBeGreaterThan(75);
  });

  it("reads random frames of every kind (write, push, subscription, responses with payload or error, login) as fromBinary does", () => {
    fc.assert(
      fc.property(requestId, message, (raw, value) => {
        const bytes = toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw }, message: value }));
        expect(provedCanonical({ schema: EnvelopeSchema, bytes })).toBe(true);
        return sameAsFromBinary(bytes, "random");
      }),
      { numRuns: 400, seed: 3011 },
    );
  });

  it("still reads frames it cannot prove: the request id written after the message, and an unknown field", () => {
    const ping = toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: 9n }, message: { case: "pingRequest", value: {} } }));
    // Field 1 (request_id, 3 bytes) moved behind the message: valid protobuf, not the canonical order.
    const reordered = new Uint8Array([...ping.subarray(4), ...ping.subarray(0, 4)]);
    const unknown = new Uint8Array([...ping, 0xf8, 0x3f, 0x01]);
    for (const bytes of [reordered, unknown]) {
      expect(provedCanonical({ schema: EnvelopeSchema, bytes })).toBe(false);
      const read = decodeEnvelope({ bytes });
      expect(read.requestId?.raw).toBe(9n);
      expect(read.message.case).toBe("pingRequest");
      sameAsFromBinary(bytes, "unproved");
    }
  });
});
