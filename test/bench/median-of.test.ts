// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The benches report the round with the median ratio: not the first, the best or the last.
import { describe, expect, it } from "vitest";
import { medianOf } from "../../bench/median-of.js";

describe("medianOf", () => {
  it("picks the round whose ratio is the middle one, whatever the rounds' order", () => {
    const rounds = [{ name: "fast", ratio: 1.9 }, { name: "slow", ratio: 1.1 }, { name: "middle", ratio: 1.4 }];
    expect(medianOf(rounds, (round) => round.ratio).name).toBe("middle");
    expect(medianOf([...rounds].reverse(), (round) => round.ratio).name).toBe("middle");
    // The input is left in its order (every round is printed in the order it ran).
    expect(rounds.map((round) => round.name)).toEqual(["fast", "slow", "middle"]);
  });

  it("takes the upper middle of an even count, and refuses no rounds at all", () => {
    expect(medianOf([4, 1, 3, 2], (x) => x)).toBe(3);
    expect(() => medianOf([], (x: number) => x)).toThrow("no rounds");
  });
});
