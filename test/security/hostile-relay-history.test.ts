// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a relay (or whoever holds its key) pushes history in which it
// signs more than its sandbox allows, to change a shop it does not own:
// publish or reprice listings, fake a sell-out, inflate a total, cancel
// healthy orders, mark an order paid without taking its stock, or sign
// as a keycard. Every client runs the same rules and refuses the push;
// the state it holds stays exactly what it was.
import { toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { signEvent } from "../../src/eip712/sign-event.js";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import { verifyShopEvent } from "../../src/state/verify-shop-event.js";
import { createSignedEvent } from "../../src/wire/create-signed-event.js";
import { clerk, h32, oid, type Party, relay, u256, type UnionInit } from "../support/shop-fixtures.js";
import { buildScenario, details, ORDER, order, PAINTING, PEN } from "../support/shop-scenario.js";
import { thrown } from "../support/thrown.js";

const domain = { chainId: 1n, verifyingContract: "0x0000000000000000000000000000000000000a11" } as const;
const { log, state } = buildScenario();
const before = shopStateToJSON({ state });

async function push(by: Party, union: UnionInit, nonce?: bigint): Promise<unknown> {
  const { event } = log.next(by, union, nonce === undefined ? {} : { nonce });
  const signedEvent = toBinary(SignedEventSchema, createSignedEvent({ event: event as ShopEvent, signature: await signEvent({ event, domain, account: by.account }) }));
  return thrown(() => verifyShopEvent({ state, signedEvent, domain }));
}

describe("a hostile relay's pushes", () => {
  it.each([
    ["reprices a listing", { case: "updateListing", value: { id: oid(PEN), price: u256(1) } }, "RELAY_NOT_ALLOWED"],
    ["creates a listing", { case: "listing", value: { id: oid(9), price: u256(1), metadata: { title: "x", description: "y" } } }, "RELAY_NOT_ALLOWED"],
    ["restocks", { case: "changeInventory", value: { id: oid(PEN), diff: 5 } }, "RELAY_NOT_ALLOWED"],
    ["fakes a sell-out with a decrement", { case: "changeInventory", value: { id: oid(PEN), diff: -17 } }, "RELAY_NOT_ALLOWED"],
    ["inflates an order's total", order(ORDER.chosen, details(999_999, "domestic")), "TOTAL_MISMATCH"],
    // Order 103 is unpaid within its ttl: its hold has not lapsed.
    ["cancels a healthy order", order(ORDER.unpaid, { case: "cancel", value: {} }), "CANCEL_NOT_JUSTIFIED"],
    ["marks an order paid without taking its stock", order(ORDER.chosen, { case: "addPaymentTx", value: { txHash: h32(1) } }), "ORDER_STATUS"],
    ["opens an order as if it were a customer", { case: "createOrder", value: { id: oid(900) } }, "RELAY_NOT_ALLOWED"],
    ["changes the manifest", { case: "updateManifest", value: { removePayee: { name: "main" } } }, "RELAY_NOT_ALLOWED"],
    ["deletes a tag", { case: "updateTag", value: { id: oid(200), delete: true } }, "RELAY_NOT_ALLOWED"],
    ["adds stock for a painting variation", { case: "changeInventory", value: { id: oid(PAINTING), variationIds: [oid(11)], diff: 1 } }, "RELAY_NOT_ALLOWED"],
  ] as const)("%s: refused", async (_what, union, code) => {
    const error = await push(relay, union as UnionInit);
    expect(isEventRejectedError(error) && error.reason).toBe(code);
    expect(shopStateToJSON({ state })).toBe(before);
  });

  it("replays a keycard's signed event: refused by its nonce", async () => {
    const error = await push(clerk, { case: "tag", value: { id: oid(901), name: "again" } }, 1n);
    expect(isEventRejectedError(error) && error.reason).toBe("NONCE_NOT_INCREASING");
  });

  it("a keycard cannot sign what only the relay may: payment details", async () => {
    const error = await push(clerk, order(ORDER.chosen, details(2404, "domestic")));
    expect(isEventRejectedError(error) && error.reason).toBe("RELAY_ONLY");
  });
});
