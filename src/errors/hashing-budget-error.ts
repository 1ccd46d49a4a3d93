// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/** What a {@link HashingBudgetError} ran out of. */
export type HashingBudgetResource = "keccakCalls" | "hashedBytes" | "items";

/**
 * An event would cost more hashing work than the budget allows (keccak calls,
 * bytes hashed, or items in one repeated field), counted in one cheap pass
 * over its bytes before anything is decoded or hashed. Raise the budget only
 * for trusted input.
 *
 * @example
 * if (isHashingBudgetError(error)) console.log(error.resource, error.limit); // "keccakCalls", 4096
 */
export class HashingBudgetError extends NetworkSchemaError {
  override name = "HashingBudgetError";
  readonly resource: HashingBudgetResource;
  readonly limit: number;
  constructor({ path, resource, limit }: { path: string; resource: HashingBudgetResource; limit: number }) {
    super("HASHING_BUDGET_EXCEEDED", `expected at most ${limit} ${RESOURCE_TEXT[resource]}`, { path });
    this.resource = resource;
    this.limit = limit;
  }
}

const RESOURCE_TEXT: Readonly<Record<HashingBudgetResource, string>> = {
  keccakCalls: "keccak-256 calls to hash the event",
  hashedBytes: "bytes hashed for the event",
  items: "items in one repeated field",
};

/** @example if (isHashingBudgetError(error)) console.log(error.code); */
export function isHashingBudgetError(value: unknown): value is HashingBudgetError {
  return isNamedError(value, "HashingBudgetError");
}
