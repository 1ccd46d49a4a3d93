// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * WebSocket close codes a session closes with (RFC 6455 §7.4 and the
 * application range 4000-4999):
 * - NORMAL (1000): the local side ended the session.
 * - PROTOCOL_ERROR (1002): a frame that is not a valid Envelope, a missing or
 *   duplicate in-flight request id, a response to no request, a request the
 *   sender's role may not send, a challenge answered without one.
 * - UNSUPPORTED_DATA (1003): a text frame.
 * - MESSAGE_TOO_BIG (1009): a frame over the size cap.
 * - IDLE_TIMEOUT (4000): nothing received for the kick interval (45 s), or a
 *   push not acknowledged in time.
 * - REPLACED (4001): the same keycard finished a login on another connection.
 * - BAD_PUSH (4002): the relay pushed an event that fails verification
 *   against the shop state (client side).
 * - TRY_AGAIN_LATER (1013): the relay refused the connection, over its cap
 *   of connections in total or per remote address.
 * - EVENT_TOO_BIG (4003): the relay holds an event no push within the peer's
 *   frame limit can carry (relay side; impossible with the default limits).
 * - SLOW_READER (4004): the connection's unsent output went over its cap
 *   (the peer stopped reading).
 * - INTERNAL_ERROR (1011): the relay could not serve the session from its own
 *   store (a log record that no longer reads back); reconnect later.
 */
export const SESSION_CLOSE_CODES = Object.freeze({
  NORMAL: 1000,
  PROTOCOL_ERROR: 1002,
  UNSUPPORTED_DATA: 1003,
  MESSAGE_TOO_BIG: 1009,
  IDLE_TIMEOUT: 4000,
  REPLACED: 4001,
  BAD_PUSH: 4002,
  TRY_AGAIN_LATER: 1013,
  EVENT_TOO_BIG: 4003,
  SLOW_READER: 4004,
  INTERNAL_ERROR: 1011,
} as const);

/** One of the {@link SESSION_CLOSE_CODES}. */
export type SessionCloseCode = (typeof SESSION_CLOSE_CODES)[keyof typeof SESSION_CLOSE_CODES];
