// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * A `google.protobuf.Any` holds another message type than the one expected.
 *
 * @example
 * if (isTypeUrlError(error)) console.log(error.actual);
 */
export class TypeUrlError extends NetworkSchemaError {
  override name = "TypeUrlError";
  readonly expected: string;
  readonly actual: string;
  constructor({ path, expected, actual }: { path: string; expected: string; actual: string }) {
    super("WRONG_TYPE_URL", `expected type URL "${expected}", got ${JSON.stringify(actual.length > 120 ? `${actual.slice(0, 120)}…` : actual)}`, { path });
    this.expected = expected;
    this.actual = actual;
  }
}

/** @example if (isTypeUrlError(error)) console.log(error.expected, error.actual); */
export function isTypeUrlError(value: unknown): value is TypeUrlError {
  return isNamedError(value, "TypeUrlError");
}
