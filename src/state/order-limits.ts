// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * Most lines (distinct inventory keys) one order may hold after a
 * change_items (`ORDER_LINE_LIMIT`). Committing, pricing, paying and
 * cancelling an order each walk its lines: 256 keeps any one of those a
 * bounded step, far above a
 * real basket (docs/shop-state.md, "Orders").
 *
 * @example
 * const full = Object.values(state.orders).filter((order) => order.items.length === MAX_ORDER_LINES);
 */
export const MAX_ORDER_LINES = 256;

/**
 * Most active orders (neither paid nor canceled) one guest keycard may have
 * when it creates another (`ACTIVE_ORDER_LIMIT`); clerks are not limited.
 * A guest rarely has more than a basket and a few checkouts; 32 leaves room
 * while one keycard can no longer grow the shop's orders without end.
 *
 * @example
 * const active = Object.values(state.orders).filter((order) => order.owner === signer && order.status !== "paid" && order.status !== "canceled");
 * const mayCreate = active.length < MAX_GUEST_ACTIVE_ORDERS;
 */
export const MAX_GUEST_ACTIVE_ORDERS = 32;
