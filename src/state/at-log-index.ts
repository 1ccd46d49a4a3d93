// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { EventRejectedError, isEventRejectedError } from "../errors/event-rejected-error.js";

/** Runs one step of a log and prefixes the path of its rejection with the entry's place in the log. */
export function atLogIndex<T>(base: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!isEventRejectedError(error)) throw error;
    const failures = error.failures.map((f) => ({ ...f, path: `${base}.${f.path}` }));
    throw new EventRejectedError({ failures });
  }
}
