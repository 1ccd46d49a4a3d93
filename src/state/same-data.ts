// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * Whether two values of plain data (strings, booleans, null, arrays, objects)
 * have the same canonical JSON, whatever the order of their keys, without
 * writing either: a restored state's objects have their keys in another order.
 *
 * @example sameData({ name: "EU", city: "" }, { city: "", name: "EU" }) // true
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const items = b as unknown[];
    return a.length === items.length && a.every((item, i) => sameData(item, items[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
