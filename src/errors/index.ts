// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

export * from "./account-error.js";
export { type ErrorCode, isNetworkSchemaError, NetworkSchemaError, type NetworkSchemaErrorOptions } from "./base.js";
export * from "./domain-error.js";
export * from "./field-value-error.js";
export * from "./signature-error.js";
export * from "./unknown-fields-error.js";
