// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Fan-out (issue 24): what one committed event costs each subscriber in
// frames, pushes coalesced while one is in flight (order kept, nothing twice,
// no gap, the byte budget held), SyncStatus only where the client's count
// would be wrong, and synced() after a write still including it.
import { describe, expect, it } from "vitest";
import { type ClientSession, ClientSession as Session, decodeEnvelope, type Envelope, ObjectType } from "../../src/index.js";
import type { ReferenceRelay } from "../../src/relay/reference-relay.js";
import type { RelayBackend, RelayLogEntry } from "../../src/session/relay-backend.js";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { RelaySession } from "../../src/session/relay-session.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "./fixtures.js";
import { flush, frame, ManualClock, okResponse, openRelay, Recorder } from "./harness.js";

/** A raw TAG subscriber: counts frames both ways, the events pushed, and what a client would count as unpushed. */
class Reader {
  readonly transport = new Recorder();
  readonly session: RelaySession;
  readonly seqNos: bigint[] = [];
  pushes: number[] = [];
  syncStatuses: bigint[] = [];
  framesOut = 0;
  framesIn = 0;
  /** What ClientSession counts: the last SyncStatus minus events pushed since. */
  believed = 0n;
  private unanswered: bigint[] = [];
  private nextPing = 1000n;

  constructor(backend: ReferenceRelay, maxOutstandingPushBytes?: number) {
    this.session = new RelaySession({ transport: this.transport, backend, clock: new ManualClock(), maxOutstandingPushBytes });
    this.session.receive({ frame: frame(1n, { case: "subscriptionRequest", value: { shopId: { raw: f.shopRaw }, filters: [{ objectType: ObjectType.TAG }] } }) });
  }

  /** Reads what the relay sent; answers it when `answer`. */
  read(answer: boolean): Envelope[] {
    const envelopes = this.transport.take();
    this.framesOut += envelopes.length;
    for (const envelope of envelopes) {
      const { message } = envelope;
      if (message.case === "syncStatusRequest") {
        this.syncStatuses.push(message.value.unpushedEvents);
        this.believed = message.value.unpushedEvents;
      }
      if (message.case === "subscriptionPushRequest") {
        const k = message.value.events.length;
        this.pushes.push(k);
        this.seqNos.push(...message.value.events.map((e) => e.seqNo));
        this.believed = this.believed > BigInt(k) ? this.believed - BigInt(k) : 0n;
      }
      if (message.case !== "response") this.unanswered.push(envelope.requestId?.raw ?? 0n);
    }
    if (answer) this.answer();
    return envelopes;
  }

  /** Pings the relay and reads up to its answer, as synced() does. */
  ping(): void {
    this.session.receive({ frame: frame(this.nextPing++, { case: "pingRequest", value: {} }) });
    this.read(false);
  }

  /** Answers every request read so far; request `refuse` with CLOSE_SUBSCRIPTION, as a client stopping a subscription does. */
  answer(refuse?: bigint): void {
    for (const id of this.unanswered.splice(0)) {
      this.framesIn++;
      this.session.receive({ frame: id === refuse ? frame(id, { case: "response", value: { response: { case: "error", value: { code: ErrorCodes.CLOSE_SUBSCRIPTION, message: "cancelled" } } } }) : okResponse(id) });
    }
  }
}

async function shop(): Promise<{ backend: ReferenceRelay; write: (n: number) => Promise<void> }> {
  const backend = await openRelay();
  const clerk = new f.Writer(TEST_RELAY_DOMAIN);
  await backend.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
  const keycard = { address: clerk.account.address, shopId: f.shopRaw, guest: false };
  await backend.write({ keycard, events: [await clerk.sign(f.manifest())] });
  return { backend, write: async (n) => void (await backend.write({ keycard, events: [await clerk.sign(f.tag(n))] })) };
}

// Enrollment 1, manifest 2: the tags start at seq_no 3.
const tags = (count: number, from = 3) => Array.from({ length: count }, (_, i) => BigInt(from + i));

