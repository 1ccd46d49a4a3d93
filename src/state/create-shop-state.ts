// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { bytesToHex } from "../crypto/hex.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { keycardAddress } from "../wire/keycards.js";
import { createNonceTracker } from "../wire/nonce-tracker.js";
import { shopIdBytes } from "../wire/shop-id.js";
import type { ShopContext } from "./shop-context.js";
import { SHOP_STATE_VERSION, type ShopState } from "./shop-state.js";

/** Parameters of {@link createShopState}. */
export interface CreateShopStateParameters {
  readonly context: ShopContext;
}

/**
 * The state of a shop before its first event: no manifest, no keycards,
 * only the context (shop id and relay addresses).
 *
 * @throws FieldValueError, PublicKeyError (for a bad context)
 * @example
 * const state = createShopState({ context: { shopId: 23n, relays: ["0x0000000000000000000000000000000000000001"] } });
 */
export function createShopState(parameters: CreateShopStateParameters): ShopState {
  const { context } = objectParameter(parameters);
  if (typeof context !== "object" || context === null) throw new FieldValueError("WRONG_TYPE", "expected a ShopContext object", { path: "context" });
  const shopId = bytesToHex(shopIdBytes({ shopId: context.shopId, path: "context.shopId" }));
  if (!Array.isArray(context.relays)) throw new FieldValueError("WRONG_TYPE", "expected an array of relay addresses or public keys", { path: "context.relays" });
  const relays = [...new Set(context.relays.map((keycard, i) => keycardAddress({ keycard, path: `context.relays[${i}]` })))].sort();
  return {
    version: SHOP_STATE_VERSION,
    shopId,
    relays,
    eventCount: 0,
    manifest: null,
    keycards: {},
    accounts: [],
    nonces: createNonceTracker({}),
    listings: {},
    tags: {},
    inventory: {},
    orders: {},
  };
}
