// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The benchmark's correctness checks run in npm test, without timing: every
// suite compares each case's output with its reference while it is built
// (bench/suite.ts assertSame), including the nine keccak floors
// (bench/check-floor.ts), so a wrong fast path or a floor that skips work
// fails here, not only in `npm run bench`.
import { describe, expect, it } from "vitest";
import { floorBuffers, keccakFloor } from "../../bench/keccak-floor.js";
import { checkKeccakFloor } from "../../bench/check-floor.js";
import { digestSuite } from "../../bench/suites/digest.js";
import { eip191Suite } from "../../bench/suites/eip191.js";
import { signSuite } from "../../bench/suites/sign.js";
import { verifySuite } from "../../bench/suites/verify.js";

describe("benchmark checks", () => {
  it("every suite's cases agree with their references, the nine keccak floors included", async () => {
    const suites = [digestSuite(), await signSuite(), await verifySuite(), await eip191Suite()];
    const floors = suites.flatMap((s) => s.groups.flatMap((g) => g.cases)).filter((c) => c.id.endsWith(".floor"));
    expect(floors).toHaveLength(9);
  });

  it("a floor that skips a call, or hashes a buffer of another size, is refused", () => {
    const sizes = [64, 0, 136, 32];
    expect(() => checkKeccakFloor({ what: "good", sizes, floor: keccakFloor({ sizes }) })).not.toThrow();
    expect(() => checkKeccakFloor({ what: "skips", sizes, floor: keccakFloor({ sizes: sizes.slice(0, -1) }) })).toThrow(/keccak floor skips/);
    expect(() => checkKeccakFloor({ what: "resized", sizes, floor: keccakFloor({ sizes: [64, 0, 135, 32] }) })).toThrow(/keccak floor resized/);
    expect(floorBuffers({ sizes }).map((b) => b.length)).toEqual(sizes);
  });
});