describe("fan-out cost per subscriber", () => {
  it("with 20 idle subscribers that answer at once, each event costs each of them one push and its ack: no SyncStatus", async () => {
    const { backend, write } = await shop();
    const readers = Array.from({ length: 20 }, () => new Reader(backend));
    for (const reader of readers) reader.read(true);
    await flush();
    for (const reader of readers) {
      reader.read(true);
      reader.framesOut = reader.framesIn = 0;
    }
    for (let n = 1; n <= 30; n++) {
      await write(n);
      await flush();
      for (const reader of readers) reader.read(true);
      await flush();
    }
    for (const reader of readers) {
      expect(reader.seqNos).toEqual(tags(30));
      // Two frames per event (push out, ack in), where each commit used to cost four (SyncStatus and push, two answers).
      expect(reader.framesOut + reader.framesIn).toBeLessThanOrEqual(2 * 30);
      expect(reader.syncStatuses).toEqual([0n]);
    }
  });

  it("coalesces: events committed while a push is in flight go in full pushes once it is acknowledged, in order, once, within the budget", async () => {
    const { backend, write } = await shop();
    const reader = new Reader(backend);
    reader.read(true);
    await write(1);
    reader.read(false);
    expect(reader.pushes).toEqual([1]);
    // 200 commits while that push waits for its ack: nothing more is sent.
    for (let n = 2; n <= 201; n++) await write(n);
    expect(reader.read(false)).toEqual([]);
    reader.answer();
    await flush();
    reader.read(true);
    await flush();
    reader.read(true);
    expect(reader.pushes).toEqual([1, 64, 64, 64, 8]);
    expect(reader.seqNos).toEqual(tags(201));
    expect(reader.session.outstandingPushBytes).toBe(0);
  });

  it("a reader held back by its budget hears its grown backlog by one SyncStatus at a time, and its count is right as it reads again", async () => {
    const { backend, write } = await shop();
    // More than one full push of 64 tags (about 12.7 kB), less than two.
    const budget = 20_000;
    const reader = new Reader(backend, budget);
    reader.read(true);
    await flush();
    reader.read(true);
    for (let n = 1; n <= 300; n++) {
      await write(n);
      // It reads (and so sees the SyncStatus counts) but answers nothing.
      reader.read(false);
      expect(reader.session.outstandingPushBytes).toBeLessThanOrEqual(budget);
    }
    expect(reader.seqNos.length).toBeLessThan(300);
    for (let round = 0; round < 100 && reader.seqNos.length < 300; round++) {
      // At a ping's answer, what the client counts as unpushed plus what it was pushed is every tag committed: no gap, nothing twice.
      reader.ping();
      expect(BigInt(reader.seqNos.length) + reader.believed).toBe(300n);
      reader.answer();
      await flush();
      reader.read(false);
      expect(reader.session.outstandingPushBytes).toBeLessThanOrEqual(budget);
    }
    expect(reader.seqNos).toEqual(tags(300));
    // One SyncStatus at the start, one when the backlog grew while held back, one at the first ping: not one per commit.
    expect(reader.syncStatuses.length).toBeLessThanOrEqual(3);
  });

  it("a subscriber that stopped reading costs the others nothing: they get every event, one push per event", async () => {
    const { backend, write } = await shop();
    const stopped = new Reader(backend, 4096);
    const fast = new Reader(backend);
    stopped.read(false);
    fast.read(true);
    await flush();
    fast.read(true);
    fast.framesOut = fast.framesIn = 0;
    for (let n = 1; n <= 100; n++) {
      await write(n);
      fast.read(true);
      await flush();
    }
    expect(fast.seqNos).toEqual(tags(100));
    expect(fast.framesOut + fast.framesIn).toBeLessThanOrEqual(2 * 100);
    expect(stopped.session.outstandingPushBytes).toBeLessThanOrEqual(4096);
  });
});

describe("coalescing across subscriptions", () => {
  it("a new subscription's history does not wait for the unacknowledged push of a cancelled one, nor stop when that push is answered with an error", async () => {
    const { backend, write } = await shop();
    const reader = new Reader(backend);
    reader.read(true);
    await write(1);
    const [old] = reader.read(false).filter((e) => e.message.case === "subscriptionPushRequest");
    reader.session.receive({ frame: frame(2n, { case: "subscriptionCancelRequest", value: { subscriptionId: new Uint8Array([0, 1]) } }) });
    reader.session.receive({ frame: frame(3n, { case: "subscriptionRequest", value: { shopId: { raw: f.shopRaw }, filters: [{ objectType: ObjectType.TAG }] } }) });
    // Sent at once, although the cancelled subscription's push is still unacknowledged.
    const history = reader.read(false).flatMap((e) => (e.message.case === "subscriptionPushRequest" ? e.message.value.events.map((p) => p.seqNo) : []));
    expect(history).toEqual([3n]);
    await write(2);
    // The client refuses the old push (as a cancelled subscription's may be) and acknowledges the rest: the new subscription goes on.
    reader.answer(old?.requestId?.raw);
    await write(3);
    for (let round = 0; round < 5; round++) {
      await flush();
      reader.read(true);
    }
    expect(reader.seqNos).toEqual([3n, 3n, 4n, 5n]);
    expect(reader.session.closed).toBeUndefined();
  });
});

