// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Heap bytes allocated per operation: after a full GC the young generation is
// empty, so a short burst of operations grows the heap by what they allocate
// (each burst is small enough not to trigger a collection of its own).
import type { Case } from "./measure.js";

const SAMPLES = 15;
const OPS_PER_SAMPLE = 8;

/** Median bytes allocated per operation of every case; needs `node --expose-gc`. */
export async function measureAllocations(cases: readonly Case[]): Promise<Map<string, number>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("bench: run with node --expose-gc to measure allocations");
  const bytes = new Map<string, number>();
  for (const c of cases) {
    for (let i = 0; i < 4; i++) await c.fn(); // warm up, so lazy caches are not counted
    const samples: number[] = [];
    for (let s = 0; s < SAMPLES; s++) {
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < OPS_PER_SAMPLE; i++) await c.fn();
      samples.push((process.memoryUsage().heapUsed - before) / OPS_PER_SAMPLE);
    }
    samples.sort((a, b) => a - b);
    bytes.set(c.id, Math.max(0, samples[Math.floor(SAMPLES / 2)] ?? 0));
  }
  return bytes;
}
