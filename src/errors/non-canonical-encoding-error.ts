// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * Event bytes decode, but are not the canonical encoding of what they hold
 * (fields out of order, repeated, or non-minimal varints). An EIP-712
 * signature covers the decoded values, so such bytes would be a second byte
 * form of a signed event; they are refused so stored bytes are the signed ones.
 *
 * @example
 * if (isNonCanonicalEncodingError(error)) console.log(error.path); // "signedEvent.event.value"
 */
export class NonCanonicalEncodingError extends NetworkSchemaError {
  override name = "NonCanonicalEncodingError";
  constructor({ typeName, path }: { typeName: string; path: string }) {
    super("NON_CANONICAL_ENCODING", `expected the canonical binary encoding of ${typeName} (fields in number order, once each, minimal varints)`, { path });
  }
}

/** @example if (isNonCanonicalEncodingError(error)) console.log(error.code, error.path); */
export function isNonCanonicalEncodingError(value: unknown): value is NonCanonicalEncodingError {
  return isNamedError(value, "NonCanonicalEncodingError");
}
