// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a relay asks a guest for more than the shop's rules price its order
// (payment details with an inflated total, or naming a region the manifest
// does not have), counting on a client that shows `paymentDetails.total` as
// it came. The guest's customer view folds pushes by the shop rules: such
// details are refused (TOTAL_MISMATCH, REGION_NOT_FOUND), listed in
// `view.refused`, and the order stays as it was, so nothing asks for payment.
import { describe, expect, it } from "vitest";
import { ObjectType } from "../../gen/market/mass/subscription_pb.js";
import { eventObject, foldCustomerView, objectIdKey } from "../../src/index.js";
import { context, guest, h32, oid, oidHex, relay, u256 } from "../support/shop-fixtures.js";
import { buildScenario, ORDER } from "../support/shop-scenario.js";
import { paymentDetailsFor } from "../../src/relay/payment-details.js";

const { log, state } = buildScenario();
// The details an honest relay sends (the region the rule picks), with the total inflated: only the total is wrong.
const honest = paymentDetailsFor({ state, orderId: oidHex(ORDER.chosen), paymentId: h32(9).raw, ttl: "3600" });
const inflated = { paymentId: h32(9), total: u256(999_999), ttl: "3600", ...(honest.shippingRegion === undefined ? {} : { shippingRegion: honest.shippingRegion }) };
const seen = log.entries
  .map((entry, i) => ({ ...entry, seqNo: BigInt(i + 1) }))
  .filter(({ event }) => {
    const { objectType, objectId } = eventObject({ event });
    return objectType !== ObjectType.INVENTORY && (objectType !== ObjectType.ORDER || (objectId !== undefined && state.orders[objectIdKey({ id: objectId })]?.owner === guest.address));
  });

describe("a relay overcharging a guest", () => {
  it.each([
    ["an inflated total", inflated, "TOTAL_MISMATCH"],
    ["a region the manifest does not have", { paymentId: h32(9), total: u256(1600), ttl: "3600", shippingRegion: { name: "moon", orderPriceModifiers: [] } }, "REGION_NOT_FOUND"],
  ])("with %s: the view refuses the payment details and the order stays payment_chosen", (_, value, reason) => {
    // Order 102 (painting M, 1400 + 200) has its payment chosen and waits for details.
    const forged = log.next(relay, { case: "updateOrder", value: { id: oid(ORDER.chosen), action: { case: "setPaymentDetails", value } } });
    const view = foldCustomerView({ context, keycard: guest.address, events: [...seen, { ...forged, seqNo: 10_000n }] });
    expect(view.refused.map((r) => [r.seqNo, r.reason])).toEqual([[10_000n, reason]]);
    const order = view.orders[oidHex(ORDER.chosen)];
    expect([order?.status, order?.charged, order?.total]).toEqual(["payment_chosen", null, 1600n]);
  });
});
