// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The order rules driven by the whole table of docs/shop-state.md ("Order
// transitions"), written out here rather than imported from src: every
// status × every action, each accepted (to the documented status) or refused
// with ORDER_STATUS; and ownership from every action a guest may sign.
import { describe, expect, it } from "vitest";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import type { OrderStatus, ShopState } from "../../src/state/shop-state.js";
import { clerk, guest, guest2, oidHex, type Party, relay, type UnionInit } from "../support/shop-fixtures.js";
import { buildScenario, choose, commit, details, items, ORDER, order, pay, PEN, shipTo } from "../support/shop-scenario.js";

type Action = NonNullable<(UnionInit & { case: "updateOrder" })["value"]["action"]>;

// The table as the document states it: action → [start statuses, resulting status ("same": unchanged)].
const TABLE: Record<string, [readonly OrderStatus[], OrderStatus | "same"]> = {
  change_items: [["open"], "open"],
  commit_items: [["open"], "committed"],
  set_invoice_address: [["open", "committed", "payment_chosen", "unpaid", "paid"], "same"],
  set_shipping_address: [["open", "committed", "payment_chosen", "unpaid", "paid"], "same"],
  choose_payment: [["committed", "payment_chosen"], "payment_chosen"],
  set_payment_details: [["payment_chosen"], "unpaid"],
  add_payment_tx: [["unpaid", "paid"], "paid"],
  cancel: [["committed", "payment_chosen", "unpaid"], "canceled"],
  set_shipping_status: [["paid"], "paid"],
};
// The scenario's order in each status (all the guest's).
const IN: Record<OrderStatus, number> = { open: ORDER.open, committed: ORDER.committed, payment_chosen: ORDER.chosen, unpaid: ORDER.unpaid, paid: ORDER.paid, canceled: ORDER.canceled };
// A payload valid for the scenario's order in the start status, and who may sign it.
const ACTIONS: Record<string, { by: Party; action: Action }> = {
  change_items: { by: guest, action: items([{ listing: PEN, quantity: 1 }]) },
  commit_items: { by: guest, action: commit },
  set_invoice_address: { by: guest, action: { ...shipTo, case: "setInvoiceAddress" } },
  set_shipping_address: { by: guest, action: shipTo },
  choose_payment: { by: guest, action: choose },
  // Order 102 holds painting M, shipped to Germany: 1600, +19% and +500 in "domestic".
  set_payment_details: { by: relay, action: details(2404, "domestic") },
  add_payment_tx: { by: relay, action: pay },
  cancel: { by: guest, action: { case: "cancel", value: {} } },
  set_shipping_status: { by: clerk, action: { case: "setShippingStatus", value: "shipped" } },
};

/** The outcome of one update on the scenario shop (after giving every order but the canceled one an address). */
function attempt(status: OrderStatus, name: string): { status?: OrderStatus; code?: string | undefined } {
  const id = IN[status];
  const { log, state: base } = buildScenario();
  let state: ShopState = base;
  if (status !== "canceled" && status !== "open") state = applyShopEvent({ state, ...log.push(guest, order(id, shipTo)) });
  const { by: signer, action } = ACTIONS[name]!;
  try {
    const after = applyShopEvent({ state, ...log.next(signer, order(id, action)) });
    return { status: after.orders[oidHex(id)]!.status };
  } catch (error) {
    if (!isEventRejectedError(error)) throw error;
    return { code: error.reason };
  }
}

describe("order transitions: every status × every action", () => {
  const statuses = Object.keys(IN) as OrderStatus[];
  it("covers the whole table", () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(TABLE).sort());
  });
  for (const name of Object.keys(TABLE)) {
    for (const status of statuses) {
      const [from, to] = TABLE[name]!;
      const allowed = from.includes(status);
      it(`${name} from ${status} is ${allowed ? `accepted (→ ${to === "same" ? status : to})` : "refused (ORDER_STATUS)"}`, () => {
        expect(attempt(status, name)).toEqual(allowed ? { status: to === "same" ? status : to } : { code: "ORDER_STATUS" });
      });
    }
  }
});

describe("ownership: a guest touches only its own orders", () => {
  // Actions a guest may sign on an order (Signers table, "own orders").
  const GUEST_ACTIONS = ["change_items", "commit_items", "set_invoice_address", "set_shipping_address", "choose_payment", "cancel"];
  // guest2's order in the status each action starts from: order 106 taken there by guest2 itself.
  const otherGuestIn = (name: string): { state: ShopState; next: (by: Party) => ReturnType<ReturnType<typeof buildScenario>["log"]["next"]> } => {
    const { log, state: base } = buildScenario();
    let state = base;
    const steps: Action[] = name === "change_items" || name === "commit_items" ? [] : name === "cancel" ? [commit] : [commit, shipTo];
    for (const a of steps) state = applyShopEvent({ state, ...log.push(guest2, order(ORDER.otherGuest, a)) });
    return { state, next: (by) => log.next(by, order(ORDER.otherGuest, ACTIONS[name]!.action)) };
  };
  for (const name of GUEST_ACTIONS) {
    it(`${name} on another guest's order is NOT_ORDER_OWNER; its owner and a clerk may`, () => {
      const { state, next } = otherGuestIn(name);
      let error: unknown;
      try {
        applyShopEvent({ state, ...next(guest) });
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ reason: "NOT_ORDER_OWNER", path: "event.update_order.id" });
      for (const by of [guest2, clerk]) expect(() => applyShopEvent({ state, ...next(by) }), by.address).not.toThrow();
    });
  }
  it("lists every action a guest may sign", () => {
    expect(GUEST_ACTIONS.sort()).toEqual(Object.keys(ACTIONS).filter((n) => ACTIONS[n]!.by === guest).sort());
  });
});
