// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { EventRejectedError } from "../errors/event-rejected-error.js";
import { type CheckEventParameters, checkEvent } from "./check-event.js";

/**
 * {@link checkEvent} that throws: an EventRejectedError listing every failure.
 *
 * @throws EventRejectedError, FieldValueError, PublicKeyError
 * @example
 * assertEventAccepted({ ...opened, shopId, keycards, lastNonce, timestampWindow });
 */
export function assertEventAccepted(parameters: CheckEventParameters): void {
  const { ok, failures } = checkEvent(parameters);
  if (!ok) throw new EventRejectedError({ failures });
}
