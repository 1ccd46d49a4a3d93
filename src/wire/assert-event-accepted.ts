// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { EventRejectedError } from "../errors/event-rejected-error.js";
import { type CheckEventParameters, checkEvent } from "./check-event.js";
import type { NonceTracker } from "./nonce-tracker.js";

/**
 * {@link checkEvent} that throws: an EventRejectedError listing every failure.
 * Returns the nonce tracker advanced past the event, to check the next event
 * of the batch against (and to store once the whole batch is accepted).
 * This is the form to use: a refusal cannot be overlooked.
 *
 * @throws EventRejectedError, FieldValueError, PublicKeyError
 * @example
 * const next = assertEventAccepted({ ...opened, shopId, keycards, nonces, timestampWindow });
 */
export function assertEventAccepted(parameters: CheckEventParameters): NonceTracker {
  const verdict = checkEvent(parameters);
  if (!verdict.accepted) throw new EventRejectedError({ failures: verdict.failures });
  return verdict.nonces;
}
