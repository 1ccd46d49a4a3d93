// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * A request holds more items (events) than the protocol's batch limit, or none.
 *
 * @example
 * if (isBatchLimitError(error)) console.log(error.count, error.limit); // 65, 64
 */
export class BatchLimitError extends NetworkSchemaError {
  override name = "BatchLimitError";
  readonly count: number;
  readonly limit: number;
  /** `count` is a lower bound: counting stopped there, before decoding the rest. */
  readonly atLeast: boolean;
  constructor({ path, count, limit, atLeast = false }: { path: string; count: number; limit: number; atLeast?: boolean }) {
    super("BATCH_TOO_LARGE", count === 0 ? `expected 1 to ${limit} items, got none` : `expected at most ${limit} items, got ${atLeast ? "more" : count}`, { path });
    this.atLeast = atLeast;
    this.count = count;
    this.limit = limit;
  }
}

/** @example if (isBatchLimitError(error)) console.log(error.limit); */
export function isBatchLimitError(value: unknown): value is BatchLimitError {
  return isNamedError(value, "BatchLimitError");
}
