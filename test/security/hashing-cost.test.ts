// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: make the relay hash. A 64 KiB Manifest of empty ShippingRegions
// (2 wire bytes, 5 keccak calls each) took over 1,000× a normal event to
// open, before the signer was even known. The hashing work of an event is
// now counted in one pass over its bytes, before decoding, and refused
// beyond a budget the largest realistic events fit in with room.
import { create, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import fc from "fast-check";
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import {
  createSignedEvent,
  DEFAULT_HASHING_BUDGET,
  DEFAULT_MAX_EVENT_BYTES,
  decodeShopEvent,
  eventHashingCost,
  isHashingBudgetError,
  openSignedEvent,
  SHOP_EVENT_TYPE_URL,
  ShopEventSchema,
  SignedEventSchema,
  signEvent,
} from "../../src/index.js";
import { keccakPlan } from "../../bench/keccak-floor.js";
import { shopEventArbitraries } from "../support/arbitraries.js";
import { emptyRegionsManifest, largeEvents, worstAdmittedEvent } from "../support/large-events.js";
import { thrown } from "../support/thrown.js";
import { domain, keycard, tagEvent } from "../wire-helpers/fixtures.js";

const unlimited = {
  maxKeccakCalls: Number.MAX_SAFE_INTEGER,
  maxHashedBytes: Number.MAX_SAFE_INTEGER,
  maxItemsPerField: Number.MAX_SAFE_INTEGER,
  maxVariationsPerCombination: Number.MAX_SAFE_INTEGER,
};
const bytesOf = (event: Parameters<typeof toBinary<typeof ShopEventSchema>>[1]) => toBinary(ShopEventSchema, event);

/** The hostile keycard's frame content: its own valid signature over the costly event. */
async function signedCostly(count: number) {
  const event = emptyRegionsManifest(count);
  return createSignedEvent({ event, signature: await signEvent({ event, domain, account: keycard }) });
}

describe("the cost model", () => {
  it("counts exactly the keccak calls and bytes hashEvent makes (independent walk over viem's typed data)", () => {
    fc.assert(
      fc.property(shopEventArbitraries({ maxItems: 4 }).event, (event) => {
        const { sizes } = keccakPlan({ event, domain });
        // The walk also counts the final 0x1901 hash (66 bytes), which is per signature, not per event.
        expect(eventHashingCost({ eventBytes: bytesOf(event), budget: unlimited })).toEqual({
          keccakCalls: sizes.length - 1,
          hashedBytes: sizes.reduce((a, b) => a + b, 0) - 66,
        });
      }),
      { numRuns: 200 },
    );
  });

  it.each(largeEvents)("the largest realistic events fit the default budget with room: $name", ({ event }) => {
    const cost = eventHashingCost({ eventBytes: bytesOf(event()) });
    expect(cost.keccakCalls * 2).toBeLessThanOrEqual(DEFAULT_HASHING_BUDGET.maxKeccakCalls);
    expect(cost.hashedBytes * 2).toBeLessThanOrEqual(DEFAULT_HASHING_BUDGET.maxHashedBytes);
  });

  it("refuses a budget that would switch the check off (NaN, Infinity, 0, negatives, strings, unknown keys)", () => {
    const eventBytes = bytesOf(tagEvent(1n));
    for (const budget of [{ maxKeccakCalls: Number.NaN }, { maxKeccakCalls: Number.POSITIVE_INFINITY }, { maxHashedBytes: 0 }, { maxItemsPerField: -1 }, { maxKeccakCalls: "9" }, { maxCalls: 9 }]) {
      expect(thrown(() => eventHashingCost({ eventBytes, budget: budget as never })), JSON.stringify(budget)).toMatchObject({ code: expect.stringMatching(/^(OUT_OF_RANGE|WRONG_TYPE)$/) });
      expect(thrown(() => decodeShopEvent({ bytes: eventBytes, hashingBudget: budget as never }))).toMatchObject({ path: expect.stringMatching(/^hashingBudget/) });
    }
  });
});

describe("a keycard sends events built to be costly to hash", () => {
  it("a 64 KiB Manifest of empty ShippingRegions is refused before decoding or hashing, on every path", async () => {
    const count = Math.floor((DEFAULT_MAX_EVENT_BYTES - 400) / 2); // the SignedEvent around it fits the cap too
    const event = emptyRegionsManifest(count);
    const eventBytes = bytesOf(event);
    expect(eventBytes.length).toBeLessThanOrEqual(DEFAULT_MAX_EVENT_BYTES);
    // Signed over the bytes (v3 style): signing the typed data would itself be the expensive hashing.
    const signature = await keycard.signMessage({ message: { raw: eventBytes } });
    const signedEvent = create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: eventBytes }), signature: { raw: hexToBytes(signature) } });
    for (const attempt of [
      () => openSignedEvent({ signedEvent, domain }),
      () => openSignedEvent({ signedEvent: toBinary(SignedEventSchema, signedEvent), domain }),
      () => openSignedEvent({ signedEvent, scheme: "eip191" }),
      () => decodeShopEvent({ bytes: eventBytes }),
      () => eventHashingCost({ eventBytes }),
    ]) {
      const error = thrown(attempt);
      expect(isHashingBudgetError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: "HASHING_BUDGET_EXCEEDED", resource: "keccakCalls", limit: DEFAULT_HASHING_BUDGET.maxKeccakCalls });
    }
  });

  it("the worst event the default budget admits still opens (its time is measured by npm run bench)", async () => {
    const worst = worstAdmittedEvent();
    const cost = eventHashingCost({ eventBytes: bytesOf(worst) });
    expect(cost.keccakCalls).toBeGreaterThan(DEFAULT_HASHING_BUDGET.maxKeccakCalls - 6);
    const signedEvent = createSignedEvent({ event: worst, signature: await signEvent({ event: worst, domain, account: keycard }) });
    expect(openSignedEvent({ signedEvent, domain }).signer).toBe(keycard.address);
    expect(isHashingBudgetError(thrown(() => openSignedEvent({ signedEvent, domain, hashingBudget: { maxKeccakCalls: cost.keccakCalls - 1 } })))).toBe(true);
    await expect(signedCostly(1)).resolves.toBeDefined();
  });

  it("a bigger event opens when the relay raises the budget for it", async () => {
    const signedEvent = await signedCostly(1000);
    expect(isHashingBudgetError(thrown(() => openSignedEvent({ signedEvent, domain })))).toBe(true);
    expect(openSignedEvent({ signedEvent, domain, hashingBudget: { maxKeccakCalls: 6000, maxHashedBytes: 1 << 20 } }).signer).toBe(keycard.address);
  });

  it("64 KiB of tiny unknown fields behind a v3 signature is refused (decoding and keeping them is the work)", async () => {
    const padding = new Uint8Array(DEFAULT_MAX_EVENT_BYTES - 200);
    for (let i = 0; i < padding.length; i += 2) padding.set([0x78, 0x00], i); // field 15, varint 0
    const eventBytes = new Uint8Array([...bytesOf(tagEvent(1n)), ...padding]);
    const signature = await keycard.signMessage({ message: { raw: eventBytes } });
    const signedEvent = create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: eventBytes }), signature: { raw: hexToBytes(signature) } });
    expect(thrown(() => openSignedEvent({ signedEvent, scheme: "eip191" }))).toMatchObject({ code: "HASHING_BUDGET_EXCEEDED" });
  });

  it("a repeated field with more items than any shop needs is refused by count", () => {
    const ids = Array.from({ length: DEFAULT_HASHING_BUDGET.maxItemsPerField + 1 }, () => ({ raw: new Uint8Array(8) }));
    const event = tagEvent(1n, { union: { case: "tag", value: create(ShopEventSchema, tagEvent(1n)).union.value as never } });
    const tag = event.union.case === "tag" ? event.union.value : undefined;
    if (tag === undefined) throw new Error("expected a tag");
    tag.listingIds = ids.map((raw) => ({ $typeName: "market.mass.ObjectId", ...raw }));
    expect(thrown(() => eventHashingCost({ eventBytes: bytesOf(event) }))).toMatchObject({ code: "HASHING_BUDGET_EXCEEDED", resource: "items" });
  });

  it("a variation combination with more ids than any listing has options is refused (one variation per option)", () => {
    const ids = Array.from({ length: DEFAULT_HASHING_BUDGET.maxVariationsPerCombination + 1 }, (_, i) => ({ raw: new Uint8Array(8).fill(i) }));
    const event = create(ShopEventSchema, { nonce: 1n, shopId: { raw: new Uint8Array(32) }, union: { case: "changeInventory", value: { id: { raw: new Uint8Array(8) }, variationIds: ids } } });
    if (event.union.case !== "changeInventory") throw new Error("expected a ChangeInventory");
    expect(thrown(() => eventHashingCost({ eventBytes: bytesOf(event) }))).toMatchObject({ resource: "items", limit: 64, path: expect.stringContaining("variation_ids") });
    event.union.value.variationIds.pop();
    expect(eventHashingCost({ eventBytes: bytesOf(event) }).keccakCalls).toBeGreaterThan(0);
  });
});
