// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// hashStruct encodes into one reused scratch buffer used as a stack: arrays
// larger than it take their own buffer, and a walk that throws halfway leaves
// nothing behind for the next digest.
import { create } from "@bufbuild/protobuf";
import { hashTypedData, numberToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { type EventDomain, eventTypedData, hashEvent, type ShopEvent, ShopEventSchema } from "../../src/index.js";

const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
const viemDigest = (event: ShopEvent) => hashTypedData(eventTypedData({ event, domain }) as Parameters<typeof hashTypedData>[0]);

function listing(images: string[]): ShopEvent {
  return create(ShopEventSchema, {
    nonce: 1n,
    shopId: { raw: numberToBytes(7n, { size: 32 }) },
    timestamp: { seconds: 1_700_000_000n, nanos: 0 },
    union: { case: "listing", value: { id: { raw: numberToBytes(1, { size: 8 }) }, price: { raw: numberToBytes(5n, { size: 32 }) }, metadata: { title: "T", description: "D", images } } },
  });
}

describe("hashEvent's scratch space", () => {
  it("hashes an array larger than the scratch buffer (3,000 images = 96 kB of words) as viem does", () => {
    const event = listing(Array.from({ length: 3000 }, (_, i) => `https://cdn.example.com/${i}.webp`));
    expect(hashEvent({ event, domain })).toBe(viemDigest(event));
  });

  it.each([1990, 1994, 1996, 1997, 1998, 1999, 2000, 2040])("hashes %i images (about the scratch space's size, padded in place at its end) as viem does", (count) => {
    const event = listing(Array.from({ length: count }, (_, i) => `ipfs://${i}`));
    expect(hashEvent({ event, domain })).toBe(viemDigest(event));
  });

  it("gives the right digest after a walk that threw halfway", () => {
    const good = listing(["https://cdn.example.com/a.webp"]);
    const bad = listing(["ok", "\uD800 lone surrogate"]);
    expect(() => hashEvent({ event: bad, domain })).toThrow();
    expect(hashEvent({ event: good, domain })).toBe(viemDigest(good));
    // Throwing from inside an array too large for the scratch buffer.
    const badLarge = listing([...Array.from({ length: 3000 }, () => "x"), "\uDFFF"]);
    expect(() => hashEvent({ event: badLarge, domain })).toThrow();
    expect(hashEvent({ event: good, domain })).toBe(viemDigest(good));
  });
});
