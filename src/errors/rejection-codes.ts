// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { ErrorCodes } from "../../gen/market/mass/error_pb.js";

/**
 * Every stable code an event can be refused with (relay policy of
 * `checkEvent` and the shop rules of `applyShopEvent`, docs/shop-state.md),
 * with the `ErrorCodes` value a relay answers the write with.
 *
 * @example
 * EVENT_REJECTION_ERROR_CODES.OUT_OF_STOCK === ErrorCodes.OUT_OF_STOCK // true
 */
export const EVENT_REJECTION_ERROR_CODES = {
  // Envelope of every event.
  EVENT_EMPTY: ErrorCodes.INVALID,
  SHOP_MISMATCH: ErrorCodes.INVALID,
  UNKNOWN_KEYCARD: ErrorCodes.UNLINKED_KEYCARD,
  KEYCARD_REVOKED: ErrorCodes.UNLINKED_KEYCARD,
  NONCE_NOT_INCREASING: ErrorCodes.INVALID,
  TIMESTAMP_MISSING: ErrorCodes.INVALID,
  TIMESTAMP_INVALID: ErrorCodes.INVALID,
  TIMESTAMP_OUT_OF_WINDOW: ErrorCodes.INVALID,
  ACCOUNT_EVENT_NOT_ALLOWED: ErrorCodes.INVALID,
  FIELD_INVALID: ErrorCodes.INVALID,
  FIELD_LIMIT: ErrorCodes.INVALID,
  UPDATE_EMPTY: ErrorCodes.INVALID,
  // Roles and the relay sandbox.
  RELAY_NOT_ALLOWED: ErrorCodes.INVALID,
  RELAY_ONLY: ErrorCodes.INVALID,
  CLERK_ONLY: ErrorCodes.NOT_FOUND,
  NOT_ORDER_OWNER: ErrorCodes.NOT_FOUND,
  // Manifest.
  MANIFEST_MISSING: ErrorCodes.NOT_FOUND,
  MANIFEST_EXISTS: ErrorCodes.INVALID,
  MANIFEST_TOKEN_MISMATCH: ErrorCodes.INVALID,
  PAYEE_EXISTS: ErrorCodes.INVALID,
  PAYEE_NOT_FOUND: ErrorCodes.NOT_FOUND,
  CURRENCY_EXISTS: ErrorCodes.INVALID,
  CURRENCY_NOT_FOUND: ErrorCodes.NOT_FOUND,
  REGION_EXISTS: ErrorCodes.INVALID,
  REGION_NOT_FOUND: ErrorCodes.NOT_FOUND,
  REGION_MISMATCH: ErrorCodes.INVALID,
  // Account.
  KEYCARD_EXISTS: ErrorCodes.INVALID,
  KEYCARD_NOT_FOUND: ErrorCodes.NOT_FOUND,
  ACCOUNT_EXISTS: ErrorCodes.INVALID,
  ACCOUNT_NOT_FOUND: ErrorCodes.NOT_FOUND,
  // Listings, inventory, tags.
  LISTING_EXISTS: ErrorCodes.INVALID,
  LISTING_NOT_FOUND: ErrorCodes.NOT_FOUND,
  LISTING_DELETED: ErrorCodes.INVALID,
  OPTION_EXISTS: ErrorCodes.INVALID,
  OPTION_NOT_FOUND: ErrorCodes.NOT_FOUND,
  VARIATION_EXISTS: ErrorCodes.INVALID,
  VARIATION_NOT_FOUND: ErrorCodes.NOT_FOUND,
  VARIATIONS_INCOMPLETE: ErrorCodes.INVALID,
  UNIT_PRICE_NEGATIVE: ErrorCodes.INVALID,
  DIFF_ZERO: ErrorCodes.INVALID,
  STOCK_LIMIT: ErrorCodes.INVALID,
  OUT_OF_STOCK: ErrorCodes.OUT_OF_STOCK,
  TAG_EXISTS: ErrorCodes.INVALID,
  TAG_NOT_FOUND: ErrorCodes.NOT_FOUND,
  TAG_DELETED: ErrorCodes.INVALID,
  // Orders.
  ORDER_EXISTS: ErrorCodes.INVALID,
  ORDER_NOT_FOUND: ErrorCodes.NOT_FOUND,
  ORDER_STATUS: ErrorCodes.INVALID,
  ORDER_EMPTY: ErrorCodes.INVALID,
  ITEM_NOT_IN_ORDER: ErrorCodes.INVALID,
  QUANTITY_LIMIT: ErrorCodes.INVALID,
  ORDER_LINE_LIMIT: ErrorCodes.INVALID,
  ACTIVE_ORDER_LIMIT: ErrorCodes.INVALID,
  ADDRESS_MISSING: ErrorCodes.INVALID,
  PRICING_CURRENCY_MISSING: ErrorCodes.INVALID,
  CURRENCY_NOT_ACCEPTED: ErrorCodes.INVALID,
  CHAIN_MISMATCH: ErrorCodes.INVALID,
  TOTAL_OUT_OF_RANGE: ErrorCodes.INVALID,
  TOTAL_MISMATCH: ErrorCodes.INVALID,
  CANCEL_NOT_JUSTIFIED: ErrorCodes.INVALID,
} as const satisfies Record<string, ErrorCodes>;

/** A stable code an event can be refused with; see {@link EVENT_REJECTION_ERROR_CODES} and docs/shop-state.md. */
export type EventRejectionCode = keyof typeof EVENT_REJECTION_ERROR_CODES;
