// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a reader subscribes to a shop with a long history and stops
// reading. The relay queued one log entry per matching record for it: with
// 100,000 records and 60 such readers, millions of entries held. Now a
// session holds at most 512 entries and counts the rest of its backlog; when
// the reader reads again it gets every event, in order, once.
import { secp256k1 } from "@noble/curves/secp256k1";
import { numberToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { ObjectType } from "../../gen/market/mass/subscription_pb.js";
import { RelaySession } from "../../src/session/relay-session.js";
import { flush, frame, ManualClock, okResponse, openRelay, Recorder } from "../session/harness.js";

const SHOP = numberToBytes(31n, { size: 32 });
const RECORDS = 1_300;

describe("a reader that stops reading on a shop of 1,300 matching events", () => {
  it("holds at most 512 entries, announces the whole backlog, and once it reads gets every event in order, once", async () => {
    const relay = await openRelay();
    for (let i = 0; i < RECORDS; i++) await relay.enrollKeycard({ shopId: 31n, publicKey: secp256k1.getPublicKey(secp256k1.utils.randomPrivateKey(), false) });
    const transport = new Recorder();
    // A small push budget, as a slow reader's: few events leave per round, the rest wait in the session.
    const session = new RelaySession({ transport, backend: relay, clock: new ManualClock(), maxOutstandingPushBytes: 4096 });
    const held = () => (session as unknown as { subscription?: { queue: unknown[]; backlog: number } }).subscription;
    session.receive({ frame: frame(1n, { case: "subscriptionRequest", value: { shopId: { raw: SHOP }, filters: [{ objectType: ObjectType.ACCOUNT }] } }) });
    const first = transport.take();
    const status = first.find((envelope) => envelope.message.case === "syncStatusRequest");
    expect(status?.message.case === "syncStatusRequest" && status.message.value.unpushedEvents).toBe(BigInt(RECORDS));
    let maxHeld = held()!.queue.length;
    const pushed: bigint[] = [];
    let pending = first;
    // The reader reads again: it acknowledges each request, and the relay refills from the log.
    while (pending.length > 0) {
      for (const envelope of pending) {
        if (envelope.message.case === "subscriptionPushRequest") pushed.push(...envelope.message.value.events.map((event) => event.seqNo));
        if (envelope.message.case !== "response") session.receive({ frame: okResponse(envelope.requestId!.raw) });
        maxHeld = Math.max(maxHeld, held()?.queue.length ?? 0);
      }
      // Acknowledgements settle in microtasks, which push the next events.
      await flush();
      pending = transport.take();
    }
    expect(maxHeld).toBeLessThanOrEqual(512);
    expect(pushed).toEqual(Array.from({ length: RECORDS }, (_, i) => BigInt(i + 1)));
    expect(held()).toMatchObject({ queue: [], backlog: 0 });
    expect(transport.closed).toBeUndefined();
  });
});
