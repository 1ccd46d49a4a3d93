// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: one set of signed bytes, two readings. The peer sends event bytes
// that protobuf-es and protobuf-go decode differently (a field with the wrong
// wire type hiding another event, two oneof members, repeated fields, padded
// varints, a byte-order mark, broken UTF-8), signed the version-3 way over
// the bytes. A Go relay would store one event, we would act on another.
// Every path that takes signed bytes must refuse bytes that decoders read
// apart (EIP-191: any other form is taken; EIP-712: only the canonical
// encoding of what was decoded); and whatever we accept,
// protobuf-go must read as the same proto3 JSON (differential test against
// `buf convert`; DIFFERENTIAL_CASES=5000 runs more).
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
import { thrown } from "../support/thrown.js";
import { concat, field, lengthDelimited, varint } from "../support/wire-bytes.js";
import { accountEvent, keycard, tagEvent } from "../wire-helpers/fixtures.js";

const CASES = Number(process.env.DIFFERENTIAL_CASES ?? 400);

const tagBytes = toBinary(ShopEventSchema, tagEvent(1n));
const accountBytes = toBinary(ShopEventSchema, accountEvent(1n));
// Field 10 (`tag`) alone: what a harmless Tag event adds to an event.
const tagMember = toBinary(ShopEventSchema, create(ShopEventSchema, { union: tagEvent(1n).union }));
const withName = (name: Uint8Array) => concat(tagBytes.subarray(0, tagBytes.length - tagMember.length), lengthDelimited(10, concat(lengthDelimited(1, hexToBytes("0x0000000000000007")), lengthDelimited(2, name))));

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
  "trailing unknown field (canonical: covered by the v3 signature)": concat(tagBytes, field(99, 0, [1])),
  "unknown field before the known ones": concat(field(99, 0, [1]), tagBytes),
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

  // One reading, not one encoding (issue 19, point 3): the last five are read alike by protobuf-es, protobuf-go and protobufjs (two-readings-three-decoders.test.ts).
  const acceptedAsIs = new Set(["canonical Tag", "canonical Account", "trailing unknown field (canonical: covered by the v3 signature)", "two members of the oneof", "nonce sent twice", "padded varint nonce", "fields out of order", "unknown field before the known ones"]);
  it.each(Object.keys(handBuilt))("%s: refused unless every decoder reads it one way", (name) => {
    let error: unknown = "accepted";
    try {
      hashEventBytes({ eventBytes: handBuilt[name]! });
    } catch (caught) {
      error = caught;
    }
    if (acceptedAsIs.has(name)) expect(error).toBe("accepted");
    else expect(error).toMatchObject({ code: expect.stringMatching(/^(NON_CANONICAL_ENCODING|DECODE_FAILED)$/) });
  });

  it(`accepts only what protobuf-go reads alike, over ${CASES} fuzzed and hand-built events (one buf call)`, () => {
    const cases = [...Object.values(handBuilt), ...mutated(CASES)];
    const ours = cases.map(ourReading);
    const accepted = cases.filter((_, i) => ours[i] !== "refused");
    const go = protobufGoJson(accepted);
    const disagreements = accepted.flatMap((bytes, i) => {
      const expected = ours[cases.indexOf(bytes)];
      return JSON.stringify(go[i]) === JSON.stringify(expected) ? [] : [{ bytes: Buffer.from(bytes).toString("hex"), ours: expected, go: go[i] }];
    });
    expect(disagreements).toEqual([]);
    // Enough accepted cases for the comparison to mean something, and enough refused ones to have tried.
    expect(accepted.length).toBeGreaterThan(cases.length / 10);
    expect(accepted.length).toBeLessThan(cases.length);
  });
});
