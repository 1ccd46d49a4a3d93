// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/** Why the relay refused its data directory or a file in it. */
export type RelayStoreProblem =
  | "CORRUPT_RECORD"
  | "NOT_REGULAR_FILE"
  | "WRONG_OWNER"
  | "UNSAFE_MODE"
  | "LOCKED"
  | "BAD_KEY";

/**
 * The relay's data directory cannot be used as it is: a log record before
 * the end is damaged (`offset` is its byte offset), a file is a link, owned
 * by someone else or writable by others, or another relay holds the lock.
 * Nothing was changed on disk.
 *
 * @example
 * if (isRelayStoreError(error) && error.problem === "CORRUPT_RECORD") console.log(`run repair: bad record at ${error.offset}`);
 */
export class RelayStoreError extends NetworkSchemaError {
  override name = "RelayStoreError";
  readonly problem: RelayStoreProblem;
  /** The file concerned. */
  readonly file: string;
  /** Byte offset of the bad record, for CORRUPT_RECORD. */
  readonly offset: number | undefined;
  constructor({ problem, file, detail, offset, cause }: { problem: RelayStoreProblem; file: string; detail: string; offset?: number | undefined; cause?: unknown }) {
    super("STORE_REFUSED", detail, { path: offset === undefined ? file : `${file}@${offset}`, cause });
    this.problem = problem;
    this.file = file;
    this.offset = offset;
  }
}

/** @example if (isRelayStoreError(error)) console.log(error.problem, error.file); */
export function isRelayStoreError(value: unknown): value is RelayStoreError {
  return isNamedError(value, "RelayStoreError");
}
