// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * Where a session's output goes: one binary frame per Envelope, and a close
 * with a WebSocket close code. A WebSocket, an in-memory pipe or a test
 * recorder all fit; the session never touches a socket itself.
 */
export interface SessionTransport {
  /** Sends one binary frame (one Envelope). */
  send(frame: Uint8Array): void;
  /** Closes the connection; `code` is one of {@link SESSION_CLOSE_CODES}. */
  close(code: number, reason: string): void;
}

/** The session's notion of time, in milliseconds; inject a fake one in tests. */
export interface SessionClock {
  /** Current time in milliseconds. */
  now(): number;
}

/** Wall-clock time (`Date.now`), the default {@link SessionClock}. */
export const systemClock: SessionClock = Object.freeze({ now: () => Date.now() });
