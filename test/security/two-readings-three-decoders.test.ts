// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: one set of signed bytes, two readings, judged by three decoders.
// The peer signs event bytes the version-3 way (EIP-191 over the bytes) in
// a form protobuf decoders may read differently: a field with the wrong wire
// type hiding another event, a varint with bits beyond 64, a field key over
// 5 bytes, a byte-order mark, broken UTF-8. Under "one reading, not one
// encoding" (issue 19, point 3) every EIP-191 path refuses exactly the bytes
// protobuf-es, protobuf-go (`buf convert`) and protobufjs read apart, and
// takes every other form (explicit defaults, any order, a field given twice,
// padded values): whatever we accept, protobuf-go and protobufjs read as the
// same proto3 JSON (DIFFERENTIAL_CASES=5000 runs more), protobufjs's
// version-3 encodings of generated events are all accepted, and each refused
// class has a case two decoders read apart. (two-readings.test.ts is the
// older attack file, against protobuf-go alone.)
import { create, toBinary, toJson } from "@bufbuild/protobuf";
import fc from "fast-check";
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { createSignedEvent, decodeShopEvent, hashEventBytes, openSignedEvent, ShopEventSchema } from "../../src/index.js";
import { shopEventArbitraries } from "../support/arbitraries.js";
import { protobufGoJson } from "../support/protobuf-go.js";
import { protobufjsDecodes, protobufjsJson, protobufjsV3Encode } from "../support/protobufjs.js";
import { concat, field, lengthDelimited, varint } from "../support/wire-bytes.js";
import { accountEvent, keycard, tagEvent } from "../wire-helpers/fixtures.js";

const CASES = Number(process.env.DIFFERENTIAL_CASES ?? 400);

const tag = toBinary(ShopEventSchema, tagEvent(1n));
const account = toBinary(ShopEventSchema, accountEvent(1n));
const member = toBinary(ShopEventSchema, create(ShopEventSchema, { union: tagEvent(1n).union }));
// A Tag event whose name is `name`; Tag.id is an ObjectId message around the 8 bytes.
const named = (name: Uint8Array) => concat(tag.subarray(0, tag.length - member.length), lengthDelimited(10, concat(lengthDelimited(1, lengthDelimited(1, hexToBytes("0x0000000000000007"))), lengthDelimited(2, name))));

/** What the hostile peer signs: name → bytes, and whether every decoder reads it one way. */
const cases: Record<string, { bytes: Uint8Array; oneReading: boolean }> = {
  "enroll_keycard hidden behind nonce with wire type 2": { bytes: concat(account, field(1, 2, varint(member.length)), member), oneReading: false },
  "field 1 sent with wire type 2, empty": { bytes: concat(field(1, 2, [0]), tag.subarray(2)), oneReading: false },
  "varint nonce with bits beyond 64": { bytes: concat(field(1, 0, [0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f]), tag.subarray(2)), oneReading: false },
  "field key padded to 6 bytes": { bytes: concat([0x88, 0x80, 0x80, 0x80, 0x80, 0x00], tag.subarray(1)), oneReading: false },
  "leading byte-order mark in a string": { bytes: named(new TextEncoder().encode("\uFEFFsummer")), oneReading: false },
  "broken UTF-8 in a string": { bytes: named(new Uint8Array([0x73, 0xc3, 0x28])), oneReading: false },
  "lone surrogate as CESU bytes": { bytes: named(new Uint8Array([0xed, 0xa0, 0x80])), oneReading: false },
  "two members of the oneof": { bytes: concat(tag, account.subarray(tag.length - member.length)), oneReading: true },
  "nonce sent twice": { bytes: concat(field(1, 0, [5]), tag), oneReading: true },
  "padded varint nonce": { bytes: concat(field(1, 0, [0x81, 0x00]), tag.subarray(2)), oneReading: true },
  "fields out of order": { bytes: concat(tag.subarray(2), tag.subarray(0, 2)), oneReading: true },
  "unknown field before the known ones": { bytes: concat(field(99, 0, [1]), tag), oneReading: true },
  "trailing unknown field": { bytes: concat(tag, field(99, 0, [1])), oneReading: true },
  "explicit default: an empty tag name written": { bytes: named(new Uint8Array()), oneReading: true },
  "canonical Tag": { bytes: tag, oneReading: true },
};

/** Our reading under EIP-191: the proto3 JSON when hashEventBytes takes the bytes, else "refused". */
const ours = (bytes: Uint8Array): unknown => {
  try {
    hashEventBytes({ eventBytes: bytes });
    return toJson(ShopEventSchema, decodeShopEvent({ bytes }));
  } catch {
    return "refused";
  }
};

/** Generated events, half as protobufjs writes them for v3 clients (defaults included), edited the way a fuzzing peer does. */
function fuzzed(count: number): Uint8Array[] {
  const events = fc.sample(shopEventArbitraries({ maxItems: 3 }).event, { numRuns: count, seed: 39 });
  const edits = fc.sample(fc.tuple(fc.nat(), fc.nat(4), fc.uint8Array({ minLength: 1, maxLength: 3 })), { numRuns: count, seed: 49 });
  return events.map((event, i) => {
    const bytes = i % 2 === 0 ? toBinary(ShopEventSchema, event) : protobufjsV3Encode(toJson(ShopEventSchema, event, { alwaysEmitImplicit: true }));
    const [at, kind, junk] = edits[i]!;
    const cut = bytes.length === 0 ? 0 : at % bytes.length;
    const flipped = bytes.slice();
    if (flipped.length > 0) flipped[cut] = (flipped[cut] as number) ^ (junk[0] as number);
    // As encoded, junk inserted, one byte flipped, a field appended, or the tail given twice.
    return [bytes, concat(bytes.subarray(0, cut), junk, bytes.subarray(cut)), flipped, concat(bytes, field(1 + (at % 20), at % 6, junk)), concat(bytes, bytes.subarray(cut))][kind]!;
  });
}

