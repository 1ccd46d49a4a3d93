// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A catching-up subscriber's filters read each older event's object type and id
// in place (readEventObject), not from a decode. It must give what eventObject
// gives after fromBinary for every event, and for bytes it cannot be sure of
// (mutated, duplicated, re-keyed) either the same or nothing, so the caller decodes.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ObjectIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { ShopEventSchema, UpdateOrderSchema } from "../../gen/market/mass/shop_events_pb.js";
import { ObjectType } from "../../gen/market/mass/subscription_pb.js";
import { type EventObject, eventObject } from "../../src/session/event-filter.js";
import { objectTypeOf } from "../../src/session/object-type-of.js";
import { readEventObject } from "../../src/session/read-event-object.js";
import { readRecord } from "../../src/wire/wire-reader.js";
import { arbitraries, shopEventKinds } from "../support/arbitraries.js";
import { shape } from "../support/message-shape.js";
import { concat, field, lengthDelimited } from "../support/wire-bytes.js";

// What the decoder makes of the bytes, or "throws".
const decoded = (bytes: Uint8Array): EventObject | "throws" => {
  try {
    return eventObject({ event: fromBinary(ShopEventSchema, bytes) });
  } catch {
    return "throws";
  }
};

// The top-level field records of `bytes` up to the first malformed one, as [start, end) pairs.
const records = (bytes: Uint8Array): [number, number][] => {
  const out: [number, number][] = [];
  try {
    for (let pos = 0; pos < bytes.length; ) {
      const record = readRecord({ buf: bytes, pos, end: bytes.length });
      out.push([pos, record.end]);
      pos = record.end;
    }
  } catch {
    // Earlier mutations broke the rest: edit what was read.
  }
  return out;
};

