// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Heap a relay keeps after it opened: heapUsed plus arrayBuffers (typed
// arrays such as the log index live outside the V8 heap) after a full GC,
// before the store is opened and after the relay is, the relay still referenced.
// Needs global.gc (`npm run bench` runs node with --expose-gc).

/** Bytes `open` leaves on the heap, and what it opened (keep it referenced until after); bytes undefined without global.gc. */
export async function retainedHeap<T>({ open }: { open: () => Promise<T> }): Promise<{ value: T; bytes: number | undefined }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const settled = () => {
    // Twice: objects freed by the first pass's finalizers go in the second.
    gc?.();
    gc?.();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const before = settled();
  const value = await open();
  const after = settled();
  return { value, bytes: gc === undefined ? undefined : after - before };
}
