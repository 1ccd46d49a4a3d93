// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { isNamedError, NetworkSchemaError } from "./base.js";
import { EVENT_REJECTION_ERROR_CODES, type EventRejectionCode } from "./rejection-codes.js";

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

/** One failed check: a relay-policy check of `checkEvent` or a shop rule of `applyShopEvent`. */
export interface EventCheckFailure {
  readonly code: EventRejectionCode;
  /** Short text for logs; may change, `code` does not. */
  readonly message: string;
  /** The event field the check looked at, as proto field names (`event.shop_id`). */
  readonly path: string;
}

/**
 * An event was refused: by the relay-policy checks of `checkEvent` (every
 * failure listed) or by a shop rule of `applyShopEvent` (one failure, the
 * first rule broken). `reason` is the first failure's stable code, `path`
 * its field, and `errorCode` the `ErrorCodes` value a relay answers with.
 *
 * @example
 * if (isEventRejectedError(error)) console.log(error.reason, error.path, error.errorCode);
 */
export class EventRejectedError extends NetworkSchemaError {
  override name = "EventRejectedError";
  readonly failures: readonly EventCheckFailure[];
  /** Code of the first failure. */
  readonly reason: EventRejectionCode | undefined;
  /** What a relay answers the write with (`Error.code`), from the first failure. */
  readonly errorCode: ErrorCodes;
  constructor({ failures, path }: { failures: readonly EventCheckFailure[]; path?: string }) {
    const first = failures[0];
    const detail = failures.length === 1 && first !== undefined ? `${first.code}: ${first.message}` : failures.map((f) => f.code).join(", ");
    super("EVENT_REJECTED", `event refused: ${detail}`, { path: path ?? (failures.length === 1 ? first?.path : undefined) ?? "event" });
    this.failures = failures;
    this.reason = first?.code;
    this.errorCode = first === undefined ? EVENT_REJECTION_ERROR_CODES.EVENT_EMPTY : EVENT_REJECTION_ERROR_CODES[first.code];
  }
}

/** @example if (isEventRejectedError(error)) console.log(error.failures); */
export function isEventRejectedError(value: unknown): value is EventRejectedError {
  return isNamedError(value, "EventRejectedError");
}
