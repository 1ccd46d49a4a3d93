// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The benches' way through a drifting machine: run a measurement in rounds and
// report the round whose ratio is the median, not the best or the last.

/** The item whose `ratio` is the median of `items` (the upper middle of an even count). */
export function medianOf<T>(items: readonly T[], ratio: (item: T) => number): T {
  if (items.length === 0) throw new Error("medianOf: no rounds");
  return [...items].sort((a, b) => ratio(a) - ratio(b))[Math.floor(items.length / 2)] as T;
}
