// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: one set of signed bytes, two readings. The peer sends event bytes
// that protobuf decoders read differently (a field with the wrong wire type
// hiding another event, a varint with bits beyond 64, a field key over 5
// bytes, a byte-order mark, broken UTF-8), signed the version-3 way over the
// bytes. A Go relay would store one event, we would act on another. Every
// EIP-191 path refuses exactly the bytes decoders read apart, and takes
// every other form (explicit defaults, any order, a field given twice,
// padded values): whatever we accept, protobuf-go (`buf convert`) and
// protobufjs must read as the same proto3 JSON (DIFFERENTIAL_CASES=5000
// runs more), and protobufjs's version-3 encodings of generated events are
// all accepted. Each refused class has a case two decoders read apart.
import { create, toBinary, toJson } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import fc from "fast-check";
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import {
  createSignedEvent,
  decodeShopEvent,
  hashEventBytes,
  openSignedEvent,
  SHOP_EVENT_TYPE_URL,
  ShopEventSchema,
  SignedEventSchema,
  signEventBytes,
} from "../../src/index.js";
import { shopEventArbitraries } from "../support/arbitraries.js";
import { protobufGoJson } from "../support/protobuf-go.js";
import { protobufjsDecodes, protobufjsJson, protobufjsV3Encode } from "../support/protobufjs.js";
import { thrown } from "../support/thrown.js";
import { concat, field, lengthDelimited, varint } from "../support/wire-bytes.js";
import { accountEvent, keycard, tagEvent } from "../wire-helpers/fixtures.js";

const CASES = Number(process.env.DIFFERENTIAL_CASES ?? 400);

const tagBytes = toBinary(ShopEventSchema, tagEvent(1n));
const accountBytes = toBinary(ShopEventSchema, accountEvent(1n));
// Field 10 (`tag`) alone: what a harmless Tag event adds to an event.
const tagMember = toBinary(ShopEventSchema, create(ShopEventSchema, { union: tagEvent(1n).union }));
// Tag.id is an ObjectId message around the 8 bytes (built bare before, these cases failed to decode for another reason).
const withName = (name: Uint8Array) => concat(tagBytes.subarray(0, tagBytes.length - tagMember.length), lengthDelimited(10, concat(lengthDelimited(1, lengthDelimited(1, hexToBytes("0x0000000000000007"))), lengthDelimited(2, name))));

/** Hand-built second readings: name → bytes. */
const handBuilt: Record<string, Uint8Array> = {
  // protobuf-go skips field 1 sent as LEN (wrong wire type): it reads an enroll_keycard; protobuf-es read nonce = LEN, then the hidden tag, last member wins.
  "enroll_keycard hidden behind nonce with wire type 2": concat(accountBytes, field(1, 2, varint(tagMember.length)), tagMember),
  "field 1 sent with wire type 2, empty": concat(field(1, 2, [0]), tagBytes.subarray(2)),
  "two members of the oneof": concat(tagBytes, accountBytes.subarray(accountBytes.length - (accountBytes.length - tagBytes.length + tagMember.length))),
  "nonce sent twice": concat(field(1, 0, [5]), tagBytes),
  "padded varint nonce": concat(field(1, 0, [0x81, 0x00]), tagBytes.subarray(2)),
  "fields out of order": concat(tagBytes.subarray(2), tagBytes.subarray(0, 2)),
  "leading byte-order mark in a string": withName(new TextEncoder().encode("\uFEFFsummer")),
  "broken UTF-8 in a string": withName(new Uint8Array([0x73, 0xc3, 0x28])),
  "lone surrogate as CESU bytes": withName(new Uint8Array([0xed, 0xa0, 0x80])),
  "trailing unknown field (covered by the v3 signature)": concat(tagBytes, field(99, 0, [1])),
  "unknown field before the known ones": concat(field(99, 0, [1]), tagBytes),
  "varint nonce with bits beyond 64": concat(field(1, 0, [0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f]), tagBytes.subarray(2)),
  "field key padded to 6 bytes": concat([0x88, 0x80, 0x80, 0x80, 0x80, 0x00], tagBytes.subarray(1)),
  "explicit default: an empty tag name written": withName(new Uint8Array()),
  "canonical Tag": tagBytes,
  "canonical Account": accountBytes,
};

