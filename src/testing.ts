// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * Node-only test support: {@link startTestRelay} runs the reference relay
 * (in memory, or with an fsynced log file) on loopback for client test
 * suites. Not for browsers: it opens a server socket.
 *
 * @example
 * import { startTestRelay } from "@massmarket/network-schema/testing";
 * const relay = await startTestRelay();
 *
 * @module testing
 */
export * from "./relay/open-reference-relay.js";
export * from "./relay/create-relay-core.js";
export { ReferenceRelay, type ReferenceRelayOptions } from "./relay/reference-relay.js";
export type { ReadBackRecord, RelayStore, StoredRecord, StoredSnapshot } from "./relay/relay-store.js";
export * from "./relay/start-test-relay.js";
export { type BlobUploadOptions, DEFAULT_MAX_BLOB_BYTES } from "./relay/blob/blob-uploads.js";
export type { ShopAccessList, ShopAccessOptions } from "./relay/http/shop-access.js";
export type { ShopStore, ShopStoreAppend, ShopStoreAppended, ShopStoreAppendNotice, ShopStoreKeycard, ShopStoreKeycardInShop, ShopStoreRecord } from "./relay/store/store.js";
export { createMemoryShopStore, type MemoryShopStore } from "./relay/store/memory-store.js";
export * from "./relay/store/conformance.js";
export { openPostgresShopStore, type OpenPostgresShopStoreParameters } from "./relay/store/postgres-store.js";
export { POSTGRES_MIGRATIONS, type PostgresMigration } from "./relay/store/postgres-migrations.js";
export { openFileShopStore, type OpenFileShopStoreParameters } from "./relay/store/file-store.js";
