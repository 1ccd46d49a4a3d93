// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Bytes the one-pass check proves canonical are read without protobuf-es
// reflection (src/wire/canonical-decode.ts): the message must be the one
// fromBinary builds, property for property (order, types, prototypes, views),
// on every vector, on a synced shop's log and on random events of every kind
// with the extremes of each number type.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { decodeProvedCanonical } from "../../src/wire/canonical-decode.js";
import { provedCanonical } from "../../src/wire/canonical-wire.js";
import { decodeCanonicalEvent } from "../../src/wire/decode-canonical-event.js";
import { buildStateLog } from "../../bench/state-log.js";
import { arbitraries, INT32_MIN, MAX_UINT64 } from "../support/arbitraries.js";
import { readFileSync } from "node:fs";
import { shape } from "../support/message-shape.js";

const vectors = (name: string) => JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), "utf8"));
const golden = vectors("eip712.json") as { cases: { name: string; encoded: string }[] };
const edge = vectors("eip712-edge.json") as { events: { name: string; encoded: string | null }[] };

function sameAsFromBinary(bytes: Uint8Array, label: string): void {
  expect(provedCanonical({ schema: ShopEventSchema, bytes }), label).toBe(true);
  const read = decodeProvedCanonical({ schema: ShopEventSchema, bytes });
  expect(read, label).toBeDefined();
  expect(shape(read), label).toBe(shape(fromBinary(ShopEventSchema, bytes)));
  // And the path every signed event takes: same message, and none of its memory is the caller's.
  const opened = decodeCanonicalEvent({ bytes, maxBytes: 65_536, path: "bytes" });
  expect(shape(opened), label).toBe(shape(read));
  expect(toBinary(ShopEventSchema, opened)).toEqual(bytes);
}

describe("decodeProvedCanonical", () => {
  it("reads every golden and edge vector that the pass proves as fromBinary does", () => {
    let read = 0;
    // Edge vectors without bytes are events no encoder writes (digest only).
    for (const vector of [...golden.cases, ...edge.events].filter((v) => v.encoded !== null)) {
      const bytes = hexToBytes(vector.encoded as `0x${string}`);
      if (!provedCanonical({ schema: ShopEventSchema, bytes })) continue;
      sameAsFromBinary(bytes, vector.name);
      read++;
    }
    expect(read).toBeGreaterThan(60);
  });

  it("reads each event of a 400-event shop log (every kind a sync meets) as fromBinary does", async () => {
    const log = await buildStateLog(400);
    for (const [i, signed] of log.signedEvents.entries()) sameAsFromBinary(fromBinary(SignedEventSchema, signed).event!.value, `event ${i}`);
  });

  it("reads random events of every kind, with up to 4 items per list, as fromBinary does", () => {
    fc.assert(
      fc.property(arbitraries.event, (event) => sameAsFromBinary(toBinary(ShopEventSchema, event), "random")),
      { numRuns: 600, seed: 2329 },
    );
  });

  it("reads the extremes of each number type: uint64 max nonce, negative and large int64 seconds, int32 minimum nanos (ten bytes)", () => {
    for (const [nonce, seconds, nanos] of [
      [MAX_UINT64, -62_135_596_800n, INT32_MIN],
      [1n, 253_402_300_799n, -1],
      [2n ** 63n, -1n, 0x7fffffff],
      [127n, 2n ** 63n - 1n, 1],
      [128n, -(2n ** 63n), 128],
    ] as const) {
      const bytes = toBinary(ShopEventSchema, create(ShopEventSchema, { nonce, timestamp: { seconds, nanos } }));
      sameAsFromBinary(bytes, `${nonce} ${seconds} ${nanos}`);
    }
  });
});
