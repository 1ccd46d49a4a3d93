// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The reference relay's holds by lapse time (docs/shop-state.md, "Holds"): a
// binary min-heap, so a write only looks at the earliest lapse, never at every order.

/** One hold: an order and when it lapses (nanoseconds since the epoch). */
export interface LapseEntry {
  readonly lapsesAt: bigint;
  readonly orderId: string;
}

/** Holds ordered by lapse time; stale entries (an order paid or cancelled since) are checked against the state when taken. */
export class LapseQueue {
  private readonly heap: LapseEntry[] = [];

  get size(): number {
    return this.heap.length;
  }

  add(entry: LapseEntry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as LapseEntry).lapsesAt <= entry.lapsesAt) break;
      heap[i] = heap[parent] as LapseEntry;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Removes and returns the earliest entry if it lapsed at or before `now`. */
  takeDue(now: bigint): LapseEntry | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined || top.lapsesAt > now) return undefined;
    const last = heap.pop() as LapseEntry;
    if (heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && (heap[right] as LapseEntry).lapsesAt < (heap[left] as LapseEntry).lapsesAt ? right : left;
      if ((heap[child] as LapseEntry).lapsesAt >= last.lapsesAt) break;
      heap[i] = heap[child] as LapseEntry;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
