// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { bytesToBigInt, bytesToHex } from "../crypto/hex.js";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { EventCheckFailure } from "../errors/event-rejected-error.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { createKeycardSet, isKeycardSet, type KeycardInput, type KeycardSet } from "./keycards.js";
import { type ShopIdInput, shopIdBytes } from "./shop-id.js";
import { sameBytes } from "./same-bytes.js";
import { objectParameter } from "../errors/object-parameter.js";
import { advanceNonce } from "./advance-nonce.js";
import { lastNonce } from "./last-nonce.js";
import type { NonceTracker } from "./nonce-tracker.js";

export type { EventCheckCode, EventCheckFailure } from "../errors/event-rejected-error.js";

/** Inclusive time range the event's timestamp must fall in. */
export interface TimestampWindow {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface CheckEventParameters {
  /** The opened event (`openSignedEvent(…).event`). */
  readonly event: ShopEvent;
  /** The recovered signer (`openSignedEvent(…).signer`). */
  readonly signer: string;
  /** The shop of the session: bigint, or 32 bytes big-endian as bytes or hex. */
  readonly shopId: ShopIdInput;
  /** Keycards allowed to write: a {@link KeycardSet} (build once, reuse) or a list of addresses / public keys. */
  readonly keycards: KeycardSet | readonly KeycardInput[];
  /**
   * Nonces accepted so far ({@link createNonceTracker}); the event's nonce must
   * exceed its signer's. Required: a keycard that has not written yet simply
   * has no entry, so there is no value that skips the check.
   */
  readonly nonces: NonceTracker;
  /** The event's timestamp must lie in this window, e.g. now ± 5 minutes. */
  readonly timestampWindow: TimestampWindow;
  /** Whether `Account` events (keycard and access changes) are allowed here. Defaults to false. */
  readonly allowAccountEvents?: boolean | undefined;
}

/**
 * The verdict of {@link checkEvent}. Only an accepted event yields `nonces`,
 * the tracker advanced past it, which the caller needs for the next event:
 * code that ignores the verdict has no tracker to go on with (and TypeScript
 * refuses `result.nonces` until `result.accepted` is checked). The object is
 * always truthy: test `accepted`, or use {@link assertEventAccepted}.
 */
export type CheckEventReturnType =
  | {
      readonly accepted: true;
      /** The tracker with this event's nonce accepted; use it for the next event of the batch. */
      readonly nonces: NonceTracker;
      readonly failures: readonly [];
    }
  | {
      readonly accepted: false;
      readonly nonces?: never;
      /** Every failed check, in a fixed order (shop, keycard, nonce, timestamp, kind); see {@link EventCheckCode}. */
      readonly failures: readonly [EventCheckFailure, ...EventCheckFailure[]];
    };

const NANOS_PER_SECOND = 1_000_000_000n;

/**
 * Relay policy for an opened event: the shop is the session's, the signer
 * is an allowed keycard, the nonce increases, the timestamp is set and in
 * the window, and `Account` events only where allowed. Runs every check and
 * reports all failures by stable code instead of stopping at the first.
 * Bad parameters (not the event) throw. Prefer {@link assertEventAccepted},
 * which throws on a refusal; use this form to collect every failure code.
 *
 * @throws FieldValueError, PublicKeyError (for the caller's own parameters)
 * @example
 * const opened = openSignedEvent({ signedEvent, domain });
 * let tracker = nonces;
 * const verdict = checkEvent({ ...opened, shopId, keycards, nonces: tracker, timestampWindow });
 * if (verdict.accepted) tracker = verdict.nonces;
 * else console.log(verdict.failures.map((f) => f.code));
 */
export function checkEvent(parameters: CheckEventParameters): CheckEventReturnType {
  const { event, signer, shopId, keycards, nonces, timestampWindow, allowAccountEvents = false } = objectParameter(parameters);
  if (typeof event !== "object" || event === null || (event as { $typeName?: unknown }).$typeName !== "market.mass.ShopEvent") {
    throw new FieldValueError("WRONG_TYPE", "expected a ShopEvent message", { path: "event" });
  }
  checkShape(event);
  const expectedShop = shopIdBytes({ shopId });
  const allowed = isKeycardSet(keycards) ? keycards : createKeycardSet({ keycards });
  if ((parameters as { lastNonce?: unknown }).lastNonce !== undefined) {
    throw new FieldValueError("WRONG_TYPE", "lastNonce is gone: pass nonces, a NonceTracker (createNonceTracker)", { path: "lastNonce" });
  }
  if (typeof signer !== "string") throw new FieldValueError("WRONG_TYPE", "expected the signer address from openSignedEvent", { path: "signer" });
  const last = lastNonce({ nonces, signer });
  const [from, to] = windowNanos(timestampWindow);
  if (typeof allowAccountEvents !== "boolean") throw new FieldValueError("WRONG_TYPE", "expected a boolean", { path: "allowAccountEvents" });

  const failures: EventCheckFailure[] = [];
  const fail = (code: EventCheckFailure["code"], path: string, message: string) => failures.push({ code, path, message });

  const shop = event.shopId?.raw;
  if (shop === undefined) fail("SHOP_MISMATCH", "event.shop_id", "event has no shop_id");
  else if (!sameBytes({ a: shop, b: expectedShop })) {
    fail("SHOP_MISMATCH", "event.shop_id", `event is for shop ${shopNumber(shop)}, this session's shop is ${shopNumber(expectedShop)}`);
  }

  if (!allowed.has(signer)) {
    fail("UNKNOWN_KEYCARD", "signer", `signer ${String(signer)} is not one of the ${allowed.addresses.length} allowed keycards of shop ${shopNumber(expectedShop)}`);
  }

  if (last !== null && event.nonce <= last) {
    fail("NONCE_NOT_INCREASING", "event.nonce", `nonce ${event.nonce} is not greater than the last accepted nonce ${last}`);
  }

  const timestamp = event.timestamp;
  if (timestamp === undefined) fail("TIMESTAMP_MISSING", "event.timestamp", "event has no timestamp");
  else if (!Number.isInteger(timestamp.nanos) || timestamp.nanos < 0 || timestamp.nanos >= 1e9) {
    fail("TIMESTAMP_INVALID", "event.timestamp.nanos", `nanos ${timestamp.nanos} is outside 0…999999999`);
  } else {
    const at = timestamp.seconds * NANOS_PER_SECOND + BigInt(timestamp.nanos);
    if (at < from || at > to) {
      fail("TIMESTAMP_OUT_OF_WINDOW", "event.timestamp", `timestamp ${isoOf(at)} is outside the accepted window ${isoOf(from)} … ${isoOf(to)}`);
    }
  }

  if (event.union.case === undefined) fail("EVENT_EMPTY", "event.union", "event sets no member of union");
  else if (event.union.case === "account" && !allowAccountEvents) {
    fail("ACCOUNT_EVENT_NOT_ALLOWED", "event.account", "Account events are not allowed here");
  }

  const [first, ...rest] = failures;
  if (first !== undefined) return { accepted: false, failures: [first, ...rest] };
  return { accepted: true, nonces: advanceNonce({ nonces, signer, nonce: event.nonce }), failures: [] };
}

// Hand-built events: every part read below must have its protobuf-es shape, or a typed error names it.
function checkShape(event: ShopEvent): void {
  const wrong = (path: string, expected: string) => new FieldValueError("WRONG_TYPE", expected, { path });
  if (typeof event.nonce !== "bigint") throw wrong("event.nonce", "expected a bigint");
  const unknown: unknown = event.$unknown;
  const records = unknown === undefined || (Array.isArray(unknown) && unknown.every((u) => typeof u === "object" && u !== null && Number.isSafeInteger(u.no)));
  if (!records) throw wrong("event.$unknown", "expected undefined or an array of unknown-field records");
  if (typeof event.union !== "object" || event.union === null) throw wrong("event.union", "expected a oneof object { case, value }");
  const timestamp: unknown = event.timestamp;
  if (timestamp === undefined) return;
  const { seconds, nanos } = (typeof timestamp === "object" && timestamp !== null ? timestamp : {}) as { seconds?: unknown; nanos?: unknown };
  if (typeof seconds !== "bigint") throw wrong("event.timestamp.seconds", "expected a bigint");
  if (typeof nanos !== "number") throw wrong("event.timestamp.nanos", "expected a number");
}

// Shop ids as the decimal token id people know them by; a wrong-length id as hex.
function shopNumber(bytes: Uint8Array): string {
  return bytes.length === 32 ? bytesToBigInt(bytes).toString() : bytesToHex(bytes);
}

// Millisecond ISO time, or the raw seconds when beyond what Date can show.
function isoOf(nanos: bigint): string {
  const ms = nanos / 1_000_000n;
  return ms >= -8_640_000_000_000_000n && ms <= 8_640_000_000_000_000n ? new Date(Number(ms)).toISOString() : `${nanos / NANOS_PER_SECOND} s`;
}

function windowNanos(window: unknown): [bigint, bigint] {
  const { notBefore, notAfter } = (typeof window === "object" && window !== null ? window : {}) as Record<string, unknown>;
  const from = dateNanos(notBefore, "timestampWindow.notBefore");
  const to = dateNanos(notAfter, "timestampWindow.notAfter");
  if (from > to) throw new FieldValueError("OUT_OF_RANGE", "expected notBefore ≤ notAfter", { path: "timestampWindow" });
  return [from, to];
}

function dateNanos(value: unknown, path: string): bigint {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new FieldValueError("WRONG_TYPE", "expected a valid Date", { path });
  return BigInt(value.getTime()) * 1_000_000n;
}
