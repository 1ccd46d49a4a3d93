// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// An EIP-712 signature covers decoded values; other byte forms of the same event are refused.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { createSignedEvent, hashEvent, isNonCanonicalEncodingError, openSignedEvent, signEvent } from "../../src/index.js";
import { domain, keycard, tagEvent } from "./fixtures.js";

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

async function signedWithBytes(eventBytes: Uint8Array) {
  const event = tagEvent(5n);
  const signature = await signEvent({ event, domain, account: keycard });
  const signed = create(SignedEventSchema, { ...createSignedEvent({ event, signature }) });
  signed.event = { $typeName: "google.protobuf.Any", typeUrl: signed.event!.typeUrl, value: eventBytes };
  return { event, signed };
}

describe("openSignedEvent (eip712) accepts only the canonical byte form", () => {
  const canonical = toBinary(ShopEventSchema, tagEvent(5n));
  // nonce = 5 is the first field (tag 0x08); moving it to the end keeps the values, changes the bytes.
  const reordered = concat(canonical.subarray(2), canonical.subarray(0, 2));
  const nonMinimalVarint = concat(Uint8Array.of(0x08, 0x85, 0x00), canonical.subarray(2));
  const duplicated = concat(Uint8Array.of(0x08, 0x09), canonical);

  it.each([
    ["fields out of order", reordered],
    ["a non-minimal varint", nonMinimalVarint],
    ["a field repeated (last one wins)", duplicated],
  ])("refuses %s although the digest is the same", async (_name, bytes) => {
    const { event, signed } = await signedWithBytes(bytes);
    // The alternative bytes decode to the same event, hence the same EIP-712 digest.
    expect(hashEvent({ event: fromBinary(ShopEventSchema, bytes), domain })).toBe(hashEvent({ event, domain }));
    let caught: unknown;
    try {
      openSignedEvent({ signedEvent: signed, domain });
    } catch (error) {
      caught = error;
    }
    expect(isNonCanonicalEncodingError(caught)).toBe(true);
    expect((caught as { path: string }).path).toBe("signedEvent.event.value");
  });

  it("accepts the canonical bytes", async () => {
    const { signed } = await signedWithBytes(canonical);
    expect(openSignedEvent({ signedEvent: signed, domain }).signer).toBe(keycard.address);
  });
});
