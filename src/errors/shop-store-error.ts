// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/** Why a ShopStore refused an append that another writer got to first. */
export type ShopStoreConflictProblem =
  | "SEQ_TAKEN"
  | "SEQ_GAP"
  | "NONCE_TAKEN";

/**
 * A ShopStore refused an append because the shop moved on under the writer
 * (another connection or process appended first): the batch's first seq_no
 * is already taken by other records (`SEQ_TAKEN`), lies past the shop's next
 * one (`SEQ_GAP`), or a (signer, nonce) pair of the batch is already stored
 * (`NONCE_TAKEN`). Nothing of the batch was stored. `head` is the shop's last
 * seq_no: read the records after your own, fold them, and try again. A relay
 * answers its client with a retryable code, never `INVALID`.
 *
 * @example
 * if (isShopStoreConflictError(error)) console.log(`catch up from ${error.head}, then retry`);
 */
export class ShopStoreConflictError extends NetworkSchemaError {
  override name = "ShopStoreConflictError";
  readonly problem: ShopStoreConflictProblem;
  /** The shop's last stored seq_no when the append was refused (0n: none). */
  readonly head: bigint;
  /** Always true: catching up and retrying can succeed. */
  readonly retryable = true;
  constructor({ problem, head, detail, path }: { problem: ShopStoreConflictProblem; head: bigint; detail: string; path: string }) {
    super("STORE_CONFLICT", detail, { path });
    this.problem = problem;
    this.head = head;
  }
}

/** @example if (isShopStoreConflictError(error)) console.log(error.problem, error.head); */
export function isShopStoreConflictError(value: unknown): value is ShopStoreConflictError {
  return isNamedError(value, "ShopStoreConflictError");
}

/**
 * A ShopStore could not do what it was asked: the database or the disk
 * failed, the connection dropped, or the store is closed. `cause` holds the
 * driver's or the file system's error. An append that failed this way may or
 * may not have been stored: retry the same batch (an identical batch already
 * stored is acknowledged, not refused). A relay answers its client with a
 * retryable code, never `INVALID`.
 *
 * @example
 * if (isShopStoreFailedError(error)) console.log(`store down (${error.operation}); retry later`);
 */
export class ShopStoreFailedError extends NetworkSchemaError {
  override name = "ShopStoreFailedError";
  /** What the store was doing: `append`, `read`, `snapshot`, `open`, … */
  readonly operation: string;
  /** Always true: the same request may succeed once the store is back. */
  readonly retryable = true;
  constructor({ operation, detail, cause }: { operation: string; detail: string; cause?: unknown }) {
    super("STORE_FAILED", detail, { path: operation, cause });
    this.operation = operation;
  }
}

/** @example if (isShopStoreFailedError(error)) console.log(error.operation, error.cause); */
export function isShopStoreFailedError(value: unknown): value is ShopStoreFailedError {
  return isNamedError(value, "ShopStoreFailedError");
}
