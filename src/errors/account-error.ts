// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * The `account` given for signing is neither a viem LocalAccount nor a WalletClient with an account.
 *
 * @example
 * if (isAccountError(error)) console.log(error.message);
 */
export class AccountError extends NetworkSchemaError {
  override name = "AccountError";
  constructor(expected: string) {
    super("UNSUPPORTED_ACCOUNT", expected, { path: "account" });
  }
}

/** @example if (isAccountError(error)) console.log(error.message); */
export function isAccountError(value: unknown): value is AccountError {
  return isNamedError(value, "AccountError");
}
