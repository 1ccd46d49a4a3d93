// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { BatchLimitError } from "../errors/batch-limit-error.js";
import { pathParameter } from "../errors/path-parameter.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { LIMIT_MAX_IN_BATCH_SIZE } from "./constants.js";
import { objectParameter } from "../errors/object-parameter.js";
import { positiveCount } from "./decode-bounded.js";

export interface AssertBatchSizeParameters {
  /** The batch, e.g. `eventWriteRequest.events`. */
  readonly items: readonly unknown[];
  /** Defaults to {@link LIMIT_MAX_IN_BATCH_SIZE} (64), what a relay accepts per EventWriteRequest; a positive integer (NaN or Infinity throw). */
  readonly limit?: number | undefined;
  /** Field path named in the error; defaults to "events". */
  readonly path?: string | undefined;
}

/**
 * Refuses an empty batch or one over the protocol's batch limit; relays
 * call it on each received EventWriteRequest, the builders on what they build.
 *
 * @throws BatchLimitError
 * @example
 * assertBatchSize({ items: writeRequest.events }); // throws on 65 events
 */
export function assertBatchSize(parameters: AssertBatchSizeParameters): void {
  const { items, limit: givenLimit = LIMIT_MAX_IN_BATCH_SIZE, path: given } = objectParameter(parameters);
  const path = pathParameter({ path: given, fallback: "events" });
  // NaN or Infinity would let every batch through: a limit must be a real one.
  const limit = positiveCount({ value: givenLimit, path: "limit" });
  if (!Array.isArray(items)) throw new FieldValueError("WRONG_TYPE", "expected an array", { path });
  if (items.length === 0 || items.length > limit) throw new BatchLimitError({ path, count: items.length, limit });
}
