// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Following a subscription's log for a ClientSession: the delivered history,
// iterators that continue live, waitFor conditions with deadlines, and synced()
// targets counted in pushed events (docs/sessions.md, "Following the log").
import { SessionError } from "../errors/session-error.js";
import type { PushedEvent } from "./client-session.js";

interface Waiter {
  /** True once settled (the condition held, or it threw). */
  readonly check: () => boolean;
  readonly deadline: number | undefined;
  readonly reject: (error: unknown) => void;
}

interface SyncTarget {
  /** Settles once this many pushed events were received in the session. */
  readonly received: bigint;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class LogFollower {
  /** The most recent delivered events, at most `limit` of them from `kept[head]` on (older slots are cleared). */
  private kept: (PushedEvent | undefined)[] = [];
  private head = 0;
  /** Events trimmed so far: the absolute position of `kept[head]` in delivery order. */
  private trimmed = 0;
  /** Highest seq_no among trimmed events (-1 before any): an iterator from a seq_no at or below it lost events. */
  private trimmedSeqNo = -1n;
  /** Events received in pushes (delivered or dropped), the unit of SyncStatus counts. */
  received = 0n;
  private ended: unknown;
  private wakers: (() => void)[] = [];
  private waiters: Waiter[] = [];
  private syncs: SyncTarget[] = [];

  /** `limit`: most delivered events kept for events() (ClientSessionOptions.historyLimit). */
  constructor(private readonly limit: number) {}

  /** Records a push once it is folded and reported: `events` delivered out of `count` received. */
  delivered(events: readonly PushedEvent[], count: bigint): void {
    for (const event of events) this.kept.push(event);
    this.trim();
    this.received += count;
    this.wake();
    this.waiters = this.waiters.filter((waiter) => !waiter.check());
    this.syncs = this.syncs.filter((sync) => {
      if (this.received < sync.received) return true;
      sync.resolve();
      return false;
    });
  }

  /**
   * Events from the first with seq_no ≥ `fromSeqNo`, then each new delivery; ends once the session closes.
   * Throws HISTORY_TRIMMED now when such an event was already trimmed, and from next() when the iterator falls behind the kept window.
   */
  events(fromSeqNo: bigint): AsyncGenerator<PushedEvent, void, undefined> {
    this.check(0, fromSeqNo, "fromSeqNo");
    return this.follow(fromSeqNo);
  }

  // The iterator holds only its absolute position, so a slow one pins nothing: it fails once its next event is trimmed.
  private async *follow(fromSeqNo: bigint): AsyncGenerator<PushedEvent, void, undefined> {
    let next = 0;
    for (;;) {
      next = this.check(next, fromSeqNo, "historyLimit");
      while (next < this.trimmed + this.kept.length - this.head) {
        const event = this.kept[this.head + next++ - this.trimmed] as PushedEvent;
        if (event.seqNo >= fromSeqNo) yield event;
        next = this.check(next, fromSeqNo, "historyLimit");
      }
      if (this.ended !== undefined) return;
      await new Promise<void>((resolve) => this.wakers.push(resolve));
    }
  }

  /** The position to read from: `position`, or the oldest kept when everything trimmed before it is below `fromSeqNo`; else HISTORY_TRIMMED. */
  private check(position: number, fromSeqNo: bigint, path: string): number {
    if (position >= this.trimmed) return position;
    if (this.trimmedSeqNo < fromSeqNo) return this.trimmed;
    const oldest = this.kept[this.head]?.seqNo;
    const kept = oldest === undefined ? "no event is kept" : `the oldest kept is seq_no ${oldest}`;
    throw new SessionError({
      problem: "HISTORY_TRIMMED",
      expected: `expected the events from seq_no ${fromSeqNo} on${path === "historyLimit" ? " still unread" : ""} to be kept, but events up to seq_no ${this.trimmedSeqNo} were trimmed and ${kept}; raise ClientSessionOptions.historyLimit (now ${this.limit})`,
      path,
      oldestKeptSeqNo: oldest,
    });
  }

  // Drops the oldest events over the limit; compacts the array once half of it is cleared slots.
  private trim(): void {
    const over = this.kept.length - this.head - this.limit;
    for (let n = 0; n < over; n++) {
      const event = this.kept[this.head] as PushedEvent;
      if (event.seqNo > this.trimmedSeqNo) this.trimmedSeqNo = event.seqNo;
      this.kept[this.head++] = undefined;
      this.trimmed++;
    }
    if (this.head > 0 && this.head * 2 >= this.kept.length) {
      this.kept = this.kept.slice(this.head);
      this.head = 0;
    }
  }

  /** Resolves with `until`'s first value that is not undefined, null or false; checked now and after each push. */
  waitFor<T>(until: () => T | undefined | null | false, deadline: number | undefined): Promise<Exclude<T, undefined | null | false>> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        try {
          const value = until();
          if (value === undefined || value === null || value === false) return false;
          resolve(value as Exclude<T, undefined | null | false>);
        } catch (error) {
          reject(error);
        }
        return true;
      };
      if (this.ended !== undefined) return reject(this.ended);
      if (!check()) this.waiters.push({ check, deadline, reject });
    });
  }

  /** Settles once `received` reaches `target`. */
  syncTo(target: bigint): Promise<void> {
    if (this.ended !== undefined) return Promise.reject(this.ended);
    if (this.received >= target) return Promise.resolve();
    return new Promise((resolve, reject) => this.syncs.push({ received: target, resolve, reject }));
  }

  /** Earliest waitFor deadline. */
  nextDeadline(): number | undefined {
    let earliest: number | undefined;
    for (const { deadline } of this.waiters) if (deadline !== undefined && (earliest === undefined || deadline < earliest)) earliest = deadline;
    return earliest;
  }

  /** Rejects the waitFor conditions whose deadline has come. */
  expire(now: number): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.deadline === undefined || waiter.deadline > now) return true;
      waiter.reject(new SessionError({ problem: "WAIT_TIMEOUT", expected: "expected waitFor's condition to hold before its timeout", path: "timeout" }));
      return false;
    });
  }

  /** The subscription ended (cancelled or refused): synced() targets can no longer be reached. */
  unsubscribed(): void {
    const error = new SessionError({ problem: "NOT_SUBSCRIBED", expected: "expected the subscription to stay open until synced" });
    for (const sync of this.syncs.splice(0)) sync.reject(error);
  }

  /** The session closed: iterators end after the history, every waiter is rejected with `error`. */
  close(error: unknown): void {
    this.ended = error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    for (const sync of this.syncs.splice(0)) sync.reject(error);
    this.wake();
  }

  private wake(): void {
    for (const wake of this.wakers.splice(0)) wake();
  }
}
