// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

export * from "./account-error.js";
export { type ErrorCode, isNetworkSchemaError, NetworkSchemaError, type NetworkSchemaErrorOptions } from "./base.js";
export * from "./domain-error.js";
export * from "./field-value-error.js";
export * from "./signature-error.js";
export * from "./unknown-fields-error.js";
export * from "./batch-limit-error.js";
export * from "./decode-error.js";
export * from "./event-rejected-error.js";
export * from "./rejection-codes.js";
export * from "./hashing-budget-error.js";
export * from "./public-key-error.js";
export * from "./relay-error.js";
export * from "./size-limit-error.js";
export * from "./type-url-error.js";
export * from "./unexpected-response-error.js";
export * from "./non-canonical-encoding-error.js";
export * from "./session-error.js";
export * from "./relay-store-error.js";
export * from "./shop-store-error.js";
export * from "./blob-upload-error.js";
