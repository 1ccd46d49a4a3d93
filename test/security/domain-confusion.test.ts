// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: make two domains share a cached domain separator. The cache key
// joined name and version with "\0", so { name: "a\0b", version: "c" } and
// { name: "a", version: "b\0c" } collided: after the first, the second got
// the first's separator, a digest viem disagreed with, and a signature
// valid under one domain verified under the other. Lone surrogates in domain
// strings (both map to U+FFFD in UTF-8) are refused for the same reason.
import { hashTypedData } from "viem";
import { describe, expect, it } from "vitest";
import { type EventDomain, eventTypedData, hashEvent, signEvent, verifyEvent } from "../../src/index.js";
import { thrown } from "../support/thrown.js";
import { keycard, tagEvent } from "../wire-helpers/fixtures.js";

const verifyingContract = "0x000000000000000000000000000000000000dEaD";
const first: EventDomain = { chainId: 1, verifyingContract, name: "Mass\u0000Market", version: "1" };
const second: EventDomain = { chainId: 1, verifyingContract, name: "Mass", version: "Market\u00001" };

describe("two domains, one cache entry", () => {
  it("each domain gets its own separator, equal to viem's, whatever was hashed before", () => {
    const event = tagEvent(1n);
    for (const domain of [first, second, first]) {
      const viem = hashTypedData(eventTypedData({ event, domain }) as unknown as Parameters<typeof hashTypedData>[0]);
      expect(hashEvent({ event, domain })).toBe(viem);
    }
    expect(hashEvent({ event, domain: first })).not.toBe(hashEvent({ event, domain: second }));
  });

  it("a signature under one domain does not verify under the other", async () => {
    const event = tagEvent(2n);
    const signature = await signEvent({ event, domain: first, account: keycard });
    expect(verifyEvent({ event, domain: first, signature, address: keycard.address })).toBe(true);
    expect(verifyEvent({ event, domain: second, signature, address: keycard.address })).toBe(false);
  });

  it("refuses lone surrogates in domain strings (\\uD800 and \\uDFFF would hash alike)", () => {
    const event = tagEvent(1n);
    expect(thrown(() => hashEvent({ event, domain: { ...first, name: "Mass\uD800" } }))).toMatchObject({ code: "INVALID_DOMAIN", path: "domain.name" });
    expect(thrown(() => hashEvent({ event, domain: { ...first, version: "\uDFFF" } }))).toMatchObject({ code: "INVALID_DOMAIN", path: "domain.version" });
  });
});
