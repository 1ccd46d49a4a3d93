// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// sameData (how a SetPaymentDetails region is matched to the manifest's)
// against the rule it replaces: equal canonical JSON, on random plain data,
// on copies with keys in another order and on copies changed in one place.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/state/canonical-json.js";
import { sameData } from "../../src/state/same-data.js";

const { data } = fc.letrec<{ data: unknown }>((tie) => ({
  data: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("", "a", "EU", "0", null, true, false),
    fc.array(tie("data"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("name", "city", "plus", "a", "b"), tie("data"), { maxKeys: 4 }),
  ),
}));

// The same data with every object's keys in reverse order.
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]));
}

describe("sameData", () => {
  it("agrees with comparing canonical JSON on 2,000 random pairs, reordered copies and their changes", () => {
    let equal = 0;
    fc.assert(
      fc.property(data, data, fc.nat(), (a, b, pick) => {
        const copy = reordered(a);
        const changed = pick % 2 === 0 ? [copy] : { ...(typeof copy === "object" && copy !== null && !Array.isArray(copy) ? copy : {}), name: pick };
        for (const other of [b, copy, changed]) {
          const expected = canonicalJson(a) === canonicalJson(other);
          if (expected) equal++;
          expect(sameData(a, other)).toBe(expected);
          expect(sameData(other, a)).toBe(expected);
        }
      }),
      { numRuns: 2000, seed: 23 },
    );
    expect(equal).toBeGreaterThan(2000);
  });

  it("tells apart what canonical JSON tells apart: a missing key, an undefined member, an array for an object", () => {
    expect(sameData({ a: "x" }, { a: "x", b: "" })).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData({ name: "EU", modifiers: [{ plus: true }] }, { modifiers: [{ plus: true }], name: "EU" })).toBe(true);
  });
});
