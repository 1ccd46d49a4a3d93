// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * Node-only relay side: {@link createRelayCore}, the relay that holds every
 * relay duty over a {@link ShopStore} (memory, the file log, PostgreSQL, or
 * your own database), and those stores. Serve it with a `RelaySession` per
 * connection (`@massmarket/network-schema/session`); docs/relay-guide.md
 * has a whole relay in 30 lines. `./testing` exports all of this too, with
 * the test relay and the store conformance suite.
 *
 * @example
 * import { createRelayCore, openPostgresShopStore } from "@massmarket/network-schema/relay";
 * const core = await createRelayCore({ store: await openPostgresShopStore({ connectionString: "postgres://relay@127.0.0.1:5432/shops" }), domain, privateKey });
 *
 * @module relay
 */
export * from "./relay/create-relay-core.js";
export { ReferenceRelay, type ReferenceRelayOptions } from "./relay/reference-relay.js";
export type { ReadBackRecord, RelayStore, StoredRecord, StoredSnapshot } from "./relay/relay-store.js";
export type { ShopStore, ShopStoreAppend, ShopStoreAppended, ShopStoreAppendNotice, ShopStoreKeycard, ShopStoreKeycardInShop, ShopStoreRecord } from "./relay/store/store.js";
export { createMemoryShopStore, type MemoryShopStore } from "./relay/store/memory-store.js";
export { openPostgresShopStore, type OpenPostgresShopStoreParameters } from "./relay/store/postgres-store.js";
export { POSTGRES_MIGRATIONS, type PostgresMigration } from "./relay/store/postgres-migrations.js";
export { openFileShopStore, type OpenFileShopStoreParameters } from "./relay/store/file-store.js";
