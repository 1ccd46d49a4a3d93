// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { FieldValueError } from "../errors/field-value-error.js";

/** The caller's `path` for error messages: a string, or the default when absent. */
export function pathOption(path: unknown, fallback: string): string {
  if (path === undefined) return fallback;
  if (typeof path !== "string") throw new FieldValueError("WRONG_TYPE", "expected a string or undefined", { path: "path" });
  return path;
}
