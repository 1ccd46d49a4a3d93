// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// change_items (docs/shop-state.md, rule O2): the order's lines keyed in a map for the event, one sort at its end.
import type { OrderedItem } from "../../gen/market/mass/base_types_pb.js";
import { combination } from "./combination.js";
import { objectId } from "./fields.js";
import { keyOf } from "./inventory-key.js";
import { MAX_ORDER_LINES } from "./order-limits.js";
import { reject } from "./reject.js";
import type { OrderLineState, ShopState } from "./shop-state.js";

const MAX_QUANTITY = 2 ** 32 - 1;

/** The order's lines after one change_items: adds in order, then removes in order; sorted by inventory key once. */
export function changeLines(state: ShopState, items: readonly OrderLineState[], adds: readonly OrderedItem[], removes: readonly OrderedItem[], path: string): OrderLineState[] {
  const lines = new Map<string, OrderLineState>();
  for (const line of items) lines.set(keyOf(line.listingId, line.variationIds), line);
  adds.forEach((item, i) => addLine(state, lines, item, `${path}.adds[${i}]`));
  removes.forEach((item, i) => removeLine(lines, item, `${path}.removes[${i}]`));
  if (lines.size > MAX_ORDER_LINES) reject("ORDER_LINE_LIMIT", `${path}.adds`, `the order would hold ${lines.size} lines, above ${MAX_ORDER_LINES}`);
  return [...lines].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);
}

function addLine(state: ShopState, lines: Map<string, OrderLineState>, item: OrderedItem, path: string): void {
  const listingId = objectId(item.listingId, `${path}.listing_id`);
  const listing = state.listings[listingId];
  if (listing === undefined) reject("LISTING_NOT_FOUND", `${path}.listing_id`, `no listing ${listingId}`);
  if (listing.viewState === "deleted") reject("LISTING_DELETED", `${path}.listing_id`, `listing ${listingId} is deleted`);
  const variationIds = combination(listing, item.variationIds, `${path}.variation_ids`, true);
  if (item.quantity === 0) reject("FIELD_INVALID", `${path}.quantity`, "quantity must not be 0");
  const key = keyOf(listingId, variationIds);
  const quantity = (lines.get(key)?.quantity ?? 0) + item.quantity;
  if (quantity > MAX_QUANTITY) reject("QUANTITY_LIMIT", `${path}.quantity`, `the line would hold ${quantity} units, above ${MAX_QUANTITY}`);
  lines.set(key, { listingId, variationIds, quantity, unitPrice: null });
}

function removeLine(lines: Map<string, OrderLineState>, item: OrderedItem, path: string): void {
  const listingId = objectId(item.listingId, `${path}.listing_id`);
  const ids = item.variationIds.map((raw, i) => objectId(raw, `${path}.variation_ids[${i}]`)).sort();
  const key = keyOf(listingId, ids);
  if (item.quantity === 0) reject("FIELD_INVALID", `${path}.quantity`, "quantity must not be 0");
  const line = lines.get(key);
  if (line === undefined || line.quantity < item.quantity) reject("ITEM_NOT_IN_ORDER", path, `the order holds ${line?.quantity ?? 0} × ${key}, fewer than ${item.quantity}`);
  const quantity = line.quantity - item.quantity;
  if (quantity === 0) lines.delete(key);
  else lines.set(key, { ...line, quantity });
}
