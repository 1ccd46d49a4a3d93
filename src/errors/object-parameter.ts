// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { FieldValueError } from "./field-value-error.js";

/**
 * Every public function takes one object parameter; called from plain
 * JavaScript without one, it fails with a typed error instead of a TypeError.
 * @example const { event, domain } = objectParameter({ event: create(ShopEventSchema), domain: { chainId: 1, verifyingContract: registry } });
 */
export function objectParameter<T>(parameters: T): T {
  if (typeof parameters !== "object" || parameters === null) {
    throw new FieldValueError("WRONG_TYPE", `expected one object parameter, got ${parameters === null ? "null" : typeof parameters}`, { path: "parameters" });
  }
  return parameters;
}
