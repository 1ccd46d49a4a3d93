// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * Input is larger than the size cap of the decode entry it was given to; it
 * was refused before any decoding.
 *
 * @example
 * if (isSizeLimitError(error)) console.log(error.size, error.limit);
 */
export class SizeLimitError extends NetworkSchemaError {
  override name = "SizeLimitError";
  readonly size: number;
  readonly limit: number;
  constructor({ path, size, limit }: { path: string; size: number; limit: number }) {
    super("TOO_LARGE", `expected at most ${limit} bytes, got ${size}`, { path });
    this.size = size;
    this.limit = limit;
  }
}

/** @example if (isSizeLimitError(error)) console.log(error.limit); */
export function isSizeLimitError(value: unknown): value is SizeLimitError {
  return isNamedError(value, "SizeLimitError");
}