// Edits that keep most of the bytes' structure: the ones that make two readings possible.
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("append" as const), no: fc.integer({ min: 1, max: 40 }), wireType: fc.constantFrom(0, 1, 2, 5), body: fc.uint8Array({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant("widen-key" as const), at: fc.nat(), extra: fc.integer({ min: 1, max: 5 }), high: fc.boolean() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : m.kind === "append" ? 0 : m.at % bytes.length;
  switch (m.kind) {
    case "flip":
      return bytes.length === 0 ? bytes : Uint8Array.from(bytes, (b, i) => (i === at ? b ^ (1 << m.bit) : b));
    case "insert":
      return concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
    case "cut":
      return concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
    case "repeat": {
      // A top-level record written twice in a row (a message field twice: protobuf-es merges them).
      const all = records(bytes);
      const [start, end] = all[m.at % Math.max(1, all.length)] ?? [0, 0];
      return concat(bytes.subarray(0, end), bytes.subarray(start, end), bytes.subarray(end));
    }
    case "append":
      return concat(bytes, field(m.no, m.wireType, m.wireType === 2 ? [m.body.length, ...m.body] : m.wireType === 0 ? [1] : m.wireType === 1 ? new Uint8Array(8) : new Uint8Array(4)));
    case "widen-key": {
      // The key of a top-level record in a longer form: padded (same value), or with bits past 32 that protobuf-es drops.
      const all = records(bytes);
      const [start] = all[m.at % Math.max(1, all.length)] ?? [0, 0];
      let keyEnd = start;
      while (((bytes[keyEnd] as number) & 0x80) !== 0) keyEnd++;
      const key = [...bytes.subarray(start, keyEnd + 1)].map((b) => b | 0x80);
      const padding = Array.from({ length: m.extra - 1 }, () => 0x80);
      const widened = [...key, ...padding, m.high ? 0x10 : 0x00];
      return concat(bytes.subarray(0, start), widened, bytes.subarray(keyEnd + 1));
    }
  }
}

describe("readEventObject", () => {
  it("gives eventObject's answer for random events of every kind, and copies the id", () => {
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        const bytes = toBinary(ShopEventSchema, event);
        const object = readEventObject(bytes);
        expect(object).toBeDefined();
        expect(shape(object)).toBe(shape(eventObject({ event })));
        // A copy: changing the bytes afterwards leaves the object alone.
        const before = shape(object);
        bytes.fill(0xff);
        expect(shape(object)).toBe(before);
      }),
      { numRuns: 1000, seed: 2407 },
    );
  });

  it("covers every union member, with the id unset, empty and set", () => {
    const seen = new Set<string>();
    for (const kind of shopEventKinds) {
      for (const id of [undefined, create(ObjectIdSchema, {}), create(ObjectIdSchema, { raw: new Uint8Array(8).fill(7) })]) {
        const value = kind === "manifest" || kind === "updateManifest" || kind === "account" ? {} : { id };
        const event = create(ShopEventSchema, { nonce: 1n, union: { case: kind, value } as never });
        const object = readEventObject(toBinary(ShopEventSchema, event));
        expect(shape(object)).toBe(shape(eventObject({ event })));
        seen.add(`${kind}:${object?.objectType}`);
        expect(object?.objectType).toBe(objectTypeOf(kind));
      }
    }
    expect([...new Set([...seen].map((s) => s.split(":")[1]))].sort()).toEqual(
      [ObjectType.MANIFEST, ObjectType.ACCOUNT, ObjectType.LISTING, ObjectType.TAG, ObjectType.ORDER, ObjectType.INVENTORY].map(String).sort(),
    );
  });

  it("never reads mutated bytes apart from protobuf-es: the same object, or undefined for the caller to decode", () => {
    let inPlace = 0;
    let declined = 0;
    fc.assert(
      fc.property(arbitraries.event, fc.array(mutation, { minLength: 1, maxLength: 3 }), (event, mutations) => {
        let bytes: Uint8Array = toBinary(ShopEventSchema, event);
        for (const m of mutations) bytes = mutate(bytes, m);
        const object = readEventObject(bytes);
        if (object === undefined) {
          declined++;
          return;
        }
        inPlace++;
        const reading = decoded(bytes);
        // The in-place reading skips what it does not need, so bytes protobuf-es refuses elsewhere may still be read; never differently.
        if (reading !== "throws") expect(shape(object)).toBe(shape(reading));
      }),
      { numRuns: 20_000, seed: 5011 },
    );
    // Both outcomes happen, so the property is not vacuous.
    expect(inPlace).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(1000);
  });

  it("declines keys protobuf-es refuses (past 32 bits) and known fields in a wire type protobuf-es would read otherwise", () => {
    const own = lengthDelimited(UpdateOrderSchema.field.id!.number, lengthDelimited(1, new Uint8Array(8).fill(1)));
    const updateOrder = ShopEventSchema.field.updateOrder!.number;
    expect(readEventObject(concat(lengthDelimited(updateOrder, own)))?.objectType).toBe(ObjectType.ORDER);
    // A 6-byte key: protobuf-es throws "illegal tag"; a full-width reading would skip an unknown field.
    const wide = [0xf8, 0x80, 0x80, 0x80, 0x80, 0x01, 0x01];
    expect(() => fromBinary(ShopEventSchema, concat(lengthDelimited(updateOrder, own), wide))).toThrow();
    expect(readEventObject(concat(lengthDelimited(updateOrder, own), wide))).toBeUndefined();
    // UpdateOrder.set_shipping_status (a string) as a varint: protobuf-es reads a length there and walks on from it.
    const status = UpdateOrderSchema.field.setShippingStatus!.number;
    expect(readEventObject(concat(lengthDelimited(updateOrder, [...own, ...field(status, 0, [0])])))).toBeUndefined();
    expect(readEventObject(concat(lengthDelimited(updateOrder, [...own, ...lengthDelimited(status, [0x61])])))?.objectType).toBe(ObjectType.ORDER);
  });

  it("declines a union member with no bytes to read (the decode says what is wrong)", () => {
    expect(readEventObject(new Uint8Array(0))).toBeUndefined();
    expect(readEventObject(concat(field(1, 0, [5])))).toBeUndefined();
    const tag = ShopEventSchema.field.tag!.number;
    // Truncated: the member runs past the end.
    expect(readEventObject(concat(field(tag, 2, [10, 1])))).toBeUndefined();
    expect(readEventObject(concat(lengthDelimited(tag, [])))).toEqual({ objectType: ObjectType.TAG, objectId: undefined });
  });
});
