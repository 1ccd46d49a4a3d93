// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { type ErrorCode, isNamedError, NetworkSchemaError, type NetworkSchemaErrorOptions } from "./base.js";

/** The codes a FieldValueError can carry. */
export type FieldValueCode = Extract<ErrorCode, "WRONG_TYPE" | "WRONG_LENGTH" | "OUT_OF_RANGE" | "MISSING_FIELD" | "SCHEMA_MISMATCH">;

/**
 * A field of a message holds a value that cannot be signed or sent as it is:
 * wrong JS type, wrong byte length, out of range, or a required part missing.
 *
 * @example
 * if (isFieldValueError(error)) console.log(error.path); // "event.listing.price.raw"
 */
export class FieldValueError extends NetworkSchemaError {
  override name = "FieldValueError";
  constructor(code: FieldValueCode, shortMessage: string, options?: NetworkSchemaErrorOptions) {
    super(code, shortMessage, options);
  }
}

/** @example if (isFieldValueError(error)) console.log(error.code, error.path); */
export function isFieldValueError(value: unknown): value is FieldValueError {
  return isNamedError(value, "FieldValueError");
}
