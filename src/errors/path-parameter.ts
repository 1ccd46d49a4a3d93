// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { FieldValueError } from "./field-value-error.js";

/**
 * A caller-given field path for error messages: a string, or `fallback` when
 * absent; anything else is refused here rather than breaking the error it was meant for.
 * @example const where = pathParameter({ path: undefined, fallback: "events" }); // "events"
 */
export function pathParameter({ path, fallback }: { path: unknown; fallback: string }): string {
  if (path === undefined) return fallback;
  if (typeof path !== "string") throw new FieldValueError("WRONG_TYPE", "expected the field path as a string", { path: "path" });
  return path;
}
