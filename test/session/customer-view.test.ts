// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A guest's customer view folds the log a guest's subscription delivers (no
// ChangeInventory, only its own orders) by the shop rules, and agrees with
// the full state on every order it shows: status, unit prices and totals.
import { describe, expect, it } from "vitest";
import { ObjectType } from "../../gen/market/mass/subscription_pb.js";
import { isFieldValueError } from "../../src/errors/field-value-error.js";
import { computeOrderTotal, createSubscriptionRequest, customerOrderTotal, eventObject, foldCustomerView, inventoryKey, listingUnitPrice, objectId, objectIdKey } from "../../src/index.js";
import { context, guest, oidHex, stranger } from "../support/shop-fixtures.js";
import { buildScenario, ORDER, PAINTING, PEN } from "../support/shop-scenario.js";
import { thrown } from "../support/thrown.js";

const { log, state } = buildScenario();
// What the relay pushes to `guest`: every event but ChangeInventory, and only the events of its own orders.
const seen = log.entries
  .map((entry, i) => ({ ...entry, seqNo: BigInt(i + 1) }))
  .filter(({ event }) => {
    const { objectType, objectId: id } = eventObject({ event });
    if (objectType === ObjectType.INVENTORY) return false;
    return objectType !== ObjectType.ORDER || (id !== undefined && state.orders[objectIdKey({ id })]?.owner === guest.address);
  });

describe("a customer's view", () => {
  it("shows its own orders with the full state's status, unit prices and totals, and folds everything else it sees", () => {
    const view = foldCustomerView({ context, keycard: guest.address, events: seen });
    expect(view.refused).toEqual([]);
    expect(view.lastSeqNo).toBe(BigInt(log.entries.length));
    const own = Object.values(state.orders).filter((o) => o.owner === guest.address).map((o) => o.id).sort();
    expect(Object.keys(view.orders).sort()).toEqual(own);
    expect(view.orders[oidHex(ORDER.otherGuest)]).toBeUndefined();
    for (const id of own) {
      const order = view.orders[id];
      const full = state.orders[id];
      expect(order?.status).toBe(full?.status);
      expect(order?.items).toEqual(full?.items);
      const region = full?.paymentDetails?.shippingRegion ?? undefined;
      // An open order holding a removed variation has no price today, in either.
      let ruled: bigint | null = null;
      try {
        ruled = computeOrderTotal({ state, orderId: id, shippingRegion: region });
      } catch {
        ruled = null;
      }
      expect(order?.total ?? null).toBe(ruled);
    }
    expect(view.orders[oidHex(ORDER.paid)]?.charged).toBe(5200n);
    expect(view.orders[oidHex(ORDER.paid)]?.total).toBe(5200n);
    expect(view.listings).toEqual(state.listings);
    expect(view.tags).toEqual(state.tags);
    expect(view.manifest).toEqual(state.manifest);
    expect("inventory" in view).toBe(false);
    // The region's price of any order, with any id form.
    expect(customerOrderTotal({ view, orderId: BigInt(ORDER.chosen), shippingRegion: "domestic" })).toBe(computeOrderTotal({ state, orderId: oidHex(ORDER.chosen), shippingRegion: "domestic" }));
  });

  it("lists an event the rules refuse (an unknown signer) without folding it", () => {
    const forged = log.next(stranger, { case: "createOrder", value: { id: objectId({ id: 900n }) } });
    const view = foldCustomerView({ context, keycard: guest.address, events: [...seen, { ...forged, seqNo: 10_000n }] });
    expect(view.refused.map((r) => [r.seqNo, r.reason, r.path])).toEqual([[10_000n, "UNKNOWN_KEYCARD", "signer"]]);
    expect(view.orders[oidHex(900)]).toBeUndefined();
    expect(view.lastSeqNo).toBe(10_000n);
  });

  it("prices a listing with variations in any id form, and names the bad id", () => {
    const painting = state.listings[oidHex(PAINTING)];
    if (painting === undefined) throw new Error("no painting");
    const variation = painting.options[0]?.variations[1]?.id as `0x${string}`;
    const expected = BigInt(painting.price) + BigInt(painting.options[0]?.variations[1]?.diff?.amount ?? 0) * (painting.options[0]?.variations[1]?.diff?.plus === false ? -1n : 1n);
    for (const id of [variation, variation.toUpperCase().replace("0X", "0x") as `0x${string}`, BigInt(variation), objectId({ id: variation }), objectId({ id: variation }).raw]) {
      expect(listingUnitPrice({ listing: painting, variationIds: [id] })).toBe(expected);
    }
    const bad = thrown(() => listingUnitPrice({ listing: painting, variationIds: [variation, "0x01"] }));
    expect(isFieldValueError(bad) && bad.path).toBe("variationIds[1]");
    expect(inventoryKey({ listingId: BigInt(PEN), variationIds: [] })).toBe(oidHex(PEN));
    const badKey = thrown(() => inventoryKey({ listingId: 1n, variationIds: [-1n] }));
    expect(isFieldValueError(badKey) && badKey.path).toBe("variationIds[0]");
  });

  it("takes filters by ObjectType name as well as the enum, and names a bad one", () => {
    const byName = createSubscriptionRequest({ shopId: 1n, filters: [{ objectType: "ORDER", objectId: 7n }, { objectType: "LISTING" }] });
    const byEnum = createSubscriptionRequest({ shopId: 1n, filters: [{ objectType: ObjectType.ORDER, objectId: objectId({ id: 7n }) }, { objectType: ObjectType.LISTING }] });
    expect(byName).toEqual(byEnum);
    const bad = thrown(() => createSubscriptionRequest({ shopId: 1n, filters: [{ objectType: "LISTING" }, { objectType: "ORDERS" as "ORDER" }] }));
    expect(isFieldValueError(bad) && bad.path).toBe("filters[1].objectType");
    const unspecified = thrown(() => createSubscriptionRequest({ shopId: 1n, filters: [{ objectType: "UNSPECIFIED" as "ORDER" }] }));
    expect(isFieldValueError(unspecified) && unspecified.path).toBe("filters[0].objectType");
    const badId = thrown(() => createSubscriptionRequest({ shopId: 1n, filters: [{ objectType: "ORDER", objectId: "0x12" }] }));
    expect(isFieldValueError(badId) && badId.path).toBe("filters[0].objectId");
  });
});

describe("foldCustomerView's parameters", () => {
  it("throws a typed error naming the bad event, instead of recording junk as refused", () => {
    const [first] = seen;
    if (first === undefined) throw new Error("no events");
    const junk = thrown(() => foldCustomerView({ context, events: [first, null as never] }));
    expect(isFieldValueError(junk) && junk.path).toBe("events[1].event");
    const badSigner = thrown(() => foldCustomerView({ context, events: [{ ...first, signer: "nobody" }] }));
    expect(isFieldValueError(badSigner) && badSigner.path).toBe("events[0].signer");
    const backwards = thrown(() => foldCustomerView({ context, events: [first, first] }));
    expect(isFieldValueError(backwards) && backwards.path).toBe("events[1].seqNo");
  });
});
