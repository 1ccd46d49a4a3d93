// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Shapes shared by the benchmark suites: groups of cases compared with one
// subject (our function), and targets stated as ratios between two cases.
import type { Case } from "./measure.js";

export interface Group {
  readonly title: string;
  /** Id of the case the other rows are compared with. */
  readonly subject: string;
  readonly cases: readonly Case[];
}

export interface Target {
  readonly text: string;
  /**
   * "faster": reference time / subject time must be ≥ bound;
   * "within": subject time / reference time must be ≤ bound.
   */
  readonly kind: "faster" | "within";
  readonly subject: string;
  readonly reference: string;
  readonly bound: number;
  /** For a miss: what the measured figures say bounds the ratio (ns per op by case id). */
  readonly explain?: (ns: ReadonlyMap<string, number>) => string;
}

export interface Suite {
  readonly groups: readonly Group[];
  readonly targets: readonly Target[];
}

/** Fails the bench before any timing when a fast path disagrees with its reference. */
export function assertSame(what: string, ours: unknown, reference: unknown): void {
  if (ours !== reference) throw new Error(`bench check failed: ${what}: ours ${String(ours)} ≠ reference ${String(reference)}`);
}

/**
 * Explains a "faster" miss against a keccak floor: the reference's time over the
 * floor's is the best ratio any implementation on this keccak could reach.
 */
export function floorBound(ns: ReadonlyMap<string, number>, subject: string, reference: string, floor: string, name: string): string {
  const [s, r, f] = [ns.get(subject), ns.get(reference), ns.get(floor)].map((v) => v ?? Number.NaN) as [number, number, number];
  return (
    `Bound by keccak-256: the reference takes ${(r / f).toFixed(2)}× the time of the bare keccak-256 calls this digest needs ` +
    `(${(f / 1000).toFixed(1)} µs), so even a zero-overhead implementation on the same keccak could be at most ${(r / f).toFixed(2)}× faster; ` +
    `${name} runs at ${(s / f).toFixed(2)}× that floor. Past that, only a faster keccak-256, or less work around it, could move this bound.`
  );
}

/** Explains a "within" miss against a keccak floor: the time spent outside keccak-256. */
export function aroundFloor(ns: ReadonlyMap<string, number>, subject: string, floor: string, name: string): string {
  const [s, f] = [ns.get(subject), ns.get(floor)].map((v) => v ?? Number.NaN) as [number, number];
  return (
    `${name} takes ${(s / 1000).toFixed(1)} µs, of which the keccak-256 calls on bare buffers take ${(f / 1000).toFixed(1)} µs: ` +
    `${((s - f) / 1000).toFixed(1)} µs (${((100 * (s - f)) / s).toFixed(0)}%) go to reading and checking the message, the EIP-712 ` +
    "encoding and copying inputs into the WebAssembly memory. With keccak this fast that JavaScript, not keccak, is the floor."
  );
}
