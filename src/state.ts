// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * The shop state machine: fold a shop's log into a {@link ShopState}, apply
 * and verify events under the shop rules of docs/shop-state.md (roles, relay
 * sandbox, nonces, inventory, orders, pricing), and snapshot the state as
 * canonical JSON. Relays and clients run the same code.
 *
 * @example
 * import { createShopState, verifyShopEvent, shopStateToJSON } from "@massmarket/network-schema/state";
 * let state = createShopState({ context: { shopId, relays } });
 * state = verifyShopEvent({ state, signedEvent, domain }).state;
 * const snapshot = shopStateToJSON({ state });
 *
 * @module state
 */
export { EVENT_REJECTION_ERROR_CODES, type EventRejectionCode } from "./errors/rejection-codes.js";
export { EventRejectedError, isEventRejectedError, type EventCheckFailure } from "./errors/event-rejected-error.js";
export * from "./state/index.js";
