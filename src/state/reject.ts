// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { EventRejectedError } from "../errors/event-rejected-error.js";
import type { EventRejectionCode } from "../errors/rejection-codes.js";

/** Refuses the event under one shop rule (docs/shop-state.md): the code, the event field, and why. */
export function reject(code: EventRejectionCode, path: string, message: string): never {
  throw new EventRejectedError({ failures: [{ code, path, message }] });
}
