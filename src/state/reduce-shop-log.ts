// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { atLogIndex } from "./at-log-index.js";
import { checkEventInput, checkSignerInput, checkStateInput } from "./inputs.js";
import { createShopFold } from "./shop-fold.js";
import type { ShopState } from "./shop-state.js";

/** One entry of a log: an opened event and the address that signed it. */
export interface ShopLogEntry {
  readonly event: ShopEvent;
  readonly signer: string;
}

/** Parameters of {@link reduceShopLog}. */
export interface ReduceShopLogParameters {
  /** The state to start from (`createShopState(…)` or a restored snapshot); never modified. */
  readonly state: ShopState;
  /** The events in log order. */
  readonly events: readonly ShopLogEntry[];
}

/**
 * Folds a whole log with {@link applyShopEvent}'s rules, faster than
 * applying the events one by one: one {@link createShopFold}, the state copied once, not per event.
 *
 * @throws EventRejectedError for the first refused event, its `path` prefixed with `events[i].`
 * @example
 * const state = reduceShopLog({ state: createShopState({ context }), events: [{ event, signer }] });
 */
export function reduceShopLog(parameters: ReduceShopLogParameters): ShopState {
  const { state, events } = objectParameter(parameters);
  checkStateInput(state, "state");
  if (!Array.isArray(events)) throw new FieldValueError("WRONG_TYPE", "expected an array of { event, signer }", { path: "events" });
  const fold = createShopFold({ state });
  events.forEach((entry: unknown, i) => {
    const base = `events[${i}]`;
    if (typeof entry !== "object" || entry === null) throw new FieldValueError("WRONG_TYPE", "expected { event, signer }", { path: base });
    const { event, signer } = entry as Partial<ShopLogEntry>;
    checkEventInput(event, `${base}.event`);
    const address = checkSignerInput(signer, `${base}.signer`);
    atLogIndex(base, () => fold.apply({ event: event as ShopEvent, signer: address }));
  });
  return fold.state;
}
