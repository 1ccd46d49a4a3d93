// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { FieldValueError } from "../errors/field-value-error.js";

/** The `raw` bytes of a wrapper message of `typeName`, checked to be exactly `length` bytes. */
export function wrapperRaw({ message, typeName, length, path }: { message: unknown; typeName: string; length: number; path: string }): Uint8Array {
  if (typeof message !== "object" || message === null || (message as { $typeName?: unknown }).$typeName !== typeName) {
    throw new FieldValueError(message === undefined ? "MISSING_FIELD" : "WRONG_TYPE", `expected a ${typeName} message`, { path });
  }
  const raw = (message as { raw?: unknown }).raw;
  if (!(raw instanceof Uint8Array)) throw new FieldValueError("WRONG_TYPE", "expected raw to be a Uint8Array", { path: `${path}.raw` });
  if (raw.length !== length) throw new FieldValueError("WRONG_LENGTH", `expected exactly ${length} bytes, got ${raw.length}`, { path: `${path}.raw` });
  return raw;
}
