// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Times benchmark cases with mitata's `measure`, bounded so the whole suite
// stays within minutes, in interleaved rounds so slow drifts of a shared
// machine hit every case alike; a case's figure is its best round's median.
import { measure } from "mitata";

export interface Case {
  /** Unique key, used by targets. */
  readonly id: string;
  /** Row label in the table. */
  readonly label: string;
  /** One operation; may return a promise. */
  readonly fn: () => unknown;
}

export interface MeasureOptions {
  /** Interleaved rounds per case. */
  readonly rounds: number;
  /** Minimum CPU time per case and round, in milliseconds. */
  readonly minTimeMs: number;
  /** Called after each measurement, for progress output. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

/** Nanoseconds per operation of every case: the fastest round's median. */
export async function measureCases(cases: readonly Case[], { rounds, minTimeMs, onProgress }: MeasureOptions): Promise<Map<string, number>> {
  const best = new Map<string, number>();
  const total = cases.length * rounds;
  let done = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < rounds; round++) {
    // Alternate the order so no case always runs right after a heavy one.
    const order = round % 2 === 0 ? cases : [...cases].reverse();
    for (const c of order) {
      gc?.();
      const stats = await measure(c.fn, {
        min_cpu_time: minTimeMs * 1e6,
        min_samples: 8,
        max_samples: 100_000,
        warmup_samples: 4,
        batch_samples: 256,
      });
      const previous = best.get(c.id);
      if (previous === undefined || stats.p50 < previous) best.set(c.id, stats.p50);
      onProgress?.(++done, total, c.label);
    }
  }
  return best;
}
