// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/** Everything a reader of a decoded message could tell apart, as text: keys in order, value types, prototypes, bytes. */
export function shape(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined) return "undefined";
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (value instanceof Uint8Array) return `${Object.getPrototypeOf(value) === Uint8Array.prototype ? "u8" : "other"}[${Buffer.from(value).toString("hex")}]`;
  if (Array.isArray(value)) return `[${value.map(shape).join(",")}]`;
  const proto = Object.getPrototypeOf(value) === Object.prototype ? "" : "!proto";
  return `${proto}{${Object.keys(value).map((key) => `${key}:${shape((value as Record<string, unknown>)[key])}`).join(",")}}`;
}
