// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { objectParameter } from "../errors/object-parameter.js";
import { type SessionClock, systemClock } from "./transport.js";

/** A session's timer hooks, as ClientSession and RelaySession have them. */
export interface Tickable {
  /** Runs what is due. */
  tick(): void;
  /** When \`tick\` next has work (clock time in ms), or undefined for never. */
  nextDeadline(): number | undefined;
}

/** Keeps one timer armed at a session's next deadline. */
export interface TickScheduler {
  /** Re-arms the timer after anything that may move the deadline (a frame in or out). */
  arm(): void;
  /** Clears the timer for good. */
  stop(): void;
}

/**
 * Drives a session's timers with `setTimeout`: one timer at `nextDeadline()`,
 * re-armed after each tick and whenever `arm` is called. The session stays
 * sans-IO; this is the part of the driver that owns real (or fake) timers.
 *
 * @example
 * const ticks = createTickScheduler({ session });
 * socket.onmessage = ({ data }) => { session.receive({ frame: new Uint8Array(data) }); ticks.arm(); };
 */
export function createTickScheduler(parameters: { session: Tickable; clock?: SessionClock | undefined }): TickScheduler {
  const { session, clock = systemClock } = objectParameter(parameters);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedFor: number | undefined;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    const deadline = session.nextDeadline();
    if (deadline === armedFor) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    armedFor = deadline;
    if (deadline === undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      armedFor = undefined;
      session.tick();
      arm();
    }, Math.max(0, deadline - clock.now()));
  };
  return {
    arm,
    stop: () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
