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
// Everything of ./relay, for test suites that also start a test relay.
export * from "./relay.js";
export * from "./relay/open-reference-relay.js";
export * from "./relay/start-test-relay.js";
export { type BlobUploadOptions, DEFAULT_MAX_BLOB_BYTES } from "./relay/blob/blob-uploads.js";
export type { ShopAccessList, ShopAccessOptions } from "./relay/http/shop-access.js";
export * from "./relay/store/conformance.js";
