// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// ShopFold against the pure functions: every rule case gives the same state
// (or the same refusal, the fold left exactly as before), batches are all or
// nothing (its order indexes included), and `state` is live while `snapshot()` stays.
import { describe, expect, it } from "vitest";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import { MAX_GUEST_ACTIVE_ORDERS } from "../../src/state/order-limits.js";
import { createShopFold, type ShopFold } from "../../src/state/shop-fold.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import { guest2, oid, type Party, relay, type UnionInit, clerk } from "../support/shop-fixtures.js";
import { prepareRuleCase, RULE_CASES } from "../support/shop-rule-cases.js";
import { buildScenario, details, ORDER, order, pay, TAG } from "../support/shop-scenario.js";

const json = (fold: ShopFold) => shopStateToJSON({ state: fold.state });

function refusal(step: () => unknown): string | undefined {
  try {
    step();
  } catch (error) {
    if (isEventRejectedError(error)) return error.reason;
    throw error;
  }
  return undefined;
}

describe("a ShopFold applies each rule case as applyShopEvent does", () => {
  it.each(RULE_CASES.map((c) => [c.rule, c] as const))("%s", (_, c) => {
    const { before, event, signer } = prepareRuleCase(c);
    const beforeJson = shopStateToJSON({ state: before });
    const fold = createShopFold({ state: before });
    if (c.code !== undefined) {
      expect(refusal(() => fold.apply({ event, signer }))).toBe(c.code);
      expect(json(fold)).toBe(beforeJson);
    } else {
      fold.apply({ event, signer });
      expect(json(fold)).toBe(shopStateToJSON({ state: applyShopEvent({ state: before, event, signer }) }));
    }
    expect(shopStateToJSON({ state: before })).toBe(beforeJson);
  });
});

describe("a refused batch", () => {
  it("leaves the state exactly as before, and the order indexes with it", () => {
    const { log, state } = buildScenario();
    const fold = createShopFold({ state });
    const before = json(fold);
    const step = (by: Party, union: UnionInit) => fold.apply(log.push(by, union));
    const error = refusal(() =>
      fold.atomically(() => {
        step(clerk, { case: "tag", value: { id: oid(301), name: "new" } });
        for (let i = 0; i < 5; i++) step(guest2, { case: "createOrder", value: { id: oid(500 + i) } });
        // Order 102 becomes unpaid inside the batch…
        step(relay, order(ORDER.chosen, details(2404, "domestic")));
        // …and the batch fails on its last event.
        step(clerk, { case: "tag", value: { id: oid(TAG), name: "taken" } });
      }),
    );
    expect(error).toBe("TAG_EXISTS");
    expect(json(fold)).toBe(before);
    // Order 102 is not unpaid again: a payment of it is out of order.
    expect(refusal(() => fold.apply(log.next(relay, order(ORDER.chosen, pay))))).toBe("ORDER_STATUS");
    // guest2's five orders are gone from its count: it holds one active order, and may create the rest up to the cap.
    for (let i = 1; i < MAX_GUEST_ACTIVE_ORDERS; i++) fold.apply(log.push(guest2, { case: "createOrder", value: { id: oid(600 + i) } }));
    expect(refusal(() => fold.apply(log.next(guest2, { case: "createOrder", value: { id: oid(700) } })))).toBe("ACTIVE_ORDER_LIMIT");
  });

  it("keeps what an inner step accepted when the caller catches its refusal", () => {
    const { log, state } = buildScenario();
    const fold = createShopFold({ state });
    fold.atomically(() => {
      fold.apply(log.push(clerk, { case: "tag", value: { id: oid(301), name: "new" } }));
      expect(refusal(() => fold.apply(log.next(clerk, { case: "tag", value: { id: oid(TAG), name: "taken" } })))).toBe("TAG_EXISTS");
    });
    expect(fold.state.tags[`0x${(301).toString(16).padStart(16, "0")}`]?.name).toBe("new");
    expect(fold.state.eventCount).toBe(state.eventCount + 1);
  });
});

describe("what a caller may keep", () => {
  it("state is live, snapshot() stays, and the input is never modified", () => {
    const { log, state } = buildScenario();
    const input = shopStateToJSON({ state });
    const fold = createShopFold({ state });
    const live = fold.state;
    const kept = fold.snapshot();
    fold.apply(log.push(clerk, { case: "tag", value: { id: oid(301), name: "new" } }));
    expect(live.eventCount).toBe(state.eventCount + 1);
    expect(shopStateToJSON({ state: kept })).toBe(input);
    expect(shopStateToJSON({ state })).toBe(input);
  });
});
