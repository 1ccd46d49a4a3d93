// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The two decoding rules: EIP-191 bytes are taken in any form every decoder reads one way; EIP-712 bytes only canonical.
import { create, fromBinary, toBinary, toJson } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import fc from "fast-check";
import { hashMessage, hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { createSignedEvent, hashEventBytes, openSignedEvent, SHOP_EVENT_TYPE_URL, ShopEventSchema, SignedEventSchema, signEventBytes } from "../../src/index.js";
import { protobufjsJson } from "../support/protobufjs.js";
import { thrown } from "../support/thrown.js";
import { concat, field, lengthDelimited } from "../support/wire-bytes.js";
import { domain, keycard, tagEvent } from "./fixtures.js";

const base = (nonce: bigint) => {
  const { shopId, timestamp } = tagEvent(nonce);
  return { nonce, shopId, timestamp };
};
const payeeEvent = create(ShopEventSchema, {
  ...base(3n),
  union: { case: "updateManifest", value: { addPayee: { name: "main", address: { raw: new Uint8Array(20).fill(1) }, chainId: 1n, callAsContract: false } } },
});
const canonical = toBinary(ShopEventSchema, payeeEvent);
const payeeNumber = 1;
const manifestNumber = ShopEventSchema.fields.find((f) => f.localName === "updateManifest")!.number;
const prefixLength = canonical.length - toBinary(ShopEventSchema, create(ShopEventSchema, { union: payeeEvent.union })).length;
// What protobufjs (as version-3 clients ran it) wrote: `callAsContract: false` as 2 more bytes (field 4, varint 0).
const payeeBody = (extra: number[]) => {
  const name = lengthDelimited(1, new TextEncoder().encode("main"));
  const address = lengthDelimited(2, lengthDelimited(1, new Uint8Array(20).fill(1)));
  return concat(name, address, field(3, 0, [1]), extra);
};
const withExplicitFalse = concat(canonical.subarray(0, prefixLength), lengthDelimited(manifestNumber, lengthDelimited(payeeNumber, payeeBody(field(4, 0, [0])))));

const signedWith = (bytes: Uint8Array, signature: `0x${string}`) =>
  create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: bytes }), signature: { raw: hexToBytes(signature) } });

describe("one reading (EIP-191) and one encoding (EIP-712)", () => {
  it("the explicit callAsContract: false is 2 bytes more than the canonical form, and reads the same", () => {
    expect(withExplicitFalse.length).toBe(canonical.length + 2);
    expect(concat(canonical.subarray(0, prefixLength), lengthDelimited(manifestNumber, lengthDelimited(payeeNumber, payeeBody([]))))).toEqual(canonical);
  });

  it("EIP-191: signed, hashed and opened as the bytes that were signed", async () => {
    const signature = await signEventBytes({ eventBytes: withExplicitFalse, account: keycard });
    expect(hashEventBytes({ eventBytes: withExplicitFalse })).toMatch(/^0x/);
    const opened = openSignedEvent({ signedEvent: createSignedEvent({ event: withExplicitFalse, signature, scheme: "eip191" }), scheme: "eip191" });
    expect(opened.signer).toBe(keycard.address);
    expect(opened.eventBytes).toEqual(withExplicitFalse);
    expect(opened.signedEvent.event!.value).toEqual(withExplicitFalse);
    expect(opened.event.union.case === "updateManifest" && opened.event.union.value.addPayee?.callAsContract).toBe(false);
  });

  it("EIP-712: the signature covers values, so only the canonical form is taken", async () => {
    const { signEvent } = await import("../../src/index.js");
    const signature = await signEvent({ event: payeeEvent, domain, account: keycard });
    expect(openSignedEvent({ signedEvent: signedWith(canonical, signature), domain }).signer).toBe(keycard.address);
    expect(thrown(() => openSignedEvent({ signedEvent: signedWith(withExplicitFalse, signature), domain }))).toMatchObject({ code: "NON_CANONICAL_ENCODING" });
    expect(thrown(() => createSignedEvent({ event: withExplicitFalse, signature }))).toMatchObject({ code: "NON_CANONICAL_ENCODING", path: "event" });
  });

  it("an optional field's present default is a value, not another encoding", async () => {
    const tagId = { raw: hexToBytes("0x0000000000000007") };
    const kept = create(ShopEventSchema, { ...base(4n), union: { case: "updateTag", value: { id: tagId, delete: false } } });
    const absent = create(ShopEventSchema, { ...base(4n), union: { case: "updateTag", value: { id: tagId } } });
    const bytes = toBinary(ShopEventSchema, kept);
    expect(bytes.length).toBe(toBinary(ShopEventSchema, absent).length + 2);
    hashEventBytes({ eventBytes: bytes });
    const opened = openSignedEvent({ signedEvent: signedWith(bytes, await signEventBytes({ eventBytes: bytes, account: keycard })), scheme: "eip191" });
    expect(opened.event.union.case === "updateTag" && opened.event.union.value.delete).toBe(false);
  });

  // Replaces eip191-vectors' "refuses random bytes that are not the canonical encoding", which point 3 of issue 19 reverses (explicit defaults such as 08 00, a field given twice, unknown fields are one reading); protobuf-go is compared in test/security/two-readings-three-decoders.test.ts.
  it("EIP-191: random bytes are hashed only when decoders read them one way, and refused with a typed error otherwise", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        let digest: string | undefined;
        try {
          digest = hashEventBytes({ eventBytes: bytes });
        } catch (error) {
          expect(error).toMatchObject({ code: expect.stringMatching(/^(DECODE_FAILED|NON_CANONICAL_ENCODING)$/) });
          return;
        }
        expect(digest).toBe(hashMessage({ raw: bytes }));
        expect(protobufjsJson(bytes)).toEqual(toJson(ShopEventSchema, fromBinary(ShopEventSchema, bytes)));
      }),
      { numRuns: 300 },
    );
  });

  it("EIP-191: an explicit default nonce (08 00), not the canonical encoding, is hashed", () => {
    const bytes = new Uint8Array([0x08, 0x00]);
    expect(toBinary(ShopEventSchema, fromBinary(ShopEventSchema, bytes))).toHaveLength(0);
    expect(hashEventBytes({ eventBytes: bytes })).toBe(hashMessage({ raw: bytes }));
  });

  it("a second reading is named: field and reason", () => {
    const bom = concat(canonical.subarray(0, prefixLength), lengthDelimited(manifestNumber, lengthDelimited(payeeNumber, concat(lengthDelimited(1, new TextEncoder().encode("\uFEFFmain"))))));
    expect(thrown(() => hashEventBytes({ eventBytes: bom }))).toMatchObject({
      code: "NON_CANONICAL_ENCODING",
      path: "eventBytes",
      secondReading: { field: "update_manifest.add_payee.name", reason: expect.stringContaining("byte-order mark") },
    });
  });
});
