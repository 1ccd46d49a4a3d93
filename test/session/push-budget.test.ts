// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Sans-IO: a RelaySession's pushes are cut to the peer's frame limit and held
// to the budget of unacknowledged push bytes; acks release the next ones, and
// every event arrives once, in order.
import { describe, expect, it } from "vitest";
import { decodeEnvelope, ObjectType } from "../../src/index.js";
import { RelaySession } from "../../src/session/relay-session.js";
import { signedListing } from "../support/long-listing.js";
import * as f from "./fixtures.js";
import { flush, frame, ManualClock, okResponse, openRelay, Recorder } from "./harness.js";

describe("RelaySession push budget", () => {
  it("40 listings of 20 KB: frames within 64 KiB, at most 100 KiB unacknowledged, all delivered in order as acks come", async () => {
    const backend = await openRelay();
    const clerk = new f.Writer(backend.domain);
    await backend.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    const keycard = { address: clerk.account.address, shopId: f.shopRaw, guest: false };
    await backend.write({ keycard, events: [await clerk.sign(f.manifest())] });
    for (let n = 1; n <= 40; n++) await backend.write({ keycard, events: [await signedListing(clerk, n, 20_000)] });
    const transport = new Recorder();
    const session = new RelaySession({ transport, backend, clock: new ManualClock(), peerMaxFrameBytes: 64 * 1024, maxOutstandingPushBytes: 100 * 1024 });
    session.receive({ frame: frame(1n, { case: "subscriptionRequest", value: { shopId: { raw: f.shopRaw }, filters: [{ objectType: ObjectType.LISTING }] } }) });
    const seqNos: bigint[] = [];
    let rounds = 0;
    for (;;) {
      // Acks settle the relay's request promises: the next pushes go out after them.
      await flush();
      const sent = transport.frames.splice(0);
      const decoded = sent.map((bytes) => ({ bytes, envelope: decodeEnvelope({ bytes }) }));
      // SyncStatus requests are answered too; they carry no events.
      for (const { envelope } of decoded) if (envelope.message.case === "syncStatusRequest") session.receive({ frame: okResponse(envelope.requestId?.raw ?? 0n) });
      const pushes = decoded.filter((p) => p.envelope.message.case === "subscriptionPushRequest");
      if (pushes.length === 0) break;
      rounds++;
      for (const p of pushes) expect(p.bytes.length).toBeLessThanOrEqual(64 * 1024);
      expect(pushes.reduce((sum, p) => sum + p.bytes.length, 0)).toBeLessThanOrEqual(100 * 1024);
      expect(session.outstandingPushBytes).toBeLessThanOrEqual(100 * 1024);
      for (const { envelope } of pushes) {
        if (envelope.message.case === "subscriptionPushRequest") seqNos.push(...envelope.message.value.events.map((e) => e.seqNo));
        session.receive({ frame: okResponse(envelope.requestId?.raw ?? 0n) });
      }
    }
    // Seq_no 1 and 2 are the enrollment and the manifest; the listings are 3…42.
    expect(seqNos).toEqual(Array.from({ length: 40 }, (_, i) => BigInt(i + 3)));
    expect(rounds).toBeGreaterThan(5);
    expect(session.outstandingPushBytes).toBe(0);
    expect(session.closed).toBeUndefined();
  });

  it("refuses a frame limit or budget that is not a positive integer, naming the option", async () => {
    const backend = await openRelay();
    for (const [option, value] of [["peerMaxFrameBytes", 0], ["maxOutstandingPushBytes", Number.NaN], ["maxOutstandingPushBytes", 1.5]] as const) {
      expect(() => new RelaySession({ transport: new Recorder(), backend, [option]: value })).toThrow(expect.objectContaining({ name: "FieldValueError", path: option, shortMessage: "expected a positive integer" }));
    }
  });
});
