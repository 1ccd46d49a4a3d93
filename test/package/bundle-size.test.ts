// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The browser bundle that builds, signs and encodes one event (bench/bundle/entry.ts)
// stays within 60 kB gzip when built the way browser apps ship (Vite production
// build). Sizes are deterministic for a given lockfile, so this is a plain check,
// not a timing. Signing must not load our own @noble/curves: viem pins its own
// copy, so ours would be a second one in every signing client.
import { describe, expect, it } from "vitest";
import { measureBundle } from "../../bench/bundle.js";

const report = await measureBundle();

describe("the bundle that signs an event", () => {
  it("loads at most 60 kB gzip up front", () => {
    expect(report.gzip).toBeLessThanOrEqual(60_000);
    // A real bundle: protobuf-es, viem and our signing code are all in it.
    expect(report.packages.map((p) => p.name)).toEqual(expect.arrayContaining(["@bufbuild/protobuf", "viem", "src", "gen"]));
  });

  it("holds one @noble/curves copy: the one viem's account already needs", () => {
    expect(report.nobleCurvesCopies).toHaveLength(1);
  });
});
