// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The reference relay's queue of holds: entries come out due-first, in lapse
// order, and none before its time, whatever the order they went in.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LapseQueue } from "../../src/relay/lapse-queue.js";

describe("LapseQueue", () => {
  it("gives back exactly the entries due by `now`, earliest first, and keeps the rest", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 1_000n }), { maxLength: 200 }), fc.bigInt({ min: 0n, max: 1_000n }), (times, now) => {
        const queue = new LapseQueue();
        times.forEach((lapsesAt, i) => queue.add({ lapsesAt, orderId: String(i) }));
        const taken: bigint[] = [];
        for (let e = queue.takeDue(now); e !== undefined; e = queue.takeDue(now)) taken.push(e.lapsesAt);
        const sorted = [...times].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(taken).toEqual(sorted.filter((t) => t <= now));
        expect(queue.size).toBe(times.length - taken.length);
        const rest: bigint[] = [];
        for (let e = queue.takeDue(1_000n); e !== undefined; e = queue.takeDue(1_000n)) rest.push(e.lapsesAt);
        expect(rest).toEqual(sorted.filter((t) => t > now));
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});
