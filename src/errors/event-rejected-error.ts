// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * Stable codes of the relay-policy checks of `checkEvent`:
 * - SHOP_MISMATCH: the event's `shop_id` is missing or not the expected shop.
 * - UNKNOWN_KEYCARD: the signer is not in the allowed keycard set.
 * - NONCE_NOT_INCREASING: the nonce is not greater than the last one seen for the keycard.
 * - TIMESTAMP_MISSING: the event has no `timestamp`.
 * - TIMESTAMP_INVALID: `timestamp.nanos` is outside 0…999,999,999.
 * - TIMESTAMP_OUT_OF_WINDOW: the timestamp is outside the caller's window.
 * - ACCOUNT_EVENT_NOT_ALLOWED: an `Account` event where the caller does not allow them.
 * - EVENT_EMPTY: no member of the event's `union` is set.
 */
export type EventCheckCode =
  | "SHOP_MISMATCH"
  | "UNKNOWN_KEYCARD"
  | "NONCE_NOT_INCREASING"
  | "TIMESTAMP_MISSING"
  | "TIMESTAMP_INVALID"
  | "TIMESTAMP_OUT_OF_WINDOW"
  | "ACCOUNT_EVENT_NOT_ALLOWED"
  | "EVENT_EMPTY";

/** One failed relay-policy check. */
export interface EventCheckFailure {
  readonly code: EventCheckCode;
  /** Short text for logs; may change, `code` does not. */
  readonly message: string;
  /** The event field the check looked at, as proto field names (`event.shop_id`). */
  readonly path: string;
}

/**
 * An opened event failed one or more relay-policy checks; `failures` lists all of them.
 *
 * @example
 * if (isEventRejectedError(error)) console.log(error.failures.map((f) => f.code));
 */
export class EventRejectedError extends NetworkSchemaError {
  override name = "EventRejectedError";
  readonly failures: readonly EventCheckFailure[];
  constructor({ failures, path = "event" }: { failures: readonly EventCheckFailure[]; path?: string }) {
    super("EVENT_REJECTED", `event refused: ${failures.map((f) => f.code).join(", ")}`, { path });
    this.failures = failures;
  }
}

/** @example if (isEventRejectedError(error)) console.log(error.failures); */
export function isEventRejectedError(value: unknown): value is EventRejectedError {
  return isNamedError(value, "EventRejectedError");
}
