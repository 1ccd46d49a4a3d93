// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { KeycardInput } from "../wire/keycards.js";
import type { ShopIdInput } from "../wire/shop-id.js";

/**
 * What a shop's state depends on besides its log: the shop id and the
 * addresses its relays sign with (for example the owners of
 * `ShopReg.getAllRelays(shopId)` in the relay registry). Relay and clients
 * must use the same context to hold the same state.
 */
export interface ShopContext {
  /** The shop id: bigint, or 32 bytes big-endian as bytes or hex. */
  readonly shopId: ShopIdInput;
  /** Relay signing keys, as addresses or public keys. */
  readonly relays: readonly KeycardInput[];
}
