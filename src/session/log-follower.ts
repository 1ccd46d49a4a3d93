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
  /** Every event delivered in the session, in delivery order. */
  readonly history: PushedEvent[] = [];
  /** Events received in pushes (delivered or dropped), the unit of SyncStatus counts. */
  received = 0n;
  private ended: unknown;
  private wakers: (() => void)[] = [];
  private waiters: Waiter[] = [];
  private syncs: SyncTarget[] = [];

  /** Records a push once it is folded and reported: `events` delivered out of `count` received. */
  delivered(events: readonly PushedEvent[], count: bigint): void {
    for (const event of events) this.history.push(event);
    this.received += count;
    this.wake();
    this.waiters = this.waiters.filter((waiter) => !waiter.check());
    this.syncs = this.syncs.filter((sync) => {
      if (this.received < sync.received) return true;
      sync.resolve();
      return false;
    });
  }

  /** Events from the first with seq_no ≥ `fromSeqNo`, then each new delivery; ends once the session closes. */
  async *events(fromSeqNo: bigint): AsyncGenerator<PushedEvent, void, undefined> {
    let next = 0;
    for (;;) {
      while (next < this.history.length) {
        const event = this.history[next++] as PushedEvent;
        if (event.seqNo >= fromSeqNo) yield event;
      }
      if (this.ended !== undefined) return;
      await new Promise<void>((resolve) => this.wakers.push(resolve));
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
