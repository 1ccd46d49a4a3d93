// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * The EIP-712 domain is missing or malformed (chain id, registry address, name, version).
 *
 * @example
 * if (isDomainError(error)) console.log(error.path); // "domain.chainId"
 */
export class DomainError extends NetworkSchemaError {
  override name = "DomainError";
  constructor({ path, expected, cause }: { path: string; expected: string; cause?: unknown }) {
    super("INVALID_DOMAIN", `expected ${expected}`, { path, cause });
  }
}

/** @example if (isDomainError(error)) console.log(error.path); */
export function isDomainError(value: unknown): value is DomainError {
  return isNamedError(value, "DomainError");
}