describe("two readings of EIP-191 bytes, by protobuf-es, protobuf-go and protobufjs", () => {
  it.each(Object.keys(cases))("%s: refused exactly when decoders read it apart", (name) => {
    const { bytes, oneReading } = cases[name]!;
    if (oneReading) expect(ours(bytes)).not.toBe("refused");
    else expect(() => hashEventBytes({ eventBytes: bytes })).toThrow(expect.objectContaining({ code: expect.stringMatching(/^(NON_CANONICAL_ENCODING|DECODE_FAILED)$/) }));
  });

  it(`accepts only what protobuf-go and protobufjs read alike, over ${CASES} fuzzed and ${Object.keys(cases).length} hand-built events (one buf call)`, () => {
    const all = [...Object.values(cases).map((c) => c.bytes), ...fuzzed(CASES)];
    const readings = all.map(ours);
    const accepted = all.filter((_, i) => readings[i] !== "refused");
    const expected = readings.filter((r) => r !== "refused").map((r) => JSON.stringify(r));
    const go = protobufGoJson(accepted).map((json) => JSON.stringify(json));
    const disagreements = accepted.flatMap((bytes, i) => {
      const pj = JSON.stringify(protobufjsJson(bytes));
      return go[i] === expected[i] && pj === expected[i] ? [] : [{ bytes: Buffer.from(bytes).toString("hex"), ours: expected[i], go: go[i], pj }];
    });
    expect(disagreements).toEqual([]);
    // Enough accepted cases for the comparison to mean something, and enough refused ones to have tried.
    expect(accepted.length).toBeGreaterThan(all.length / 10);
    expect(accepted.length).toBeLessThan(all.length);
  });

  it(`accepts protobufjs's version-3 encodings (every set field written, defaults included) of ${CASES} generated events`, async () => {
    const events = fc.sample(shopEventArbitraries({ maxItems: 3 }).event, { numRuns: CASES, seed: 29 });
    const encodings = events.map((event) => protobufjsV3Encode(toJson(ShopEventSchema, event, { alwaysEmitImplicit: true })));
    // Most carry explicit defaults, so they are not the canonical bytes.
    const longer = encodings.findIndex((bytes, i) => bytes.length > toBinary(ShopEventSchema, events[i]!).length);
    expect(encodings.filter((bytes, i) => bytes.length > toBinary(ShopEventSchema, events[i]!).length).length).toBeGreaterThan(CASES / 4);
    expect(encodings.flatMap((bytes) => (ours(bytes) === "refused" ? [Buffer.from(bytes).toString("hex")] : []))).toEqual([]);
    // We read what was meant, and so do protobuf-go and protobufjs.
    const meant = events.map((event) => JSON.stringify(toJson(ShopEventSchema, event)));
    expect(encodings.map((bytes) => JSON.stringify(ours(bytes)))).toEqual(meant);
    expect(protobufGoJson(encodings).map((json) => JSON.stringify(json))).toEqual(meant);
    expect(encodings.map((bytes) => JSON.stringify(protobufjsJson(bytes)))).toEqual(meant);
    // Signed the v3 way and opened: the bytes are kept as signed, for storing and pushing.
    const bytes = encodings[longer]!;
    const signature = await keycard.signMessage({ message: { raw: bytes } });
    const opened = openSignedEvent({ signedEvent: createSignedEvent({ event: bytes, signature, scheme: "eip191" }), scheme: "eip191" });
    expect(opened.signer).toBe(keycard.address);
    expect(Buffer.from(opened.eventBytes).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(opened.signedEvent.event!.value).equals(Buffer.from(bytes))).toBe(true);
  });

  // Each refused class, with two decoders that read the bytes apart: why it is refused.
  const esJson = (bytes: Uint8Array): unknown => {
    try {
      return toJson(ShopEventSchema, decodeShopEvent({ bytes }));
    } catch {
      return "refused";
    }
  };
  it.each([
    ["wire-type mismatch", "enroll_keycard hidden behind nonce with wire type 2", "protobuf-es", "protobuf-go"],
    ["varint beyond 64 bits", "varint nonce with bits beyond 64", "protobuf-es", "protobuf-go"],
    ["field key over 5 bytes", "field key padded to 6 bytes", "protobuf-es", "protobuf-go"],
    ["leading byte-order mark", "leading byte-order mark in a string", "protobuf-es", "protobuf-go"],
  ])("refused class %s: %s is read apart by %s and %s", (_class, name, first, second) => {
    const { bytes } = cases[name]!;
    const readings: Record<string, unknown> = { "protobuf-es": esJson(bytes), "protobuf-go": protobufGoJson([bytes])[0], protobufjs: protobufjsDecodes(bytes) ? "read" : "refused" };
    expect(JSON.stringify(readings[first])).not.toBe(JSON.stringify(readings[second]));
    expect(ours(bytes)).toBe("refused");
  });

  it.each(["broken UTF-8 in a string", "lone surrogate as CESU bytes"])("invalid UTF-8 (%s) is no second reading: all three decoders refuse it, and so do we", (name) => {
    const { bytes } = cases[name]!;
    expect([esJson(bytes), protobufGoJson([bytes])[0], protobufjsDecodes(bytes) ? "read" : "refused", ours(bytes)]).toEqual(["refused", "refused", "refused", "refused"]);
  });
});
