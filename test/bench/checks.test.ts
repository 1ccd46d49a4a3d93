// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The benchmark's correctness checks run in npm test, without timing: every
// suite compares each case's output with its reference while it is built
// (bench/suite.ts assertSame), the keccak floors included (each replays the
// digest's keccak calls, so its output must be the digest), so a wrong fast
// path or a floor that skips work fails here, not only in `npm run bench`.
import { keccak_256 } from "@noble/hashes/sha3";
import { bytesToHex } from "viem";
import { describe, expect, it } from "vitest";
import { domain, fixtures } from "../../bench/fixtures.js";
import { keccakFloor, keccakPlan } from "../../bench/keccak-floor.js";
import { codecSuite } from "../../bench/suites/codec.js";
import { digestSuite } from "../../bench/suites/digest.js";
import { eip191Suite } from "../../bench/suites/eip191.js";
import { signSuite } from "../../bench/suites/sign.js";
import { verifySuite } from "../../bench/suites/verify.js";
import { hashEvent } from "../../src/index.js";

describe("benchmark checks", () => {
  it("every suite's cases agree with their references, the keccak floors included", async () => {
    const suites = [digestSuite(), await signSuite(), await verifySuite(), await eip191Suite(), codecSuite()];
    const floors = suites.flatMap((s) => s.groups.flatMap((g) => g.cases)).filter((c) => /\.floor(\.|$)/.test(c.id));
    expect(floors.length).toBeGreaterThanOrEqual(9);
  });

  it("each floor makes every planned keccak call, on inputs of the planned sizes, and ends on the digest", () => {
    for (const { name, event } of fixtures) {
      const plan = keccakPlan({ event, domain });
      const sizes: number[] = [];
      const counting = (input: Uint8Array): Uint8Array => {
        sizes.push(input.length);
        return keccak_256(input);
      };
      expect(bytesToHex(keccakFloor(plan, counting)()), name).toBe(hashEvent({ event, domain }));
      expect(sizes, name).toEqual(plan.sizes);
    }
  });
});
