// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A relay's log entry reads its event from the stored record bytes each time a
// session filters or pushes it (an old entry, past the recent ones kept decoded).
// It must read the message fromBinary reads, whatever layout the bytes have, own
// its memory, and build no SignedEvent message on the way.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { LazyLogEntry } from "../../src/relay/lazy-log-entry.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { SHOP_EVENT_TYPE_URL } from "../../src/wire/constants.js";
import { eventObject } from "../../src/session/event-filter.js";
import { readShopEvent } from "../../src/wire/read-shop-event.js";
import { arbitraries } from "../support/arbitraries.js";
import { shape } from "../support/message-shape.js";

const signature = new Uint8Array(65).fill(9);

const honestRecord = (eventBytes: Uint8Array) =>
  toBinary(SignedEventSchema, create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: eventBytes }), signature: { raw: signature } }));

// The same SignedEvent with its fields in the other order: every decoder reads it alike, the in-place reader does not take it.
const reorderedRecord = (eventBytes: Uint8Array) => {
  const any = new BinaryWriter().tag(1, WireType.LengthDelimited).string(SHOP_EVENT_TYPE_URL).tag(2, WireType.LengthDelimited).bytes(eventBytes).finish();
  return new BinaryWriter().tag(2, WireType.LengthDelimited).bytes(new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(signature).finish()).tag(1, WireType.LengthDelimited).bytes(any).finish();
};

// An entry over `record`, as a relay's log index makes one when the recent events no longer hold it.
const entryOver = (record: Uint8Array) => new LazyLogEntry(0, { read: () => record, domain: TEST_RELAY_DOMAIN });

const expected = (record: Uint8Array): ShopEvent => fromBinary(ShopEventSchema, fromBinary(SignedEventSchema, record).event?.value ?? new Uint8Array(0));

afterEach(() => vi.restoreAllMocks());

describe("an old log entry's event", () => {
  it("is the message fromBinary reads, for random events of every kind in either SignedEvent layout, without a SignedEvent message", () => {
    const made = vi.spyOn(LazyLogEntry.prototype, "signedEvent", "get");
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        const eventBytes = toBinary(ShopEventSchema, event);
        for (const record of [honestRecord(eventBytes), reorderedRecord(eventBytes)]) expect(shape(entryOver(record).event)).toBe(shape(expected(record)));
      }),
      { numRuns: 300, seed: 4111 },
    );
    expect(made).not.toHaveBeenCalled();
  });

  it("gives its filter object without decoding the event, for random events of every kind; the other layout is decoded", () => {
    const decodedEvent = vi.spyOn(LazyLogEntry.prototype, "event", "get");
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        const eventBytes = toBinary(ShopEventSchema, event);
        expect(shape(entryOver(honestRecord(eventBytes)).object)).toBe(shape(eventObject({ event: expected(honestRecord(eventBytes)) })));
      }),
      { numRuns: 300, seed: 4127 },
    );
    expect(decodedEvent).not.toHaveBeenCalled();
    const eventBytes = toBinary(ShopEventSchema, create(ShopEventSchema, { nonce: 2n, union: { case: "tag", value: { id: { raw: new Uint8Array(8).fill(4) }, name: "t" } } }));
    expect(shape(entryOver(reorderedRecord(eventBytes)).object)).toBe(shape(eventObject({ event: expected(reorderedRecord(eventBytes)) })));
    expect(decodedEvent).toHaveBeenCalledTimes(1);
  });

  it("reads bytes the one-pass check cannot prove canonical (fields out of order, an unknown field) as fromBinary does, unknown field kept", () => {
    const event = create(ShopEventSchema, { nonce: 7n, union: { case: "tag", value: { id: { raw: new Uint8Array(8).fill(1) }, name: "t" } } });
    const canonical = toBinary(ShopEventSchema, event);
    const unknownField = new BinaryWriter().tag(999, WireType.Varint).uint32(5).finish();
    for (const eventBytes of [new Uint8Array([...canonical, ...unknownField]), new Uint8Array([...unknownField, ...canonical])]) {
      const record = honestRecord(eventBytes);
      const read = entryOver(record).event;
      expect(shape(read)).toBe(shape(expected(record)));
      expect(read.$unknown?.map((field) => field.no)).toEqual([999]);
    }
  });

  it("owns its memory: changing the record's bytes afterwards changes nothing in the event", () => {
    const id = new Uint8Array(8).fill(3);
    const record = honestRecord(toBinary(ShopEventSchema, create(ShopEventSchema, { nonce: 1n, union: { case: "tag", value: { id: { raw: id }, name: "kept" } } })));
    const read = readShopEvent(fromBinary(SignedEventSchema, record).event?.value ?? new Uint8Array(0));
    const fromEntry = entryOver(record).event;
    record.fill(0);
    for (const event of [read, fromEntry]) {
      expect(event.union.case === "tag" && [...(event.union.value.id?.raw ?? [])]).toEqual([...id]);
      expect(event.union.case === "tag" && event.union.value.name).toBe("kept");
    }
  });
});
