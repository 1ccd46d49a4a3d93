// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { objectParameter } from "../errors/object-parameter.js";
import { canonicalJson } from "./canonical-json.js";
import { checkStateInput } from "./inputs.js";
import type { ShopState } from "./shop-state.js";

/** Parameters of {@link shopStateToJSON}. */
export interface ShopStateToJSONParameters {
  readonly state: ShopState;
}

/**
 * The snapshot of a state: canonical JSON (keys sorted, no whitespace), so
 * equal states give byte-identical text on every relay and client
 * (docs/shop-state.md, "Snapshot").
 *
 * @example
 * const snapshot = shopStateToJSON({ state });
 * const same = shopStateFromJSON({ json: snapshot });
 */
export function shopStateToJSON(parameters: ShopStateToJSONParameters): string {
  const { state } = objectParameter(parameters);
  checkStateInput(state, "state");
  return canonicalJson(state);
}
