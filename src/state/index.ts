// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The shop state machine (docs/shop-state.md): one fold and one set of rules for relays and clients.
export * from "./apply-shop-event.js";
export * from "./choose-shipping-region.js";
export * from "./compute-order-total.js";
export * from "./create-shop-state.js";
export * from "./listing-unit-price.js";
export { inventoryKey, type InventoryKeyParameters } from "./inventory-key.js";
export { MAX_GUEST_ACTIVE_ORDERS, MAX_ORDER_LINES } from "./order-limits.js";
export * from "./reduce-shop-log.js";
export type { ShopContext } from "./shop-context.js";
export * from "./shop-fold.js";
export { shopRole, type ShopRoleParameters } from "./shop-role.js";
export * from "./shop-state.js";
export * from "./shop-state-from-json.js";
export * from "./shop-state-to-json.js";
export * from "./verify-shop-event.js";
export * from "./verify-shop-log.js";
