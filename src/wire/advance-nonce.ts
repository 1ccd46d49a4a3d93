// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { objectParameter } from "../errors/object-parameter.js";
import { nextNonce } from "./next-nonce.js";
import type { NonceTracker } from "./nonce-tracker.js";

export interface AdvanceNonceParameters {
  /** The tracker before this event. */
  readonly nonces: NonceTracker;
  /** The event's signer (`openSignedEvent(…).signer`). */
  readonly signer: string;
  /** The event's nonce (`event.nonce`). */
  readonly nonce: bigint;
}

/**
 * Accepts one event's nonce: it must be greater than the last one accepted
 * from its signer. Returns a new tracker holding it; the input is not changed,
 * so a relay that refuses the batch later simply keeps the old tracker. Call
 * it event by event, feeding each result into the next call: then `[e, e]`
 * and `[nonce 5, nonce 3]` in one batch are refused like replays across batches.
 *
 * @throws EventRejectedError (NONCE_NOT_INCREASING), FieldValueError for malformed input
 * @example
 * let next = nonces;
 * for (const { signer, event } of [opened]) next = advanceNonce({ nonces: next, signer, nonce: event.nonce });
 * // keep `next` only once the whole batch is accepted
 */
export function advanceNonce(parameters: AdvanceNonceParameters): NonceTracker {
  const { nonces, signer, nonce } = objectParameter(parameters);
  const { key, value } = nextNonce(nonces, signer, nonce);
  return Object.freeze({ lastNonces: Object.freeze({ ...nonces.lastNonces, [key]: value }) });
}
