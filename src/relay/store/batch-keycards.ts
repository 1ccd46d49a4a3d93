// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The keycards a batch of accepted events enrolled or changed, as the
// ShopStore keeps them beside the batch (ShopStoreAppend.keycards). Only
// Account events touch keycards: a batch without one costs a scan of its
// events, and only Account.remove looks through the shop's keycards.
import type { Address } from "viem";
import type { ShopEvent } from "../../../gen/market/mass/shop_events_pb.js";
import { hexToBytes } from "../../crypto/hex.js";
import type { ShopState } from "../../state/shop-state.js";
import { keycardAddress } from "../../wire/keycards.js";
import type { ShopStoreKeycard } from "./store.js";

/** The keycards `events` (already folded into `state`) enrolled, revoked or changed, with their state after the batch. */
export function batchKeycards({ state, events }: { state: ShopState; events: readonly ShopEvent[] }): ShopStoreKeycard[] | undefined {
  const touched = new Set<string>();
  for (const event of events) {
    if (event.union.case !== "account") continue;
    const action = event.union.value.action;
    if (action.case === "enrollKeycard" && action.value.keycardPubkey !== undefined) touched.add(keycardAddress({ keycard: action.value.keycardPubkey.raw }));
    else if (action.case === "revokeKeycard") touched.add(keycardAddress({ keycard: action.value.raw }));
    else if (action.case === "remove") for (const [address, keycard] of Object.entries(state.keycards)) if (keycard.revoked) touched.add(address);
  }
  if (touched.size === 0) return undefined;
  const keycards: ShopStoreKeycard[] = [];
  for (const address of touched) {
    const keycard = state.keycards[address];
    if (keycard !== undefined) keycards.push({ address: address as Address, publicKey: hexToBytes(keycard.publicKey), guest: keycard.role === "guest", revoked: keycard.revoked });
  }
  return keycards;
}
