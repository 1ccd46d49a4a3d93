// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * Why a session operation failed:
 * - CLOSED: the session is closed (by either side, a violation or a kick); pending requests fail with it.
 * - TIMEOUT: the peer did not answer the request within the session's request timeout.
 * - NOT_LOGGED_IN: the operation needs a finished keycard login.
 * - ALREADY_SUBSCRIBED: the session already has its one subscription.
 * - NOT_SUBSCRIBED: there is no subscription to cancel, or to be synced with (synced() also rejects with it when the subscription ends before it settles).
 * - WAIT_TIMEOUT: waitFor's condition did not hold before its timeout (path `timeout`).
 * - HISTORY_TRIMMED: events() needs events older than the session keeps (ClientSessionOptions.historyLimit): path `fromSeqNo` at the call, `historyLimit` when a slow iterator fell behind; `oldestKeptSeqNo` says where the kept history starts.
 */
export type SessionProblem = "CLOSED" | "TIMEOUT" | "NOT_LOGGED_IN" | "ALREADY_SUBSCRIBED" | "NOT_SUBSCRIBED" | "WAIT_TIMEOUT" | "HISTORY_TRIMMED";

/**
 * A ClientSession or RelaySession could not do what was asked; `problem` says why.
 *
 * @example
 * try {
 *   await session.ping();
 * } catch (error) {
 *   if (!isSessionError(error) || error.problem !== "TIMEOUT") throw error;
 *   await session.ping(); // the relay was slow: one more try
 * }
 */
export class SessionError extends NetworkSchemaError {
  override name = "SessionError";
  readonly problem: SessionProblem;
  /** HISTORY_TRIMMED: seq_no of the oldest event the session still keeps (undefined when it keeps none). */
  readonly oldestKeptSeqNo: bigint | undefined;
  constructor({ problem, expected, path = "session", cause, oldestKeptSeqNo }: { problem: SessionProblem; expected: string; path?: string; cause?: unknown; oldestKeptSeqNo?: bigint | undefined }) {
    super("SESSION_FAILED", expected, { path, cause });
    this.problem = problem;
    this.oldestKeptSeqNo = oldestKeptSeqNo;
  }
}

/** @example if (isSessionError(error)) console.log(error.problem) */
export function isSessionError(value: unknown): value is SessionError {
  return isNamedError(value, "SessionError");
}
