// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: many unauthenticated LISTING subscribers stop reading. The relay
// pushed the whole shop to each at once (up to 1024 frames of 128 KiB per
// session), so 60 of them took a relay from 148 MiB to 1,078 MiB. Now each
// session has a budget of unacknowledged push bytes: a reader that stops
// reading holds at most that much of the relay's memory, and gets the rest
// once it reads again.
import { numberToBytes } from "viem";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientSession, connectClientSession, DEFAULT_MAX_OUTSTANDING_PUSH_BYTES, ObjectType, SESSION_CLOSE_CODES } from "../../src/index.js";
import { createSocketTransport } from "../../src/relay/socket-transport.js";
import { type RelayServer, startRelayServer } from "../../src/relay/start-relay-server.js";
import { RelaySession } from "../../src/session/relay-session.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { generatePrivateKey } from "viem/accounts";
import * as f from "../session/fixtures.js";
import { frame, ManualClock, openRelay } from "../session/harness.js";
import { until } from "../session/raw-client.js";
import { signedListing } from "../support/long-listing.js";

const READERS = 60;
const LISTINGS = 60;
// Readers that read again and must then get the whole shop (each verifies every event).
const RESUMING = 3;
const SHOP_ID = 77n;
const shopRaw = numberToBytes(SHOP_ID, { size: 32 });

let server: RelayServer;
beforeAll(async () => {
  server = await startRelayServer({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey() });
});
afterAll(async () => {
  await server.close();
});

/** A ws WebSocket that remembers its instances, so a test can stop one reading. */
const sockets: WebSocket[] = [];
class TrackedSocket extends WebSocket {
  constructor(url: string) {
    super(url);
    sockets.push(this);
  }
}

describe("unauthenticated LISTING subscribers that stop reading", () => {
  it(`${READERS} stopped readers of a 3 MB shop keep the relay's outstanding and buffered push bytes within the budget, and sync once they read again`, async () => {
    const clerk = new f.Writer(TEST_RELAY_DOMAIN, undefined, shopRaw);
    await server.relay.enrollKeycard({ shopId: SHOP_ID, publicKey: clerk.account.publicKey });
    const writer = await connectClientSession({ url: server.url, domain: TEST_RELAY_DOMAIN, relays: [server.relay.address], WebSocket });
    await writer.login({ account: clerk.account });
    await writer.write({ events: [await clerk.sign(f.manifest(shopRaw))] });
    for (let n = 1; n <= LISTINGS; n++) await writer.write({ events: [await signedListing(clerk, n, 50_000)] });
    writer.close();
    await until(() => server.sessions.size === 0);

    const readers: { session: ClientSession; subscribed: Promise<Uint8Array>; received: number }[] = [];
    for (let i = 0; i < READERS; i++) {
      const session = await connectClientSession({ url: server.url, domain: TEST_RELAY_DOMAIN, relays: [server.relay.address], WebSocket: TrackedSocket });
      const reader = { session, subscribed: session.subscribe({ shopId: SHOP_ID, filters: [{ objectType: ObjectType.LISTING }] }), received: 0 };
      // Readers that never resume see their subscription fail at the close.
      reader.subscribed.catch(() => undefined);
      session.on((e) => {
        if (e.type === "events") reader.received += e.events.length;
      });
      // Stops reading right after asking: the subscription's answer and pushes stay unread.
      sockets.at(-1)?.pause();
      readers.push(reader);
    }
    // Every session subscribed and pushed what its budget allows (pushes go out synchronously on subscribe).
    await until(() => server.sessions.size === READERS && [...server.sessions].every((s) => s.outstandingPushBytes > 0));
    const outstanding = [...server.sessions].map((s) => s.outstandingPushBytes);
    expect(Math.max(...outstanding)).toBeLessThanOrEqual(DEFAULT_MAX_OUTSTANDING_PUSH_BYTES);
    // What the relay keeps in its sockets is the pushes plus a few small frames (subscription answers, SyncStatus).
    expect(server.bufferedBytes()).toBeLessThanOrEqual(READERS * (DEFAULT_MAX_OUTSTANDING_PUSH_BYTES + 1024));
    expect(readers.every((r) => r.received === 0)).toBe(true);

    for (const socket of sockets.slice(0, RESUMING)) socket.resume();
    const resumed = readers.slice(0, RESUMING);
    await Promise.all(resumed.map(async (r) => {
      await r.subscribed;
      await r.session.synced();
    }));
    expect(resumed.map((r) => r.received)).toEqual(resumed.map(() => LISTINGS));
    for (const r of readers) r.session.close();
  }, 120_000);

  it("a client that sends pings and reads no answer: once its socket holds the cap of unsent bytes the relay closes it with SLOW_READER", async () => {
    // A socket whose output never drains, as when the peer stopped reading.
    const socket = { bufferedAmount: 0, closed: undefined as number | undefined, send(f: Uint8Array) { this.bufferedAmount += f.length; }, close(code: number) { this.closed = code; } };
    const slow: string[] = [];
    const session: RelaySession = new RelaySession({
      transport: createSocketTransport({ socket, maxBufferedBytes: 4096, sent: () => undefined, slow: (close) => (slow.push(close.reason), session.close(close)) }),
      backend: await openRelay(),
      clock: new ManualClock(),
    });
    for (let id = 1n; id <= 5000n && socket.closed === undefined; id++) session.receive({ frame: frame(id, { case: "pingRequest", value: {} }) });
    expect(socket.closed).toBe(SESSION_CLOSE_CODES.SLOW_READER);
    expect(session.closed?.code).toBe(SESSION_CLOSE_CODES.SLOW_READER);
    expect(socket.bufferedAmount).toBeLessThanOrEqual(4096);
    expect(slow[0]).toMatch(/peer is not reading: \d+ bytes unsent, the cap is 4096/);
  });
});