/** Our reading: the event's proto3 JSON when hashEventBytes accepts the bytes, else "refused". */
function ourReading(bytes: Uint8Array): unknown {
  try {
    hashEventBytes({ eventBytes: bytes });
  } catch {
    return "refused";
  }
  try {
    return toJson(ShopEventSchema, decodeShopEvent({ bytes }));
  } catch {
    return "refused"; // accepted bytes with no JSON form (e.g. a timestamp out of range): Go must refuse them too
  }
}

/** Byte-level mutations of canonical events: what a fuzzing peer sends. */
function mutated(count: number): Uint8Array[] {
  const events = fc.sample(shopEventArbitraries({ maxItems: 3 }).event, { numRuns: count, seed: 9 }).map((e) => toBinary(ShopEventSchema, e));
  const ops = fc.sample(fc.tuple(fc.nat(7), fc.nat(), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 })), { numRuns: count, seed: 19 });
  return events.map((bytes, i) => {
    const [op, a, b, junk] = ops[i]!;
    const at = bytes.length === 0 ? 0 : a % bytes.length;
    const to = bytes.length === 0 ? 0 : at + (b % (bytes.length - at + 1));
    switch (op) {
      case 0: // unchanged: most accepted cases
        return bytes;
      case 1: {
        const out = bytes.slice();
        if (out.length > 0) out[at] = (out[at] as number) ^ (junk[0] as number);
        return out;
      }
      case 2:
        return concat(bytes.subarray(0, at), junk, bytes.subarray(at));
      case 3:
        return concat(bytes.subarray(0, at), bytes.subarray(to));
      case 4:
        return concat(bytes.subarray(0, to), bytes.subarray(at, to), bytes.subarray(to));
      case 5:
        return concat(bytes, field(1 + (a % 20), b % 6, junk));
      case 6:
        return concat(field(a % 16, 2, varint(to - at)), bytes.subarray(at, to), bytes);
      default:
        return concat(bytes, bytes);
    }
  });
}

