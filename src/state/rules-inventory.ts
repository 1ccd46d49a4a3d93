// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// ChangeInventory: docs/shop-state.md, "Inventory".
import type { ChangeInventory } from "../../gen/market/mass/shop_events_pb.js";
import type { RuleInput } from "./apply-to-draft.js";
import { combination } from "./combination.js";
import { type Draft, unpaidOrders, writable } from "./draft.js";
import { objectId } from "./fields.js";
import { keyOf } from "./inventory-key.js";
import { reject } from "./reject.js";
import type { OrderState } from "./shop-state.js";

const C = "event.change_inventory";
/** Largest stock of one key: the relay's int32 counter. */
export const MAX_STOCK = 2 ** 31 - 1;

export function applyChangeInventory(draft: Draft, change: ChangeInventory, input: RuleInput): void {
  const state = draft.state;
  const listingId = objectId(change.id, `${C}.id`);
  if (change.diff === 0) reject("DIFF_ZERO", `${C}.diff`, "diff must not be 0");
  if (input.role === "relay") return relayDecrement(draft, listingId, change);
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

// The relay only turns the hold of an unpaid order's line into a decrement: the line's exact key and quantity.
function relayDecrement(draft: Draft, listingId: string, change: ChangeInventory): void {
  const state = draft.state;
  if (change.diff > 0) reject("RELAY_NOT_ALLOWED", `${C}.diff`, "a relay may only decrement stock, for an unpaid order's line");
  const ids = change.variationIds.map((raw, i) => objectId(raw, `${C}.variation_ids[${i}]`)).sort();
  const key = keyOf(listingId, ids);
  const quantity = -change.diff;
  let match: { order: OrderState; line: number } | undefined;
  for (const orderId of unpaidOrders(draft)) {
    const order = state.orders[orderId] as OrderState;
    if (match !== undefined && match.order.id < order.id) continue;
    const line = order.items.findIndex((l) => !l.decremented && l.quantity === quantity && keyOf(l.listingId, l.variationIds) === key);
    if (line >= 0) match = { order, line };
  }
  if (match === undefined) reject("DECREMENT_UNMATCHED", C, `no unpaid order has an undecremented line of ${quantity} × ${key}`);
  const { order, line } = match;
  const stock = state.inventory[key] as { stock: number; committed: number };
  writable(draft, "inventory")[key] = { stock: stock.stock - quantity, committed: stock.committed - quantity };
  writable(draft, "orders")[order.id] = { ...order, items: order.items.map((l, i) => (i === line ? { ...l, decremented: true } : l)) };
}
