// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a peer that knows decodeEnvelope reads frames it proves canonical
// with a decoder of its own (not protobuf-es reflection) sends frames crafted
// at the byte level, hoping the two decoders read one frame apart: a flipped
// bit, a cut, bytes inserted or repeated inside frames of every kind. Every
// frame must decode to the Envelope the reflective path reads (the item scan,
// then fromBinary), property for property, or be refused as that path refuses it; and a write frame that is not
// canonical never has its raw event bytes kept for the relay to store.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { assertItemCounts } from "../../src/wire/assert-item-counts.js";
import { decodeEnvelopeFrame } from "../../src/wire/decode-envelope-frame.js";
import { recordWrittenEventBytes, takeReceivedEventBytes } from "../../src/wire/received-event-bytes.js";
import { shape } from "../support/message-shape.js";
import { concat, lengthDelimited } from "../support/wire-bytes.js";

const transcripts = JSON.parse(readFileSync(new URL("../vectors/sessions.json", import.meta.url), "utf8")) as { transcripts: { entries: { frame?: string }[] }[] };
const frames = transcripts.transcripts.flatMap((t) => t.entries.flatMap((e) => (e.frame === undefined ? [] : [hexToBytes(e.frame as `0x${string}`)])));

/** One byte-level change: flip a bit, cut the end, insert bytes, or repeat a run. */
function mutate(frame: Uint8Array, [op, at, bit, extra]: [number, number, number, Uint8Array]): Uint8Array {
  const i = at % Math.max(1, frame.length);
  if (op === 0) {
    const out = frame.slice();
    out[i] = (out[i] as number) ^ (1 << (bit % 8));
    return out;
  }
  if (op === 1) return frame.slice(0, i);
  if (op === 2) return concat(frame.subarray(0, i), extra, frame.subarray(i));
  return concat(frame.subarray(0, i), frame.subarray(i, i + 1 + (bit % 8)), frame.subarray(i));
}

describe("a peer crafting frames that two Envelope decoders might read apart", () => {
  it("gets the reflective decoder's Envelope, or its refusal, for 6,000 mutated frames of every kind", () => {
    const ops = fc.sample(fc.tuple(fc.nat(3), fc.nat(), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 6 })), { numRuns: 6_000, seed: 3014 });
    let read = 0;
    let proved = 0;
    for (const [n, op] of ops.entries()) {
      const bytes = mutate(frames[n % frames.length] as Uint8Array, op);
      let reference: string | undefined;
      try {
        // The reflective path decodeEnvelope took for every frame before: the item count scan (which also refuses
        // fields running past their message, where fromBinary is lenient), then fromBinary.
        assertItemCounts({ schema: EnvelopeSchema, bytes, maxItems: 10_000, path: "bytes" });
        reference = shape(fromBinary(EnvelopeSchema, bytes));
      } catch {
        reference = undefined;
      }
      let ours: string | undefined;
      try {
        // The item cap is not what this compares (fromBinary has none).
        const decoded = bytes.length === 0 ? undefined : decodeEnvelopeFrame({ bytes, maxItems: 10_000 });
        ours = decoded === undefined ? undefined : shape(decoded.envelope);
        if (decoded?.canonical === true) proved++;
      } catch {
        ours = undefined;
      }
      expect(ours, `frame ${n}`).toBe(bytes.length === 0 ? undefined : reference);
      if (ours !== undefined) read++;
    }
    // Most mutations still decode: the comparison is not only of refusals.
    expect(read).toBeGreaterThan(1_000);
    // And many of them through the canonical reader, the one under attack.
    expect(proved).toBeGreaterThan(500);
  });

  it("never has a non-canonical write frame's raw event bytes kept: an event's Any sent twice is kept as re-encoded", () => {
    const first = create(SignedEventSchema, { event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: toBinary(ShopEventSchema, create(ShopEventSchema, { nonce: 2n })) } });
    const second = create(SignedEventSchema, { event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: toBinary(ShopEventSchema, create(ShopEventSchema, { nonce: 1n })) }, signature: { raw: new Uint8Array(65).fill(1) } });
    const signed = concat(toBinary(SignedEventSchema, first), toBinary(SignedEventSchema, second));
    const bytes = concat(toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: 8n } })), lengthDelimited(EnvelopeSchema.field.eventWriteRequest.number, lengthDelimited(1, signed)));
    const { envelope, canonical } = decodeEnvelopeFrame({ bytes });
    expect(canonical).toBe(false);
    const events = envelope.message.case === "eventWriteRequest" ? envelope.message.value.events : [];
    expect(events).toHaveLength(1);
    // What the envelope peer does: record only from canonical frames.
    if (canonical) recordWrittenEventBytes(bytes, events);
    expect(takeReceivedEventBytes(events[0] as never)).toBeUndefined();
    expect(toBinary(SignedEventSchema, events[0] as never)).toEqual(toBinary(SignedEventSchema, second));
  });
});
