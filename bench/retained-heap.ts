// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Heap a relay keeps: heapUsed plus arrayBuffers (typed arrays such as the
// log index live outside the V8 heap) after a full GC with the relay open and
// referenced, minus the same after it was closed and let go. Code compiled and
// modules loaded on the way stay in both, so only what the relay holds counts.
// Needs global.gc (`npm run bench` runs node with --expose-gc).

/** Bytes the value `open` gives keeps on the heap until `release` (which gets it, and after which it is dropped); undefined without global.gc. */
export async function retainedHeap<T, R>({ open, release }: { open: () => Promise<T>; release: (value: T) => Promise<R> }): Promise<{ bytes: number | undefined; released: R }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const settled = () => {
    // Twice: objects freed by the first pass's finalizers go in the second.
    gc?.();
    gc?.();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  let value: T | undefined = await open();
  const held = settled();
  const released = await release(value);
  value = undefined;
  const after = settled();
  return { bytes: gc === undefined ? undefined : held - after, released };
}
