// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A relay keeps a written event's bytes as they arrived (src/wire/received-event-bytes.ts)
// only when the frame is proved canonical: then they are, byte for byte, what toBinary
// writes for the decoded event. A frame whose SignedEvent is not canonical (the event's
// Any sent twice: protobuf keeps the last one) records nothing, so the relay encodes what
// it decoded and checked; recorded bytes are taken once.
import { create, toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { EnvelopePeer, type InboundRequest } from "../../src/session/envelope-peer.js";
import { takeReceivedEventBytes } from "../../src/wire/received-event-bytes.js";
import { arbitraries } from "../support/arbitraries.js";
import { concat, lengthDelimited } from "../support/wire-bytes.js";

/** The write requests a relay's envelope peer hands on, for the frames given. */
function received(frames: readonly Uint8Array[]): SignedEvent[][] {
  const writes: SignedEvent[][] = [];
  const peer = new EnvelopePeer({
    transport: { send: () => undefined, close: () => undefined },
    clock: { now: () => 0 },
    timings: {},
    maxOutstanding: 8,
    maxInbound: 64,
    forbiddenRequests: new Set(),
    onRequest: ({ request }: InboundRequest) => {
      if (request.case === "eventWriteRequest") writes.push(request.value.events);
    },
    onClose: ({ reason }) => {
      throw new Error(`closed: ${reason}`);
    },
    tooManyCode: ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS,
  });
  for (const frame of frames) peer.receive(frame);
  return writes;
}

const signed = (event: Parameters<typeof toBinary<typeof ShopEventSchema>>[1], signature: Uint8Array) =>
  create(SignedEventSchema, { event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: toBinary(ShopEventSchema, event) }, signature: { raw: signature } });
const frameOf = (id: bigint, events: SignedEvent[]) => toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: id }, message: { case: "eventWriteRequest", value: { events } } }));

describe("a written event's bytes as received", () => {
  it("are toBinary's bytes for each event of a canonical write frame, taken once", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbitraries.event, fc.uint8Array({ minLength: 65, maxLength: 65 })), { minLength: 1, maxLength: 4 }), (pairs) => {
        const [events] = received([frameOf(7n, pairs.map(([event, signature]) => signed(event, signature)))]);
        expect(events).toHaveLength(pairs.length);
        for (const event of events ?? []) {
          expect(takeReceivedEventBytes(event)).toEqual(toBinary(SignedEventSchema, event));
          expect(takeReceivedEventBytes(event)).toBeUndefined();
        }
      }),
      { numRuns: 200, seed: 3013 },
    );
  });

  it("are not recorded from a frame whose SignedEvent holds its event twice: the relay encodes what it decoded", () => {
    const honest = signed(create(ShopEventSchema, { nonce: 1n }), new Uint8Array(65).fill(1));
    const other = signed(create(ShopEventSchema, { nonce: 2n }), new Uint8Array(65).fill(1));
    const honestBytes = toBinary(SignedEventSchema, honest);
    // SignedEvent field 1 (the Any) sent twice: decoders merge them and keep the second event's value.
    const twice = concat(toBinary(SignedEventSchema, create(SignedEventSchema, { event: other.event })), honestBytes);
    const frame = concat(toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: 8n } })), lengthDelimited(EnvelopeSchema.field.eventWriteRequest.number, lengthDelimited(1, twice)));
    const [events] = received([frame]);
    const event = events?.[0] as SignedEvent;
    expect(toBinary(SignedEventSchema, event)).toEqual(honestBytes);
    expect(takeReceivedEventBytes(event)).toBeUndefined();
  });
});
