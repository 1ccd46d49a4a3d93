// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Heap a relay keeps: heapUsed plus arrayBuffers (typed arrays such as the
// log index live outside the V8 heap) after a full GC with the relay open and
// referenced, minus the same after it was closed and let go. Code compiled and
// modules loaded on the way stay in both, so only what the relay holds counts.
// One cycle is noisy by a few hundred KiB (what the GC keeps or flushes
// differs from one GC to the next), so a warm-up cycle is dropped and the
// median of the others is kept. Needs global.gc (`npm run bench` runs node
// with --expose-gc).

/** Median bytes the value `open` gives keeps on the heap until `release` (which gets it; the last cycle's result is returned); undefined without global.gc. */
export async function retainedHeap<T, R>({ open, release, cycles = 5 }: { open: () => Promise<T>; release: (value: T) => Promise<R>; cycles?: number | undefined }): Promise<{ bytes: number | undefined; released: R; samples: number[] }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const settled = () => {
    // Twice: objects freed by the first pass's finalizers go in the second.
    gc?.();
    gc?.();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const samples: number[] = [];
  let released: R | undefined;
  // Cycle 0 warms up (compiles what opening and releasing run) and is not counted.
  for (let cycle = 0; cycle <= cycles; cycle++) {
    let value: T | undefined = await open();
    const held = settled();
    released = await release(value);
    value = undefined;
    const after = settled();
    if (cycle > 0) samples.push(held - after);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { bytes: gc === undefined ? undefined : sorted[Math.floor(sorted.length / 2)], released: released as R, samples };
}
