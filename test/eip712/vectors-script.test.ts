// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// scripts/vectors.ts must be reproducible: the same seed gives the same file,
// so regenerating the vectors only changes them when the mapping does.
import { describe, expect, it } from "vitest";
import { buildEip712Vectors } from "../../scripts/vectors.js";

describe("scripts/vectors.ts", () => {
  it("builds the same text twice (fixed seed, deterministic signatures, stable key order)", async () => {
    const first = await buildEip712Vectors();
    const second = await buildEip712Vectors();
    expect(second).toBe(first);
    expect(JSON.parse(first)).toHaveProperty("cases");
  });
});
