// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { DEFAULT_MAX_ENVELOPE_BYTES } from "../wire/constants.js";

/** Ping the peer after this long without receiving anything (v3: 15 s). */
export const PING_AFTER_MS = 15_000;
/** Close the session after this long without receiving anything (v3: 45 s). */
export const KICK_AFTER_MS = 45_000;
/** A request without an answer fails with a TIMEOUT SessionError after this long. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Timing and size settings shared by both session ends; every field has the v3 default. */
export interface SessionTimings {
  /** Default {@link PING_AFTER_MS}. */
  readonly pingAfterMs?: number | undefined;
  /** Default {@link KICK_AFTER_MS}. */
  readonly kickAfterMs?: number | undefined;
  /** Default {@link REQUEST_TIMEOUT_MS}. */
  readonly requestTimeoutMs?: number | undefined;
  /** Largest frame accepted; larger ones close the session. Default {@link DEFAULT_MAX_ENVELOPE_BYTES} (128 KiB, as v3). */
  readonly maxFrameBytes?: number | undefined;
}
