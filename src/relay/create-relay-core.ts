// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay core over a ShopStore, for a relay of one's own on one's own
// database: every relay duty (docs/relay-guide.md, "Relay duties") is here,
// the store only stores. Several processes may share the store.
import { objectParameter } from "../errors/object-parameter.js";
import { ReferenceRelay, type ReferenceRelayOptions } from "./reference-relay.js";
import { checkShopStore } from "./store/check-shop-store.js";
import type { ShopStore } from "./store/store.js";

/** Parameters of {@link createRelayCore}: ReferenceRelayOptions with a ShopStore as its storage. */
export interface CreateRelayCoreParameters extends Omit<ReferenceRelayOptions, "store" | "shopStore"> {
  /** Where shops live; other relay processes (same `privateKey` and `domain`) may share it. Closed by `close()`. */
  readonly store: ShopStore;
}

/**
 * The relay core (Node only) over an async ShopStore: loads every shop
 * (from its snapshot when one matches), then serves as a RelayBackend for
 * RelaySessions. Each write to a shop catches it up from the store, folds
 * through the shop state machine and is appended before it is acknowledged;
 * appends by other processes reach this one's subscribers through the
 * store's notices. Store failures reach clients as
 * TOO_MANY_CONCURRENT_REQUESTS with the rule STORE_FAILED (retry later).
 *
 * @throws FieldValueError at `store` when it is missing or not a ShopStore
 *
 * @example
 * const core = await createRelayCore({ store: createMemoryShopStore(), domain, privateKey: generatePrivateKey() });
 * await core.enrollKeycard({ shopId: 23n, publicKey: account.publicKey });
 * const session = new RelaySession({ transport, backend: core });
 */
export async function createRelayCore(parameters: CreateRelayCoreParameters): Promise<ReferenceRelay> {
  const { store, ...options } = objectParameter(parameters);
  checkShopStore(store, "store");
  return ReferenceRelay.open({ ...options, shopStore: store });
}
