// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// One accepted and one refused event per row of docs/shop-state.md, each
// applied to the same scenario shop (test/support/shop-scenario.ts).
import { describe, expect, it } from "vitest";
import { EVENT_REJECTION_ERROR_CODES, type EventRejectionCode } from "../../src/errors/rejection-codes.js";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import { prepareRuleCase, RULE_CASES } from "../support/shop-rule-cases.js";
import { buildScenario } from "../support/shop-scenario.js";

const base = buildScenario().state;
const baseJson = shopStateToJSON({ state: base });

describe("shop rules, one event on the scenario shop", () => {
  it.each(RULE_CASES.map((c) => [c.rule, c] as const))("%s", (_, c) => {
    const { before, event, signer } = prepareRuleCase(c);
    const beforeJson = shopStateToJSON({ state: before });
    if (c.code !== undefined) {
      let error: unknown;
      try {
        applyShopEvent({ state: before, event, signer });
      } catch (e) {
        error = e;
      }
      expect(isEventRejectedError(error), String(error)).toBe(true);
      if (!isEventRejectedError(error)) return;
      expect(error.reason, error.message).toBe(c.code);
      expect(error.errorCode).toBe(EVENT_REJECTION_ERROR_CODES[c.code]);
      expect(error.path).toMatch(/^(event|signer)/);
    } else {
      const after = applyShopEvent({ state: before, event, signer });
      c.check?.(after);
      expect(after.eventCount).toBe(before.eventCount + 1);
    }
    // Accepted or refused, the input state is untouched.
    expect(shopStateToJSON({ state: before })).toBe(beforeJson);
    expect(shopStateToJSON({ state: base })).toBe(baseJson);
  });

  it("refuses every code of the table at least once", () => {
    const covered = new Set(RULE_CASES.flatMap((c) => (c.code === undefined ? [] : [c.code])));
    // Policy-only codes of checkEvent (test/wire-helpers/check-event.test.ts).
    const elsewhere = new Set(["TIMESTAMP_OUT_OF_WINDOW", "ACCOUNT_EVENT_NOT_ALLOWED"]);
    const missing = Object.keys(EVENT_REJECTION_ERROR_CODES).filter((code) => !covered.has(code as EventRejectionCode) && !elsewhere.has(code));
    expect(missing).toEqual([]);
  });
});

