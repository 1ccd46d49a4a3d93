// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * A keycard public key (or address) is not usable: wrong length, bad hex, or
 * not a point on secp256k1.
 *
 * @example
 * if (isPublicKeyError(error)) console.log(error.path); // "keycards[2]"
 */
export class PublicKeyError extends NetworkSchemaError {
  override name = "PublicKeyError";
  constructor({ path, expected, cause }: { path: string; expected: string; cause?: unknown }) {
    super("INVALID_PUBLIC_KEY", expected, { path, cause });
  }
}

/** @example if (isPublicKeyError(error)) console.log(error.shortMessage); */
export function isPublicKeyError(value: unknown): value is PublicKeyError {
  return isNamedError(value, "PublicKeyError");
}
