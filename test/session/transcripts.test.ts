// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// test/vectors/sessions.json replayed frame by frame, each side alone: the
// client's frames fed to a fresh RelaySession must draw exactly the relay's
// recorded frames and closes; the relay's frames fed to a fresh ClientSession,
// driven by the same calls, must draw exactly the client's recorded frames
// and call outcomes. The file must also equal a fresh build.
import { readFileSync } from "node:fs";
import { bytesToHex, type Hex, hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { buildSessionTranscripts } from "../../scripts/session-transcripts.js";
import { ClientSession } from "../../src/session/client-session.js";
import { RelaySession } from "../../src/session/relay-session.js";
import { outcomeOf, settle, type Transcript, type TranscriptEntry } from "../support/session-record.js";
import { challengeOf, DOMAIN, openTranscriptRelay, RELAY_KEY, SCENARIOS, START_MS } from "../support/session-scenarios.js";
import { privateKeyToAccount } from "viem/accounts";
import { ManualClock } from "./harness.js";

const FILE = new URL("../vectors/sessions.json", import.meta.url);
const doc = JSON.parse(readFileSync(FILE, "utf8")) as { startMs: number; transcripts: Transcript[] };
const scenarioOf = (t: Transcript) => SCENARIOS.find((s) => s.name === t.name)!;
type FrameEntry = Extract<TranscriptEntry, { frame: Hex }>;
const isFrame = (e: TranscriptEntry): e is FrameEntry => "frame" in e;

/** The relay side: client frames in, relay frames and closes out, compared in order per connection. */
async function replayRelay(t: Transcript): Promise<void> {
  const clock = new ManualClock();
  clock.time = doc.startMs;
  const relay = await openTranscriptRelay(clock);
  await scenarioOf(t).setup?.(relay);
  const sent = t.clients.map(() => [] as Hex[]);
  const closes: { session: number; code: number; reason: string }[] = [];
  const servers = t.clients.map((_, session) => new RelaySession({
    backend: relay, clock, randomChallenge: () => challengeOf(session),
    transport: { send: (frame) => void sent[session]!.push(bytesToHex(frame)), close: (code, reason) => void closes.push({ session, code, reason }) },
  }));
  for (const [i, e] of t.entries.entries()) {
    clock.time = e.atMs;
    if ("tick" in e) {
      for (const server of servers) server.tick();
      await settle();
    } else if ("closedBy" in e) {
      expect(closes.shift(), `${t.name} entry ${i}`).toEqual({ session: e.session, code: e.code, reason: e.reason });
    } else if (e.from === "client") {
      servers[e.session]!.receive({ frame: hexToBytes(e.frame) });
      await settle();
    } else {
      expect(sent[e.session]!.shift(), `${t.name} entry ${i}: the relay's frame`).toBe(e.frame);
    }
  }
  expect(sent.flat(), `${t.name}: frames the relay sent beyond the transcript`).toEqual([]);
  expect(closes).toEqual([]);
  await relay.close();
}

/** The client side: the same calls on a ClientSession, relay frames in, client frames out. */
async function replayClient(t: Transcript): Promise<void> {
  const scenario = scenarioOf(t);
  const clock = new ManualClock();
  clock.time = doc.startMs;
  const sent = t.clients.map(() => [] as Hex[]);
  const clients = t.clients.map((kind, session) => kind === "raw" ? undefined : new ClientSession({
    domain: DOMAIN, relays: [privateKeyToAccount(RELAY_KEY).address], clock,
    transport: { send: (frame) => void sent[session]!.push(bytesToHex(frame)), close: () => undefined },
  }));
  const isSession = (e: TranscriptEntry) => "session" in e && clients[e.session] !== undefined;
  for (const [index, step] of scenario.steps.entries()) {
    const entries = t.entries.filter((e) => e.step === index);
    let call: Promise<PromiseSettledResult<unknown>[]> = Promise.resolve([{ status: "fulfilled", value: undefined }]);
    if ("call" in step) call = Promise.allSettled([step.call(clients[step.session ?? 0]!)]);
    for (const [i, e] of entries.entries()) {
      clock.time = e.atMs;
      if ("tick" in e) {
        for (const client of clients) client?.tick();
      } else if (isFrame(e) && isSession(e)) {
        await settle();
        if (e.from === "relay") clients[e.session]!.receive({ frame: hexToBytes(e.frame) });
        else expect(sent[e.session]!.shift(), `${t.name} step ${index} entry ${i}: the client's frame`).toBe(e.frame);
      }
    }
    const [result] = await call;
    await settle();
    if ("call" in step) expect(outcomeOf(result!), `${t.name} step ${index}`).toBe(t.steps[index]!.outcome);
  }
  expect(sent.flat(), `${t.name}: frames the client sent beyond the transcript`).toEqual([]);
  for (const client of clients) client?.close();
}

describe("session transcripts (test/vectors/sessions.json)", () => {
  it("cover every exchange the document lists", () => {
    expect(doc.transcripts.map((t) => t.name)).toEqual(SCENARIOS.map((s) => s.name));
    expect(doc.startMs).toBe(START_MS);
    const all = doc.transcripts.flatMap((t) => t.entries);
    expect(all.filter(isFrame).length).toBeGreaterThan(80);
    expect(new Set(all.flatMap((e) => ("closedBy" in e ? [e.code] : [])))).toEqual(new Set([4000, 4001, 1002]));
  });

  for (const t of doc.transcripts) {
    it(`${t.name}: the relay side replays against RelaySession`, () => replayRelay(t));
    if (t.clients.includes("session")) it(`${t.name}: the client side replays against ClientSession`, () => replayClient(t));
  }

  it("the committed file equals a fresh build (npm run vectors)", async () => {
    expect(await buildSessionTranscripts()).toBe(readFileSync(FILE, "utf8"));
  }, 60_000);
});
