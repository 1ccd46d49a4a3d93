// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * A message carries fields this schema does not know (from a newer peer or
 * tampering). They would not be covered by a signature, so they are refused.
 *
 * @example
 * if (isUnknownFieldsError(error)) console.log(error.path, error.fieldNumbers);
 */
export class UnknownFieldsError extends NetworkSchemaError {
  override name = "UnknownFieldsError";
  readonly fieldNumbers: readonly number[];
  constructor({ path, fieldNumbers }: { path: string | undefined; fieldNumbers: readonly number[] }) {
    super(
      "UNKNOWN_FIELDS",
      `message has fields unknown to this schema (numbers ${fieldNumbers.join(", ")}); they cannot be signed or verified`,
      { path },
    );
    this.fieldNumbers = fieldNumbers;
  }
}

/** @example if (isUnknownFieldsError(error)) console.log(error.fieldNumbers); */
export function isUnknownFieldsError(value: unknown): value is UnknownFieldsError {
  return isNamedError(value, "UnknownFieldsError");
}
