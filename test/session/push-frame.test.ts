// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay sizes pushes without encoding them: the computed size must be the
// encoded Envelope's, for the largest request id, and planPush must fill a
// frame exactly up to the limit.
import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { EnvelopeSchema, LIMIT_MAX_OUT_BATCH_SIZE, type SignedEvent, SignedEventSchema } from "../../src/index.js";
import { BinaryWriter } from "@bufbuild/protobuf/wire";
import { planPush, pushFrameBytes, varintBytes } from "../../src/session/push-frame.js";

// SignedEvents of varied sizes (the signature bytes are not checked here).
const signed = (bytes: number): SignedEvent =>
  create(SignedEventSchema, { event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: new Uint8Array(bytes).fill(7) }, signature: { raw: new Uint8Array(65) } });

// What one event adds to a push, counted from the field sizes (independently of the spliced bytes planPush builds):
// SequencedEvent { event = 1 (the SignedEvent), seq_no = 2 (omitted when 0) } with its tag and length.
function sequencedEventBytes(signedEvent: SignedEvent, seqNo: bigint): number {
  const signed = toBinary(SignedEventSchema, signedEvent).length;
  const body = 1 + varintBytes(signed) + signed + (seqNo === 0n ? 0 : 1 + varintBytes(seqNo));
  return 1 + varintBytes(body) + body;
}

// The sint64 with the longest zigzag varint (10 bytes).
const LONGEST_ID = -(1n << 63n);

function encoded(subscriptionId: Uint8Array, events: { signedEvent: SignedEvent; seqNo: bigint }[], id = LONGEST_ID): number {
  return toBinary(EnvelopeSchema, create(EnvelopeSchema, {
    requestId: { raw: id },
    message: { case: "subscriptionPushRequest", value: { subscriptionId, events: events.map((e) => ({ event: e.signedEvent, seqNo: e.seqNo })) } },
  })).length;
}

describe("push frame sizes", () => {
  it("counts a varint's bytes as the wire writer writes it, for numbers and bigints on every 7-bit edge", () => {
    for (let bits = 0; bits <= 64; bits++) {
      for (const big of [(1n << BigInt(bits)) - 1n, 1n << BigInt(bits)]) {
        if (big >= 1n << 64n) continue;
        const written = new BinaryWriter().uint64(big).finish().length;
        expect(varintBytes(big), `${big}n`).toBe(written);
        if (big <= BigInt(Number.MAX_SAFE_INTEGER)) expect(varintBytes(Number(big)), `${big}`).toBe(written);
      }
    }
  });

  it("equal the encoded Envelope for the longest request id, and bound it for any id", () => {
    const sizes = [0, 1, 100, 127, 128, 300, 16_383, 16_384, 70_000];
    const seqNos = [0n, 1n, 127n, 128n, 1n << 40n, (1n << 64n) - 1n];
    for (const [i, size] of sizes.entries()) {
      const events = sizes.slice(0, i + 1).map((bytes, k) => ({ signedEvent: signed(bytes), seqNo: seqNos[k % seqNos.length] as bigint }));
      for (const subscriptionId of [new Uint8Array(0), new Uint8Array([0, 1])]) {
        const computed = pushFrameBytes(subscriptionId.length, events.reduce((sum, e) => sum + sequencedEventBytes(e.signedEvent, e.seqNo), 0));
        expect(computed, `${size}`).toBe(encoded(subscriptionId, events));
        expect(computed).toBeGreaterThanOrEqual(encoded(subscriptionId, events, 1n));
      }
    }
  });

  it("planPush takes the longest run that fits the frame and the count limit", () => {
    const queue = Array.from({ length: 100 }, (_, i) => ({ signedEvent: signed(1_000 + i), seqNo: BigInt(i + 1) }));
    const id = new Uint8Array([0, 1]);
    const exact = encoded(id, queue.slice(0, 10));
    const planned = planPush(queue, { subscriptionIdBytes: 2, maxFrameBytes: exact, maxEvents: 64 });
    expect({ count: planned.count, frameBytes: planned.frameBytes }).toEqual({ count: 10, frameBytes: exact });
    // The fields a push splices are the events' SequencedEvent bytes with their length prefix, in queue order.
    expect(planned.fields.map((field) => field.length)).toEqual(queue.slice(0, 10).map((entry) => sequencedEventBytes(entry.signedEvent, entry.seqNo) - 1));
    expect(planPush(queue, { subscriptionIdBytes: 2, maxFrameBytes: exact - 1, maxEvents: 64 }).count).toBe(9);
    expect(planPush(queue, { subscriptionIdBytes: 2, maxFrameBytes: 1 << 30, maxEvents: LIMIT_MAX_OUT_BATCH_SIZE }).count).toBe(64);
    const alone = planPush(queue, { subscriptionIdBytes: 2, maxFrameBytes: 500, maxEvents: 64 });
    expect(alone).toEqual({ count: 0, fields: [], frameBytes: encoded(id, queue.slice(0, 1)) });
  });

  it("splices an entry's stored SignedEvent bytes as they are, without decoding them, into the same fields", () => {
    const events = Array.from({ length: 20 }, (_, i) => ({ signedEvent: signed(50 * i), seqNo: BigInt(1_000 + i) }));
    const limits = { subscriptionIdBytes: 2, maxFrameBytes: 1 << 20, maxEvents: 64 };
    const fromObjects = planPush(events, limits);
    // What a relay's log entry over stored bytes looks like: reading its message would decode them.
    let decoded = 0;
    const stored = events.map(({ signedEvent, seqNo }) => {
      const bytes = toBinary(SignedEventSchema, signedEvent);
      return {
        seqNo,
        signedEventBytes: bytes,
        get signedEvent(): SignedEvent {
          decoded++;
          return signedEvent;
        },
      };
    });
    expect(planPush(stored, limits)).toEqual(fromObjects);
    expect(decoded).toBe(0);
    // The same bytes object under another seq_no gets its own field, not the one made for the first.
    const moved = [{ ...events[3], seqNo: 7n, signedEventBytes: stored[3]?.signedEventBytes }] as { signedEvent: SignedEvent; seqNo: bigint; signedEventBytes: Uint8Array }[];
    expect(planPush(moved, limits).fields).toEqual(planPush([{ signedEvent: events[3]?.signedEvent as SignedEvent, seqNo: 7n }], limits).fields);
    // A first event too large alone is sized from its bytes too.
    expect(planPush(stored.slice(5), { ...limits, maxFrameBytes: 100 })).toEqual({ count: 0, fields: [], frameBytes: encoded(new Uint8Array(2), events.slice(5, 6)) });
    expect(decoded).toBe(0);
  });
});
