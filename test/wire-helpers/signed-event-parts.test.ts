// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// openSignedEvent reads honest SignedEvent bytes in place (signedEventParts)
// and decodes every other layout as a message: the in-place reader takes
// exactly the one layout, and opening gives the same result and the same
// errors either way, on honest frames and on frames changed byte by byte.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { bytesToHex, hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { SignatureSchema } from "../../gen/market/mass/base_types_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { openSignedEvent, SHOP_EVENT_TYPE_URL, signEvent } from "../../src/index.js";
import { signedEventParts } from "../../src/wire/signed-event-parts.js";
import { seededBytes } from "../support/keccak-equivalence.js";
import { domain, keycard, tagEvent } from "./fixtures.js";

const event = tagEvent(1n);
const eventBytes = toBinary(ShopEventSchema, event);
const raw = hexToBytes(await signEvent({ event, domain, account: keycard }));
const honest = toBinary(SignedEventSchema, create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: eventBytes }), signature: create(SignatureSchema, { raw }) }));

// What opening gives, as comparable text: the result's parts, or the error's class, code and path.
function outcome(open: () => ReturnType<typeof openSignedEvent>): string {
  try {
    const opened = open();
    return JSON.stringify([opened.signer, bytesToHex(opened.eventBytes), bytesToHex(toBinary(SignedEventSchema, opened.signedEvent)), bytesToHex(toBinary(ShopEventSchema, opened.event))]);
  } catch (error) {
    const { name, code, path } = error as { name: string; code?: string; path?: string };
    return JSON.stringify([name, code, path]);
  }
}

// Opening the bytes (in place when honest) against opening the message protobuf-es decodes from them.
function bothWays(bytes: Uint8Array): [string, string] {
  let message: ReturnType<typeof fromBinary<typeof SignedEventSchema>>;
  try {
    message = fromBinary(SignedEventSchema, bytes.slice());
  } catch {
    // Bytes protobuf-es cannot read are refused as a DecodeError before anything else.
    return [outcome(() => openSignedEvent({ signedEvent: bytes, domain })), JSON.stringify(["DecodeError", "DECODE_FAILED", "signedEvent"])];
  }
  return [outcome(() => openSignedEvent({ signedEvent: bytes, domain })), outcome(() => openSignedEvent({ signedEvent: message, domain }))];
}

describe("signedEventParts", () => {
  it("reads the honest layout's value and raw as views of the input", () => {
    const parts = signedEventParts(honest);
    expect(parts).toBeDefined();
    expect(bytesToHex(parts!.value)).toBe(bytesToHex(eventBytes));
    expect(bytesToHex(parts!.raw)).toBe(bytesToHex(raw));
    expect(parts!.value.buffer).toBe(honest.buffer);
  });

  it("leaves every other layout to the decoder: fields swapped, repeated, padded lengths, unknown fields, empty parts, another type URL", () => {
    const any = toBinary(AnySchema, create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: eventBytes }));
    const signature = toBinary(SignatureSchema, create(SignatureSchema, { raw }));
    const field = (tag: number, body: Uint8Array, padded = false) => Uint8Array.from([tag, ...(padded ? [(body.length & 0x7f) | 0x80, body.length >> 7] : lengthBytes(body.length)), ...body]);
    const layouts = {
      swapped: [...field(0x12, signature), ...field(0x0a, any)],
      "event twice": [...field(0x0a, any), ...field(0x0a, any), ...field(0x12, signature)],
      "signature twice": [...field(0x0a, any), ...field(0x12, signature), ...field(0x12, signature)],
      "padded length": [...field(0x0a, any, true), ...field(0x12, signature)],
      "unknown field after": [...field(0x0a, any), ...field(0x12, signature), 0x18, 0x01],
      "no signature": [...field(0x0a, any)],
      "empty raw": [...field(0x0a, any), ...field(0x12, new Uint8Array(0))],
      "empty value": [...field(0x0a, toBinary(AnySchema, create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL }))), ...field(0x12, signature)],
      "other type URL": [...field(0x0a, toBinary(AnySchema, create(AnySchema, { typeUrl: `${SHOP_EVENT_TYPE_URL}X`, value: eventBytes }))), ...field(0x12, signature)],
    };
    expect(bytesToHex(Uint8Array.from([...field(0x0a, any), ...field(0x12, signature)]))).toBe(bytesToHex(honest));
    for (const [name, bytes] of Object.entries(layouts)) {
      expect(signedEventParts(Uint8Array.from(bytes)), name).toBeUndefined();
      const [inPlace, decoded] = bothWays(Uint8Array.from(bytes));
      expect(inPlace, name).toBe(decoded);
    }
  });

  it("opens honest bytes and the decoded message alike, and 3,000 frames changed in one to three bytes alike", () => {
    const [inPlace, decoded] = bothWays(honest);
    expect(inPlace).toBe(decoded);
    expect(JSON.parse(inPlace)[0]).toBe(keycard.address);
    const random = seededBytes(2329);
    let readInPlace = 0;
    for (let i = 0; i < 3000; i++) {
      const bytes = honest.slice();
      const changes = 1 + ((random(1)[0] as number) % 3);
      for (let c = 0; c < changes; c++) {
        const [a = 0, b = 0, value = 0] = random(3);
        bytes[((a << 8) | b) % bytes.length] = value;
      }
      if (signedEventParts(bytes) !== undefined) readInPlace++;
      const [one, other] = bothWays(bytes);
      expect(one, bytesToHex(bytes)).toBe(other);
    }
    // Most changes land in the event or the signature, which the in-place reader passes on to be checked.
    expect(readInPlace).toBeGreaterThan(1000);
  });

  it("does not read past a length that overruns the frame", () => {
    const cut = honest.slice(0, honest.length - 1);
    expect(signedEventParts(cut)).toBeUndefined();
    const [inPlace, decoded] = bothWays(cut);
    expect(inPlace).toBe(decoded);
  });
});

describe("openSignedEvent's forwarded SignedEvent", () => {
  it("is built once, on first read, from bytes the caller cannot change afterwards", () => {
    const input = honest.slice();
    const opened = openSignedEvent({ signedEvent: input, domain });
    opened.eventBytes.fill(0);
    input.fill(0);
    const forwarded = opened.signedEvent;
    expect(opened.signedEvent).toBe(forwarded);
    expect(bytesToHex(toBinary(SignedEventSchema, forwarded))).toBe(bytesToHex(honest));
    expect({ ...opened }.signedEvent).toBe(forwarded);
  });
});

function lengthBytes(length: number): number[] {
  return length < 0x80 ? [length] : [(length & 0x7f) | 0x80, length >> 7];
}
