// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { ShopRole } from "./shop-state.js";

/**
 * Who may sign what: docs/shop-state.md, table "Signers". Keys are the
 * ShopEvent member, or `update_order.<action>` / `account.<action>`.
 * A relay signing anything not listed for it is outside its sandbox.
 */
export const SIGNERS = {
  manifest: ["clerk"],
  update_manifest: ["clerk"],
  "account.enroll_keycard": ["relay"],
  "account.revoke_keycard": ["relay"],
  "account.add": ["relay"],
  "account.remove": ["relay"],
  listing: ["clerk"],
  update_listing: ["clerk"],
  change_inventory: ["clerk"],
  tag: ["clerk"],
  update_tag: ["clerk"],
  create_order: ["clerk", "guest"],
  "update_order.change_items": ["clerk", "guest"],
  "update_order.commit_items": ["clerk", "guest"],
  "update_order.set_invoice_address": ["clerk", "guest"],
  "update_order.set_shipping_address": ["clerk", "guest"],
  "update_order.choose_payment": ["clerk", "guest"],
  "update_order.cancel": ["clerk", "guest", "relay"],
  "update_order.set_payment_details": ["relay"],
  "update_order.add_payment_tx": ["relay"],
  "update_order.set_shipping_status": ["clerk"],
} as const satisfies Record<string, readonly ShopRole[]>;

/** A row of {@link SIGNERS}. */
export type SignedAction = keyof typeof SIGNERS;
