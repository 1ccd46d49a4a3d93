// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import type { ShopState } from "./shop-state.js";
import { checkStateShape } from "./state-shape.js";

/** Parameters of {@link shopStateFromJSON}. */
export interface ShopStateFromJSONParameters {
  /** A snapshot written by {@link shopStateToJSON} (any JSON formatting is accepted). */
  readonly json: string;
}

/**
 * Restores a state from its snapshot, checking its exact shape (every
 * member present, no unknown members, ids and amounts well-formed), so
 * folding can go on from it.
 *
 * @throws FieldValueError: WRONG_TYPE when not JSON, SCHEMA_MISMATCH naming the JSON path
 * @example
 * const state = shopStateFromJSON({ json: shopStateToJSON({ state: createShopState({ context: { shopId: 1n, relays: [] } }) }) });
 */
export function shopStateFromJSON(parameters: ShopStateFromJSONParameters): ShopState {
  const { json } = objectParameter(parameters);
  if (typeof json !== "string") throw new FieldValueError("WRONG_TYPE", "expected the snapshot as a JSON string", { path: "json" });
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw new FieldValueError("WRONG_TYPE", `expected JSON text (${cause instanceof Error ? cause.message : "unparseable"})`, { path: "json", cause });
  }
  checkStateShape(value, "state");
  return value as ShopState;
}
