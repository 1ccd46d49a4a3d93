// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Holds on stock and when they lapse: docs/shop-state.md, "Holds".
import { reject } from "./reject.js";
import type { OrderState, StateTimestamp } from "./shop-state.js";

/** How long a committed or payment_chosen order holds its stock after its commit: a day, as v3's lock. */
export const HOLD_SECONDS = 86_400;
/** Longest payment-details ttl, in seconds: an unpaid order holds stock at most a day after its details. */
export const MAX_TTL_SECONDS = 86_400;

const NANOS = 1_000_000_000n;

/** A state timestamp in nanoseconds since the epoch: exact, and ordered as time is. */
export function nanosOf(at: StateTimestamp): bigint {
  return BigInt(at.seconds) * NANOS + BigInt(at.nanos);
}

/** The ttl of set_payment_details: seconds as a decimal string without leading zeros, 1 … MAX_TTL_SECONDS. */
export function ttlSeconds(value: string, path: string): string {
  if (!/^[1-9][0-9]{0,4}$/.test(value) || Number(value) > MAX_TTL_SECONDS) {
    reject("FIELD_INVALID", path, `ttl must be whole seconds as a decimal string, 1 … ${MAX_TTL_SECONDS}, is ${JSON.stringify(value.slice(0, 16))}`);
  }
  return value;
}

/**
 * When the order's hold on stock lapses, in nanoseconds since the epoch, or
 * null when it holds none: committed or payment_chosen, committedAt + HOLD_SECONDS;
 * unpaid, paymentDetailsCreatedAt + ttl.
 */
export function holdLapsesAt(order: OrderState): bigint | null {
  if ((order.status === "committed" || order.status === "payment_chosen") && order.committedAt !== null) {
    return nanosOf(order.committedAt) + BigInt(HOLD_SECONDS) * NANOS;
  }
  if (order.status === "unpaid" && order.paymentDetails !== null && order.paymentDetailsCreatedAt !== null) {
    return nanosOf(order.paymentDetailsCreatedAt) + BigInt(order.paymentDetails.ttl) * NANOS;
  }
  return null;
}
