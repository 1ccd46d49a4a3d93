// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * Event bytes decode, but are refused as a byte form. Under EIP-712 they are
 * not the canonical encoding of what they hold (fields out of order,
 * repeated, or non-minimal varints): the signature covers the decoded values,
 * so such bytes would be a second byte form of a signed event. Under EIP-191
 * (the signature covers the bytes) they are bytes that protobuf decoders read
 * in two ways; `secondReading` then says where and why.
 *
 * @example
 * if (isNonCanonicalEncodingError(error)) console.log(error.path); // "signedEvent.event.value"
 */
export class NonCanonicalEncodingError extends NetworkSchemaError {
  override name = "NonCanonicalEncodingError";
  /** Under EIP-191: the field and why decoders would read it differently. */
  readonly secondReading: { readonly field: string; readonly reason: string } | undefined;
  constructor({ typeName, path, secondReading }: { typeName: string; path: string; secondReading?: { field: string; reason: string } }) {
    super(
      "NON_CANONICAL_ENCODING",
      secondReading === undefined
        ? `expected the canonical binary encoding of ${typeName} (fields in number order, once each, minimal varints)`
        : `expected ${typeName} bytes that every protobuf decoder reads one way; field ${secondReading.field} has ${secondReading.reason}`,
      { path },
    );
    this.secondReading = secondReading;
  }
}

/** @example if (isNonCanonicalEncodingError(error)) console.log(error.code, error.path); */
export function isNonCanonicalEncodingError(value: unknown): value is NonCanonicalEncodingError {
  return isNamedError(value, "NonCanonicalEncodingError");
}