describe("two readings of the same signed bytes", () => {
  it("the hidden enroll_keycard: protobuf-go reads an Account event, protobuf-es a Tag; a v3 signature over them is refused", async () => {
    const bytes = handBuilt["enroll_keycard hidden behind nonce with wire type 2"]!;
    const [goReading] = protobufGoJson([bytes]);
    expect(goReading).toHaveProperty("account.enrollKeycard");
    expect(toJson(ShopEventSchema, decodeShopEvent({ bytes }))).toHaveProperty("tag");
    // The attacker signs the bytes with a real keycard, as v3 does (personal message over the bytes).
    const signature = await keycard.signMessage({ message: { raw: bytes } });
    const signedEvent = create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: bytes }), signature: { raw: hexToBytes(signature) } });
    for (const open of [
      () => openSignedEvent({ signedEvent, scheme: "eip191" }),
      () => openSignedEvent({ signedEvent: toBinary(SignedEventSchema, signedEvent), scheme: "eip191" }),
      () => hashEventBytes({ eventBytes: bytes }),
      () => createSignedEvent({ event: bytes, signature }),
    ]) {
      expect(thrown(open)).toMatchObject({ code: "NON_CANONICAL_ENCODING" });
    }
    await expect(signEventBytes({ eventBytes: bytes, account: keycard })).rejects.toMatchObject({ code: "NON_CANONICAL_ENCODING" });
  });

  // One reading in protobuf-es, protobuf-go and protobufjs alike (the differential test below checks it).
  const acceptedAsIs = new Set([
    "canonical Tag",
    "canonical Account",
    "trailing unknown field (covered by the v3 signature)",
    "unknown field before the known ones",
    "two members of the oneof",
    "nonce sent twice",
    "padded varint nonce",
    "fields out of order",
    "explicit default: an empty tag name written",
  ]);
  it.each(Object.keys(handBuilt))("%s: refused exactly when decoders read it apart", (name) => {
    let error: unknown = "accepted";
    try {
      hashEventBytes({ eventBytes: handBuilt[name]! });
    } catch (caught) {
      error = caught;
    }
    if (acceptedAsIs.has(name)) expect(error).toBe("accepted");
    else expect(error).toMatchObject({ code: expect.stringMatching(/^(NON_CANONICAL_ENCODING|DECODE_FAILED)$/) });
  });

  it(`accepts only what protobuf-go and protobufjs read alike, over ${CASES} fuzzed and hand-built events (one buf call)`, () => {
    const cases = [...Object.values(handBuilt), ...mutated(CASES)];
    const ours = cases.map(ourReading);
    const accepted = cases.filter((_, i) => ours[i] !== "refused");
    const go = protobufGoJson(accepted);
    const disagreements = accepted.flatMap((bytes, i) => {
      const expected = JSON.stringify(ours[cases.indexOf(bytes)]);
      const pj = protobufjsJson(bytes);
      return JSON.stringify(go[i]) === expected && JSON.stringify(pj) === expected ? [] : [{ bytes: Buffer.from(bytes).toString("hex"), ours: expected, go: go[i], pj }];
    });
    expect(disagreements).toEqual([]);
    // Enough accepted cases for the comparison to mean something, and enough refused ones to have tried.
    expect(accepted.length).toBeGreaterThan(cases.length / 10);
    expect(accepted.length).toBeLessThan(cases.length);
  });

  it(`accepts protobufjs's version-3 encodings (every set field written, defaults included) of ${CASES} generated events`, async () => {
    const events = fc.sample(shopEventArbitraries({ maxItems: 3 }).event, { numRuns: CASES, seed: 29 });
    const encodings = events.map((event) => protobufjsV3Encode(toJson(ShopEventSchema, event, { alwaysEmitImplicit: true })));
    // Most carry explicit defaults, so they are not the canonical bytes.
    const longer = encodings.filter((bytes, i) => bytes.length > toBinary(ShopEventSchema, events[i]!).length).length;
    expect(longer).toBeGreaterThan(CASES / 4);
    const refused = encodings.flatMap((bytes, i) => (ourReading(bytes) === "refused" ? [Buffer.from(bytes).toString("hex")] : []));
    expect(refused).toEqual([]);
    // We read what was meant, and so do protobuf-go and protobufjs.
    const meant = events.map((event) => JSON.stringify(toJson(ShopEventSchema, event)));
    expect(encodings.map((bytes) => JSON.stringify(ourReading(bytes)))).toEqual(meant);
    expect(protobufGoJson(encodings).map((json) => JSON.stringify(json))).toEqual(meant);
    expect(encodings.map((bytes) => JSON.stringify(protobufjsJson(bytes)))).toEqual(meant);
    // Signed the v3 way and opened: the bytes are kept as signed, for storing and pushing.
    const bytes = encodings[longer > 0 ? encodings.findIndex((b, i) => b.length > toBinary(ShopEventSchema, events[i]!).length) : 0]!;
    const signature = await keycard.signMessage({ message: { raw: bytes } });
    const signedEvent = createSignedEvent({ event: bytes, signature, scheme: "eip191" });
    const opened = openSignedEvent({ signedEvent, scheme: "eip191" });
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
    const bytes = handBuilt[name]!;
    const readings: Record<string, unknown> = { "protobuf-es": esJson(bytes), "protobuf-go": protobufGoJson([bytes])[0], protobufjs: protobufjsDecodes(bytes) ? "read" : "refused" };
    expect(JSON.stringify(readings[first])).not.toBe(JSON.stringify(readings[second]));
    expect(ourReading(bytes)).toBe("refused");
  });

  it.each(["broken UTF-8 in a string", "lone surrogate as CESU bytes"])("invalid UTF-8 (%s) is no second reading: all three decoders refuse it, and so do we", (name) => {
    const bytes = handBuilt[name]!;
    expect([esJson(bytes), protobufGoJson([bytes])[0], protobufjsDecodes(bytes) ? "read" : "refused", ourReading(bytes)]).toEqual(["refused", "refused", "refused", "refused"]);
  });
});
