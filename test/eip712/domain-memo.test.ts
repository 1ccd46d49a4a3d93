// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The digest keeps the last domain's separator: a domain object changed in
// place between two events must still be checked and hashed as it now reads.
import { describe, expect, it } from "vitest";
import { hashEvent, isDomainError } from "../../src/index.js";
import { tagEvent } from "../wire-helpers/fixtures.js";
import { thrown } from "../support/thrown.js";

const event = tagEvent(1n);
const fresh = () => ({ chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" as const });

describe("the separator of the last domain", () => {
  it("follows a domain object changed in place: chain, contract, name, version", () => {
    const domain: { chainId: number; verifyingContract: `0x${string}`; name?: string; version?: string } = fresh();
    const seen = new Set<string>();
    const step = (change: () => void) => {
      change();
      const digest = hashEvent({ event, domain });
      expect(digest).toBe(hashEvent({ event, domain: { ...domain } }));
      seen.add(digest);
    };
    step(() => {});
    step(() => (domain.chainId = 5));
    step(() => (domain.verifyingContract = "0x1111111111111111111111111111111111111111"));
    step(() => (domain.name = "Other"));
    step(() => (domain.version = "9"));
    expect(seen.size).toBe(5);
  });

  it("refuses a member added in place, and one swapped for another under the same key count", () => {
    const domain: Record<string, unknown> = { ...fresh(), salt: undefined };
    hashEvent({ event, domain: domain as never });
    domain.salt = "0x01";
    expect(isDomainError(thrown(() => hashEvent({ event, domain: domain as never })))).toBe(true);
    delete domain.salt;
    hashEvent({ event, domain: domain as never });
    domain.extra = 1;
    expect(thrown(() => hashEvent({ event, domain: domain as never }))).toMatchObject({ path: "domain.extra" });
  });

  it("refuses a member made invalid in place after a good digest", () => {
    const domain: Record<string, unknown> = fresh();
    hashEvent({ event, domain: domain as never });
    domain.verifyingContract = "0x000000000000000000000000000000000000DEAd";
    expect(thrown(() => hashEvent({ event, domain: domain as never }))).toMatchObject({ path: "domain.verifyingContract" });
  });
});
