// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/** Stable machine-readable error codes; the message text may change, these do not. */
export type ErrorCode =
  | "WRONG_TYPE"
  | "WRONG_LENGTH"
  | "OUT_OF_RANGE"
  | "MISSING_FIELD"
  | "UNKNOWN_FIELDS"
  | "INVALID_DOMAIN"
  | "INVALID_SIGNATURE"
  | "UNSUPPORTED_ACCOUNT"
  | "SCHEMA_MISMATCH"
  | "DECODE_FAILED"
  | "NON_CANONICAL_ENCODING"
  | "TOO_LARGE"
  | "WRONG_TYPE_URL"
  | "BATCH_TOO_LARGE"
  | "RELAY_ERROR"
  | "UNEXPECTED_RESPONSE"
  | "EVENT_REJECTED"
  | "INVALID_PUBLIC_KEY"
  | "SESSION_FAILED"
  | "HASHING_BUDGET_EXCEEDED"
  | "STORE_REFUSED"
  | "STORE_CONFLICT"
  | "STORE_FAILED"
  | "BLOB_UPLOAD_FAILED";

export interface NetworkSchemaErrorOptions {
  /** Where in the message the problem is, as proto field names: `listing.options[0].id.raw`. */
  readonly path?: string | undefined;
  readonly cause?: unknown;
}

// A registry symbol survives duplicate copies of the package, unlike `instanceof`.
const BRAND = Symbol.for("@massmarket/network-schema/error");

/**
 * Base of every error this package throws. `code` is stable; `shortMessage`
 * says what was expected; `path` names the field when there is one.
 *
 * @example
 * try {
 *   hashEvent({ event, domain });
 * } catch (error) {
 *   if (isNetworkSchemaError(error)) console.log(error.code, error.path);
 * }
 */
export class NetworkSchemaError extends Error {
  override name = "NetworkSchemaError";
  readonly code: ErrorCode;
  readonly shortMessage: string;
  readonly path: string | undefined;
  readonly [BRAND] = true;

  constructor(code: ErrorCode, shortMessage: string, options: NetworkSchemaErrorOptions = {}) {
    super(options.path ? `${options.path}: ${shortMessage}` : shortMessage, { cause: options.cause });
    this.code = code;
    this.shortMessage = shortMessage;
    this.path = options.path;
  }
}

/** True for any error thrown by this package. @example if (isNetworkSchemaError(error)) console.log(error.code); */
export function isNetworkSchemaError(value: unknown): value is NetworkSchemaError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

// Subclass guards: the brand plus the fixed `name` each subclass sets.
export function isNamedError<T extends NetworkSchemaError>(value: unknown, name: string): value is T {
  return isNetworkSchemaError(value) && value.name === name;
}
