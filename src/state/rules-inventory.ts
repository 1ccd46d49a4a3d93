// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// ChangeInventory: docs/shop-state.md, "Inventory".
import type { ChangeInventory } from "../../gen/market/mass/shop_events_pb.js";
import { combination } from "./combination.js";
import { type Draft, writable } from "./draft.js";
import { objectId } from "./fields.js";
import { keyOf } from "./inventory-key.js";
import { reject } from "./reject.js";

const C = "event.change_inventory";
/** Largest stock of one key: the relay's int32 counter. */
export const MAX_STOCK = 2 ** 31 - 1;

// Clerks only (table SIGNERS): the payment itself takes stock out (rules-order.ts, add_payment_tx).
export function applyChangeInventory(draft: Draft, change: ChangeInventory): void {
  const state = draft.state;
  const listingId = objectId(change.id, `${C}.id`);
  if (change.diff === 0) reject("DIFF_ZERO", `${C}.diff`, "diff must not be 0");
  const listing = state.listings[listingId];
  if (listing === undefined) reject("LISTING_NOT_FOUND", `${C}.id`, `no listing ${listingId}`);
  const key = keyOf(listingId, combination(listing, change.variationIds, `${C}.variation_ids`, true));
  const before = state.inventory[key] ?? { stock: 0, committed: 0 };
  const stock = before.stock + change.diff;
  if (stock > MAX_STOCK) reject("STOCK_LIMIT", `${C}.diff`, `stock would be ${stock}, above ${MAX_STOCK}`);
  if (stock < before.committed) {
    reject("OUT_OF_STOCK", `${C}.diff`, `stock would be ${stock}, below the ${before.committed} units held by committed orders`);
  }
  writable(draft, "inventory")[key] = { stock, committed: before.committed };
}
