// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The small public helpers of the state subpath: inventoryKey, shopRole,
// computeOrderTotal, createShopState's context checks.
import { describe, expect, it } from "vitest";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { isNetworkSchemaError } from "../../src/errors/base.js";
import { isFieldValueError } from "../../src/errors/field-value-error.js";
import { objectId } from "../../src/values/object-id.js";
import { computeOrderTotal, createShopState, inventoryKey, shopRole } from "../../src/state/index.js";
import { clerk, context, guest, oidHex, relay, retired, stranger } from "../support/shop-fixtures.js";
import { buildScenario, ORDER } from "../support/shop-scenario.js";
import { thrown } from "../support/thrown.js";

const { state } = buildScenario();

describe("state helpers", () => {
  it("inventoryKey sorts the variations and refuses ids that are not 8 bytes of lowercase hex", () => {
    expect(inventoryKey({ listingId: oidHex(2), variationIds: [oidHex(12), oidHex(11)] })).toBe(`${oidHex(2)}:${oidHex(11)}:${oidHex(12)}`);
    expect(inventoryKey({ listingId: oidHex(1), variationIds: [] })).toBe(oidHex(1));
    expect(isNetworkSchemaError(thrown(() => inventoryKey({ listingId: "0xAB" as `0x${string}`, variationIds: [] })))).toBe(true);
    expect(isNetworkSchemaError(thrown(() => inventoryKey({ listingId: oidHex(1), variationIds: ["0x01" as `0x${string}`] })))).toBe(true);
  });

  it("shopRole derives relay, clerk and guest from the context and the log; revoked and unknown have none", () => {
    expect(shopRole({ state, signer: relay.address.toLowerCase() })).toBe("relay");
    expect(shopRole({ state, signer: clerk.address })).toBe("clerk");
    expect(shopRole({ state, signer: guest.address })).toBe("guest");
    expect(shopRole({ state, signer: retired.address })).toBeUndefined();
    expect(shopRole({ state, signer: stranger.address })).toBeUndefined();
    expect(isNetworkSchemaError(thrown(() => shopRole({ state, signer: "nope" })))).toBe(true);
  });

  it("computeOrderTotal prices with and without a region, and refuses unknown orders and regions", () => {
    // Order 102: painting M = 1400 + 200.
    expect(computeOrderTotal({ state, orderId: oidHex(ORDER.chosen) })).toBe(1600n);
    expect(computeOrderTotal({ state, orderId: oidHex(ORDER.chosen), shippingRegion: "domestic" })).toBe(2404n);
    expect(computeOrderTotal({ state, orderId: oidHex(ORDER.chosen), shippingRegion: "other" })).toBe(5800n);
    // Names of Object.prototype members are not order ids.
    const junk = thrown(() => computeOrderTotal({ state, orderId: "constructor" as never }));
    expect(isFieldValueError(junk) && junk.path).toBe("orderId");
    // One id type: ObjectId, bigint, bytes and 0x-hex in either case name the same order.
    for (const orderId of [objectId({ id: BigInt(ORDER.chosen) }), BigInt(ORDER.chosen), objectId({ id: BigInt(ORDER.chosen) }).raw, oidHex(ORDER.chosen).toUpperCase().replace("0X", "0x") as `0x${string}`]) {
      expect(computeOrderTotal({ state, orderId })).toBe(1600n);
    }
    const unknown = thrown(() => computeOrderTotal({ state, orderId: oidHex(999) }));
    expect(isEventRejectedError(unknown) && unknown.reason).toBe("ORDER_NOT_FOUND");
    const region = thrown(() => computeOrderTotal({ state, orderId: oidHex(ORDER.chosen), shippingRegion: "moon" }));
    expect(isEventRejectedError(region) && region.reason).toBe("REGION_NOT_FOUND");
    // Order 107 holds a variation removed after its commit: it pays the unit price frozen then, 1400 − 100.
    expect(computeOrderTotal({ state, orderId: oidHex(ORDER.orphaned) })).toBe(1300n);
    // An open order has no frozen prices yet: today's, 2 × pen 1000.
    expect(computeOrderTotal({ state, orderId: oidHex(ORDER.open) })).toBe(2000n);
  });

  it("createShopState normalises the context and refuses a bad one", () => {
    const s = createShopState({ context: { ...context, relays: [relay.address.toLowerCase() as `0x${string}`, relay.publicKey] } });
    expect(s.relays).toEqual([relay.address]);
    expect(s.shopId).toMatch(/^0x[0-9a-f]{64}$/);
    expect(isNetworkSchemaError(thrown(() => createShopState({ context: { shopId: -1n, relays: [] } })))).toBe(true);
    expect(isNetworkSchemaError(thrown(() => createShopState({ context: { shopId: 1n, relays: ["0x12"] } })))).toBe(true);
  });
});
