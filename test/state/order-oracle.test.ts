// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A model test that predicts: random order commands on the scenario shop, each
// judged first by a small oracle written from docs/shop-state.md (statuses,
// owners, one line of pens, stock and holds, lapse times), which says
// "accepted" or the exact refusal code; the fold must agree on every step,
// so a valid event refused or a forbidden one accepted both fail.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import type { ShopState } from "../../src/state/shop-state.js";
import { clerk, guest, guest2, oid, oidHex, type Party, relay, type UnionInit } from "../support/shop-fixtures.js";
import { buildScenario, choose, commit, details, items, order, pay, PEN, shipTo } from "../support/shop-scenario.js";

const RUNS = Number(process.env.STATE_ORACLE_RUNS ?? 300);
const IDS = [500, 501, 502];
const HOUR = 3600;
const TTL = 7200;
type Status = "open" | "committed" | "payment_chosen" | "unpaid" | "paid" | "canceled";
interface ModelOrder { owner: Party; status: Status; quantity: number; address: boolean; committedAt: number; detailsAt: number }

const command = fc.record({
  kind: fc.constantFrom("create", "add", "commit", "ship", "choose", "details", "pay", "cancel", "cancel", "stock", "wait"),
  id: fc.constantFrom(...IDS),
  who: fc.constantFrom(guest, guest, guest2, clerk, relay),
  n: fc.integer({ min: -3, max: 3 }),
});
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

// Pen in the scenario: stock 19, 2 held by orders 101 and 103.
class Oracle {
  orders = new Map<number, ModelOrder>();
  stock = 19;
  committed = 2;
  clock = 0;

  /** "accepted" or the code the rules give, and the command as an event (signer, union). */
  judge(c: Command): { by: Party; union: UnionInit; expect: string } {
    const o = this.orders.get(c.id);
    const q = Math.max(1, Math.abs(c.n));
    const customer = c.who === relay ? guest : c.who;
    switch (c.kind) {
      case "create":
        return { by: customer, union: { case: "createOrder", value: { id: oid(c.id) } }, expect: o === undefined ? "accepted" : "ORDER_EXISTS" };
      case "stock": {
        const next = this.stock + c.n;
        return { by: clerk, union: { case: "changeInventory", value: { id: oid(PEN), diff: c.n } }, expect: c.n === 0 ? "DIFF_ZERO" : next < this.committed ? "OUT_OF_STOCK" : "accepted" };
      }
      case "wait":
        return { by: clerk, union: { case: "tag", value: { id: oid(600 + this.clock), name: "tick" } }, expect: "accepted" };
      default: {
        const relayOnly = c.kind === "details" || c.kind === "pay";
        const by = relayOnly ? relay : c.kind === "cancel" ? c.who : customer;
        const action = { add: items([{ listing: PEN, quantity: q }]), commit, ship: shipTo, choose, details: details((o?.quantity ?? 0) * 1000, undefined, String(TTL)), pay, cancel: { case: "cancel", value: {} } }[c.kind]!;
        const union = order(c.id, action as Parameters<typeof order>[1]);
        if (o === undefined) return { by, union, expect: "ORDER_NOT_FOUND" };
        if (by !== clerk && by !== relay && o.owner !== by) return { by, union, expect: "NOT_ORDER_OWNER" };
        const from: Record<string, Status[]> = {
          add: ["open"], commit: ["open"], ship: ["open", "committed", "payment_chosen", "unpaid", "paid"], choose: ["committed", "payment_chosen"],
          details: ["payment_chosen"], pay: ["unpaid", "paid"], cancel: ["committed", "payment_chosen", "unpaid"],
        };
        if (!from[c.kind]!.includes(o.status)) return { by, union, expect: "ORDER_STATUS" };
        if (c.kind === "commit" && o.quantity === 0) return { by, union, expect: "ORDER_EMPTY" };
        if (c.kind === "commit" && this.stock - this.committed < o.quantity) return { by, union, expect: "OUT_OF_STOCK" };
        if (c.kind === "choose" && !o.address) return { by, union, expect: "ADDRESS_MISSING" };
        if (c.kind === "cancel" && by === relay) {
          const lapse = o.status === "unpaid" ? o.detailsAt + TTL : o.committedAt + 86_400;
          if (this.clock < lapse) return { by, union, expect: "CANCEL_NOT_JUSTIFIED" };
        }
        return { by, union, expect: "accepted" };
      }
    }
  }

  /** The model after an accepted command (the event was stamped at `clock`). */
  apply(c: Command): void {
    const o = this.orders.get(c.id);
    const q = Math.max(1, Math.abs(c.n));
    const at = this.clock;
    if (c.kind === "create") this.orders.set(c.id, { owner: c.who === relay ? guest : c.who, status: "open", quantity: 0, address: false, committedAt: 0, detailsAt: 0 });
    else if (c.kind === "stock") this.stock += c.n;
    else if (o !== undefined) {
      if (c.kind === "add") o.quantity += q;
      if (c.kind === "commit") Object.assign(o, { status: "committed", committedAt: at }), (this.committed += o.quantity);
      if (c.kind === "ship") o.address = true;
      if (c.kind === "choose") o.status = "payment_chosen";
      if (c.kind === "details") Object.assign(o, { status: "unpaid", detailsAt: at });
      if (c.kind === "pay") {
        if (o.status === "unpaid") (this.stock -= o.quantity), (this.committed -= o.quantity);
        o.status = "paid";
      }
      if (c.kind === "cancel") (this.committed -= o.quantity), (o.status = "canceled");
    }
    this.clock += HOUR;
  }
}

describe("order rules against an oracle that predicts acceptance", () => {
  it(`agrees on every step of ${RUNS} random runs (accepted, or the exact refusal)`, () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 60 }), (commands) => {
        const { log, state: base } = buildScenario();
        let state: ShopState = base;
        const oracle = new Oracle();
        for (const c of commands) {
          const { by, union, expect: predicted } = oracle.judge(c);
          const entry = log.next(by, union);
          let outcome = "accepted";
          try {
            state = applyShopEvent({ state, ...entry });
          } catch (error) {
            if (!isEventRejectedError(error)) throw error;
            outcome = error.reason ?? "";
          }
          expect(outcome, `${c.kind} ${c.id} by ${by.address}`).toBe(predicted);
          if (outcome !== "accepted") {
            refused++;
            continue;
          }
          accepted++;
          log.push(by, union);
          oracle.apply(c);
          for (const [id, o] of oracle.orders) expect(state.orders[oidHex(id)]?.status).toBe(o.status);
          expect(state.inventory[oidHex(PEN)]).toEqual({ stock: oracle.stock, committed: oracle.committed });
        }
      }),
      { numRuns: RUNS, seed: 2026_1206 },
    );
    // Both sides of the prediction are exercised.
    expect(accepted).toBeGreaterThan(RUNS * 5);
    expect(refused).toBeGreaterThan(RUNS * 5);
  });
});