describe("synced() with pushes coalesced", () => {
  it("after its own write, while the ack of an earlier push is held: a SyncStatus comes before the ping's answer, and synced() waits for the write", async () => {
    const backend = await openRelay();
    const clock = new ManualClock();
    const writer = new f.Writer(TEST_RELAY_DOMAIN);
    await backend.enrollKeycard({ shopId: f.SHOP_ID, publicKey: writer.account.publicKey });
    // The client's answers to pushes are held while `holding`; every other frame flows at once.
    let holding = false;
    let client: ClientSession | undefined;
    const pushIds = new Set<bigint>();
    const held: Uint8Array[] = [];
    const server = new RelaySession({
      transport: {
        send: (bytes) => {
          const envelope = decodeEnvelope({ bytes });
          if (envelope.message.case === "subscriptionPushRequest") pushIds.add(envelope.requestId?.raw ?? 0n);
          queueMicrotask(() => client?.receive({ frame: bytes }));
        },
        close: () => undefined,
      },
      backend,
      clock,
    });
    const toServer = (bytes: Uint8Array) => {
      const envelope = decodeEnvelope({ bytes });
      if (holding && envelope.message.case === "response" && pushIds.has(envelope.requestId?.raw ?? 0n)) held.push(bytes);
      else queueMicrotask(() => server.receive({ frame: bytes }));
    };
    client = new Session({ transport: { send: toServer, close: () => undefined }, domain: TEST_RELAY_DOMAIN, relays: [backend.address], clock });
    await client.login({ account: writer.account });
    await client.write({ events: [await writer.sign(f.manifest())] });
    await client.subscribe({ shopId: f.SHOP_ID });
    await client.synced();
    holding = true;
    await client.write({ events: [await writer.sign(f.tag(1))] });
    await client.write({ events: [await writer.sign(f.tag(2))] });
    let done = false;
    const syncing = client.synced().then(() => (done = true));
    await flush();
    // Tag 2 waits behind the unacknowledged push of tag 1; the SyncStatus before the ping's answer said so.
    expect([done, client.unpushedEvents, client.lastSeqNo]).toEqual([false, 1n, 3n]);
    holding = false;
    for (const bytes of held.splice(0)) server.receive({ frame: bytes });
    await syncing;
    expect(client.lastSeqNo).toBe(4n);
    expect(Object.keys(client.state?.tags ?? {})).toEqual([f.hex8(1), f.hex8(2)]);
    const own = await client.waitFor({ until: ({ state }) => state?.tags[f.hex8(2)], timeout: 0 });
    expect(own.name).toBe("tag 2");
  });
});

// The backend with its read() entries rebuilt (their `object` kept or not), and how often filters read an entry's decoded `event`.
function countingBackend(backend: RelayBackend, keep: { object: boolean }): { backend: RelayBackend; decoded: () => number } {
  let decoded = 0;
  const counting = (entry: RelayLogEntry): RelayLogEntry => ({
    seqNo: entry.seqNo,
    signedEvent: entry.signedEvent,
    signedEventBytes: entry.signedEventBytes,
    ...(keep.object ? { object: entry.object } : {}),
    get signer() {
      return entry.signer;
    },
    get event() {
      decoded++;
      return entry.event;
    },
  });
  const wrapped = new Proxy(backend, {
    get: (target, key) => {
      if (key === "read") return (input: Parameters<RelayBackend["read"]>[0]) => target.read(input).map(counting);
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { backend: wrapped, decoded: () => decoded };
}

describe("filters matched from the entry's object", () => {
  it("a backend whose entries have their bytes but no object: filters read the object from the bytes, no event decoded", async () => {
    const { backend, write } = await shop();
    const { backend: wrapped, decoded } = countingBackend(backend, { object: false });
    const transport = new Recorder();
    const session = new RelaySession({ transport, backend: wrapped, clock: new ManualClock() });
    session.receive({ frame: frame(1n, { case: "subscriptionRequest", value: { shopId: { raw: f.shopRaw }, filters: [{ objectType: ObjectType.TAG, objectId: { raw: f.id8(2) } }] } }) });
    for (let n = 1; n <= 3; n++) await write(n);
    await flush();
    const pushed = transport.take().flatMap((e) => (e.message.case === "subscriptionPushRequest" ? e.message.value.events.map((p) => p.seqNo) : []));
    expect(pushed).toEqual([4n]);
    expect(decoded()).toBe(0);
  });

  it("10 subscribers with filters read no decoded event: each entry's object (type and id) is found once per event and shared", async () => {
    const { backend, write } = await shop();
    // The relay's entries, with `event` counted: filters must not need it.
    const { backend: wrapped, decoded } = countingBackend(backend, { object: true });
    const readers = Array.from({ length: 10 }, (_, i) => {
      const transport = new Recorder();
      const filters = i % 2 === 0 ? [{ objectType: ObjectType.TAG }] : [{ objectType: ObjectType.TAG, objectId: { raw: f.id8(2) } }, { objectType: ObjectType.LISTING }];
      const session = new RelaySession({ transport, backend: wrapped, clock: new ManualClock() });
      session.receive({ frame: frame(1n, { case: "subscriptionRequest", value: { shopId: { raw: f.shopRaw }, filters } }) });
      return transport;
    });
    for (let n = 1; n <= 3; n++) await write(n);
    await flush();
    const pushed = readers.map((transport) => transport.take().flatMap((e) => (e.message.case === "subscriptionPushRequest" ? e.message.value.events.map((p) => p.seqNo) : [])));
    expect(pushed[0]).toEqual([3n]);
    expect(pushed[1]).toEqual([4n]);
    expect(decoded()).toBe(0);
    const [first] = backend.read({ shopId: f.shopRaw, afterSeqNo: 4n });
    const [again] = backend.read({ shopId: f.shopRaw, afterSeqNo: 4n });
    expect(first?.object).toBeDefined();
    expect(first?.object).toBe(again?.object);
  });
});
