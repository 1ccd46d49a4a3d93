// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Runs a session scenario between ClientSession (or a raw peer) and
// RelaySession and records every frame in order: who sent it, on which
// session, at which simulated time, in which step; clock steps (each a tick
// of every session) and closes are entries too.
import { bytesToHex, type Hex } from "viem";
import { ClientSession } from "../../src/session/client-session.js";
import { RelaySession } from "../../src/session/relay-session.js";
import { ManualClock } from "../session/harness.js";
import { challengeOf, DOMAIN, openTranscriptRelay, type Scenario, START_MS } from "./session-scenarios.js";

export type TranscriptEntry =
  | { readonly step: number; readonly atMs: number; readonly session: number; readonly from: "client" | "relay"; readonly frame: Hex }
  | { readonly step: number; readonly atMs: number; readonly tick: true }
  | { readonly step: number; readonly atMs: number; readonly session: number; readonly closedBy: "relay"; readonly code: number; readonly reason: string };

export interface Transcript {
  readonly name: string;
  readonly covers: string;
  readonly clients: readonly ("session" | "raw")[];
  /** What the relay holds before the first step (the document's `setup`). */
  readonly setup: string | null;
  readonly steps: readonly { readonly note: string; readonly outcome: string }[];
  readonly entries: readonly TranscriptEntry[];
}

/** Lets queued microtasks and the relay's store promises run to the end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 25; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** What a ClientSession call gave: "ok", or the error's class and code. */
export function outcomeOf(result: PromiseSettledResult<unknown>): string {
  if (result.status === "fulfilled") return "ok";
  const e = result.reason as { name?: string; errorCode?: number; problem?: string };
  return `${e.name ?? "Error"}${e.errorCode === undefined ? "" : ` ${e.errorCode}`}${e.problem === undefined ? "" : ` ${e.problem}`}`;
}

/** Records one scenario. */
export async function recordTranscript(scenario: Scenario): Promise<Transcript> {
  const clock = new ManualClock();
  clock.time = START_MS;
  const relay = await openTranscriptRelay(clock);
  await scenario.setup?.(relay);
  const entries: TranscriptEntry[] = [];
  let step = 0;
  const clients: (ClientSession | undefined)[] = [];
  const servers = scenario.clients.map((_, session) => new RelaySession({
    backend: relay, clock, randomChallenge: () => challengeOf(session),
    transport: {
      send: (frame) => {
        entries.push({ step, atMs: clock.time, session, from: "relay", frame: bytesToHex(frame) });
        queueMicrotask(() => clients[session]?.receive({ frame }));
      },
      close: (code, reason) => void entries.push({ step, atMs: clock.time, session, closedBy: "relay", code, reason }),
    },
  }));
  scenario.clients.forEach((kind, session) => {
    if (kind === "raw") return;
    clients[session] = new ClientSession({
      domain: DOMAIN, relays: [relay.address], clock,
      transport: {
        send: (frame) => {
          entries.push({ step, atMs: clock.time, session, from: "client", frame: bytesToHex(frame) });
          queueMicrotask(() => servers[session]?.receive({ frame }));
        },
        close: () => undefined,
      },
    });
  });
  const steps: { note: string; outcome: string }[] = [];
  for (const [i, s] of scenario.steps.entries()) {
    step = i;
    const session = "session" in s && s.session !== undefined ? s.session : 0;
    if ("advanceMs" in s) {
      clock.time += s.advanceMs;
      entries.push({ step, atMs: clock.time, tick: true });
      for (const server of servers) server.tick();
      for (const client of clients) client?.tick();
      await settle();
      steps.push({ note: s.note, outcome: "ok" });
    } else if ("call" in s) {
      const [result] = await Promise.allSettled([s.call(clients[session] as ClientSession)]);
      await settle();
      steps.push({ note: s.note, outcome: outcomeOf(result) });
    } else {
      const frame = await s.raw();
      entries.push({ step, atMs: clock.time, session, from: "client", frame: bytesToHex(frame) });
      servers[session]?.receive({ frame });
      await settle();
      steps.push({ note: s.note, outcome: "ok" });
    }
  }
  for (const client of clients) client?.close();
  await relay.close();
  return { name: scenario.name, covers: scenario.covers, clients: scenario.clients, setup: scenario.setup?.name ?? null, steps, entries };
}
