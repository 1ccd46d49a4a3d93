// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 64-bit integers are written as two 32-bit halves, through a Number for
// values up to 2^53 − 1 and through BigInt above: the edges of both ways must
// give viem's digest.
import { create } from "@bufbuild/protobuf";
import { hashTypedData, numberToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { type EventDomain, eventTypedData, hashEvent, ShopEventSchema } from "../../src/index.js";

const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
const edges = [0n, 1n, 0xffffffffn, 0x100000000n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n];

const signedEdges = [-1n, -(2n ** 32n), -(2n ** 53n) + 1n, -(2n ** 53n), -(2n ** 63n), 2n ** 53n, 2n ** 63n - 1n];

describe("64-bit words", () => {
  it.each(signedEdges)("int64 timestamp.seconds %s hashes as viem hashes it", (seconds) => {
    const event = create(ShopEventSchema, {
      nonce: 1n,
      shopId: { raw: numberToBytes(7n, { size: 32 }) },
      timestamp: { seconds, nanos: 0 },
      union: { case: "changeInventory", value: { id: { raw: numberToBytes(2, { size: 8 }) }, diff: -3 } },
    });
    expect(hashEvent({ event, domain })).toBe(hashTypedData(eventTypedData({ event, domain }) as Parameters<typeof hashTypedData>[0]));
  });

  it.each(edges)("uint64 nonce %s hashes as viem hashes it", (nonce) => {
    const event = create(ShopEventSchema, {
      nonce,
      shopId: { raw: numberToBytes(7n, { size: 32 }) },
      timestamp: { seconds: 1_700_000_000n, nanos: 0 },
      union: { case: "changeInventory", value: { id: { raw: numberToBytes(2, { size: 8 }) }, diff: -3 } },
    });
    expect(hashEvent({ event, domain })).toBe(hashTypedData(eventTypedData({ event, domain }) as Parameters<typeof hashTypedData>[0]));
  });
});
