// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { Dialect } from "../wire/dialect.js";
import { advanceDraftNonce, type Draft } from "./draft.js";
import { timestamp } from "./fields.js";
import { reject } from "./reject.js";
import { applyAccount } from "./rules-account.js";
import { applyChangeInventory } from "./rules-inventory.js";
import { applyListing, applyUpdateListing } from "./rules-listing.js";
import { applyManifest, applyUpdateManifest } from "./rules-manifest.js";
import { applyCreateOrder, applyUpdateOrder } from "./rules-order.js";
import { applyTag, applyUpdateTag } from "./rules-tag.js";
import { roleOf } from "./shop-role.js";
import type { ShopRole, StateTimestamp } from "./shop-state.js";
import { SIGNERS, type SignedAction } from "./signers.js";

/** What every rule gets besides the draft: who signed, in which role, and when. */
export interface RuleInput {
  readonly signer: Address;
  readonly role: ShopRole;
  readonly at: StateTimestamp;
}

/**
 * The rules of docs/shop-state.md in table order: envelope checks (union,
 * shop, timestamp, signer, nonce), then the signer table, then the manifest
 * precondition, then the member's own rules. Writes only draft-owned copies.
 */
export function applyToDraft(draft: Draft, event: ShopEvent, signer: Address, dialect: Dialect = "eip712"): void {
  const state = draft.state;
  const union = event.union;
  if (union.case === undefined) reject("EVENT_EMPTY", "event.union", "event sets no member of union");
  const shop = event.shopId?.raw;
  // v3 peers never set shop_id (v3 relays sent it empty): absent, it is the shop the event is folded into.
  const absentAllowed = dialect === "v3" && (shop === undefined || shop.length === 0);
  if (!absentAllowed && (shop === undefined || shop.length !== 32 || bytesToHex(shop) !== state.shopId)) reject("SHOP_MISMATCH", "event.shop_id", `event is not for shop ${state.shopId}`);
  const at = timestamp(event.timestamp, "event.timestamp", "TIMESTAMP_MISSING");
  const role = roleOf(state, signer);
  if (role === undefined) {
    if (state.keycards[signer]?.revoked === true) reject("KEYCARD_REVOKED", "signer", `keycard ${signer} was revoked`);
    reject("UNKNOWN_KEYCARD", "signer", `${signer} is neither an enrolled keycard nor a relay of this shop`);
  }
  // Nonces start at 1 (0 is protobuf's "unset"); then the wire layer's tracker: strictly increasing per signer.
  if (event.nonce === 0n) reject("NONCE_NOT_INCREASING", "event.nonce", "nonce must be at least 1");
  advanceDraftNonce(draft, signer, event.nonce);
  const action = signedAction(event);
  const allowed: readonly ShopRole[] = SIGNERS[action.key];
  if (!allowed.includes(role)) {
    if (role === "relay") reject("RELAY_NOT_ALLOWED", action.path, `a relay may not sign ${action.key}`);
    if (allowed.length === 1 && allowed[0] === "relay") reject("RELAY_ONLY", action.path, `only a relay may sign ${action.key}`);
    reject("CLERK_ONLY", action.path, `a guest keycard may not sign ${action.key}`);
  }
  if (state.manifest === null && union.case !== "manifest" && union.case !== "account") reject("MANIFEST_MISSING", `event.${snake(union.case)}`, "the shop has no manifest yet");

  const input: RuleInput = { signer, role, at };
  switch (union.case) {
    case "manifest": applyManifest(draft, union.value); break;
    case "updateManifest": applyUpdateManifest(draft, union.value); break;
    case "account": applyAccount(draft, union.value); break;
    case "listing": applyListing(draft, union.value); break;
    case "updateListing": applyUpdateListing(draft, union.value); break;
    case "changeInventory": applyChangeInventory(draft, union.value); break;
    case "tag": applyTag(draft, union.value); break;
    case "updateTag": applyUpdateTag(draft, union.value); break;
    case "createOrder": applyCreateOrder(draft, union.value, input); break;
    case "updateOrder": applyUpdateOrder(draft, union.value, input); break;
  }
  state.eventCount += 1;
}

const snakeNames = new Map<string, string>();

/** proto field name of a protobuf-es oneof case: "updateOrder" → "update_order" (cached: a handful of names, every event). */
export function snake(name: string): string {
  let out = snakeNames.get(name);
  if (out === undefined) snakeNames.set(name, (out = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return out;
}

// A handful of (member, action) pairs, met on every event: their names are built once.
const actions = new Map<string, { key: SignedAction; path: string }>();

function signedAction(event: ShopEvent): { key: SignedAction; path: string } {
  const union = event.union;
  const member: string = snake(union.case ?? "");
  let action: string | undefined;
  if (union.case === "account" || union.case === "updateOrder") {
    action = union.value.action.case;
    if (action === undefined) reject("UPDATE_EMPTY", `event.${member}.action`, `${member} sets no action`);
  }
  const id = action === undefined ? member : `${member}.${action}`;
  let named = actions.get(id);
  if (named === undefined) {
    const key = action === undefined ? member : `${member}.${snake(action)}`;
    if (actions.size >= 64) actions.clear();
    actions.set(id, (named = { key: key as SignedAction, path: `event.${key}` }));
  }
  return named;
}
