// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Signature checks on worker threads change no decision and no order: one
// script of writes (signed once) fed to a relay without workers, with two,
// and with two that crash, gives byte-identical stored records, the same
// state and snapshot JSON, and the same answer to every write. The script
// has refusals in the middle of a batch, concurrent writers, relay reactions
// (payment details, a payment) and a close with writes in flight.
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { type SignedEvent, SignedEventSchema } from "../../src/index.js";
import { bytesToHex, hexToBytes } from "viem";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { createVerifyPool } from "../../src/relay/verify-pool.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { ManualClock } from "../session/harness.js";
import * as f from "../session/fixtures.js";
import { checkout, keepingStore, PEN } from "../support/stock-shop.js";
import type { RelayStore, StoredRecord } from "../../src/relay/relay-store.js";

const RELAY_KEY = `0x${"22".repeat(32)}` as const;
// One relay clock for every run: the relay's own events carry its time.
const NOW = Date.now();
const key = (n: number) => `0x${n.toString(16).padStart(2, "0").repeat(32)}` as const;

type Write = { readonly who: f.Writer; readonly events: readonly SignedEvent[] };
type Step = { readonly kind: "enroll"; readonly who: f.Writer; readonly guest: boolean } | { readonly kind: "writes"; readonly writes: readonly Write[] } | { readonly kind: "pay"; readonly order: number } | { readonly kind: "close"; readonly writes: readonly Write[] };

// A signature moved onto another event: the bytes decode, the signer recovered is nobody's.
async function forged(who: f.Writer, union: f.UnionInit, nonce: bigint): Promise<SignedEvent> {
  const other = await who.sign(f.changeInventory(PEN, 99), { nonce: nonce + 1n });
  const event = await who.sign(union, { nonce });
  return { ...event, signature: other.signature };
}

async function script(): Promise<Step[]> {
  const clerk = new f.Writer(TEST_RELAY_DOMAIN, key(1));
  const guests = [2, 3, 4].map((n) => new f.Writer(TEST_RELAY_DOMAIN, key(n)));
  const signAll = async (who: f.Writer, unions: readonly f.UnionInit[]) => {
    const events: SignedEvent[] = [];
    for (const union of unions) events.push(await who.sign(union));
    return events;
  };
  const steps: Step[] = [{ kind: "enroll", who: clerk, guest: false }, ...guests.map((who) => ({ kind: "enroll" as const, who, guest: true }))];
  steps.push({ kind: "writes", writes: [{ who: clerk, events: await signAll(clerk, [f.manifest(), f.listing(PEN, 100n), f.changeInventory(PEN, 10)]) }] });
  // Refused in the middle of a batch: a good event, a forged one, a good one; then a rule's refusal after a good event.
  const [g1, g2, g3] = guests as [f.Writer, f.Writer, f.Writer];
  steps.push({ kind: "writes", writes: [{ who: clerk, events: [await clerk.sign(f.changeInventory(PEN, 1), { nonce: 100n }), await forged(clerk, f.changeInventory(PEN, 2), 101n), await clerk.sign(f.changeInventory(PEN, 3), { nonce: 103n })] }] });
  steps.push({ kind: "writes", writes: [{ who: g1, events: [await g1.sign(f.createOrder(50), { nonce: 100n }), await g1.sign(f.changeInventory(PEN, 5), { nonce: 101n })] }] });
  // Three guests check out at once, one write per event, interleaved; each choose_payment triggers relay payment details.
  const perGuest = await Promise.all(guests.map(async (who, k) => (await signAll(who, checkout(k + 1))).map((event) => ({ who, events: [event] }))));
  const interleaved: Write[] = [];
  for (let i = 0; i < 5; i++) for (const writes of perGuest) interleaved.push(writes[i] as Write);
  steps.push({ kind: "writes", writes: interleaved });
  steps.push({ kind: "pay", order: 2 });
  // A guest writing as another keycard, and a forged event, among good writes in flight.
  steps.push({ kind: "writes", writes: [{ who: g2, events: await signAll(g2, [f.createOrder(20)]) }, { who: g3, events: [await forged(g3, f.createOrder(30), 50n)] }, { who: g1, events: [await g2.sign(f.createOrder(21))] }, { who: clerk, events: await signAll(clerk, [f.changeInventory(PEN, 4)]) }] });
  // Closed while these are in flight: each still gets its answer.
  steps.push({ kind: "close", writes: [{ who: clerk, events: await signAll(clerk, [f.changeInventory(PEN, 1)]) }, { who: g3, events: await signAll(g3, [f.createOrder(31)]) }, { who: clerk, events: [await forged(clerk, f.changeInventory(PEN, 7), 500n)] }] });
  return steps;
}

interface Outcome {
  readonly records: readonly string[];
  readonly state: string;
  readonly answers: readonly string[];
  readonly warnings: readonly string[];
}

// Relay payment ids and payment transactions are random: the same bytes in every run here.
function seededRandom(): void {
  let counter = 0;
  vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const bytes = new Uint8Array((array as ArrayBufferView).buffer, (array as ArrayBufferView).byteOffset, (array as ArrayBufferView).byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (counter++ * 131) & 0xff;
    return array;
  });
}

async function run(steps: readonly Step[], { verifyWorkers, crashing = false, store = keepingStore() }: { verifyWorkers: number; crashing?: boolean; store?: RelayStore }): Promise<Outcome> {
  seededRandom();
  const clock = new ManualClock();
  clock.time = NOW;
  const warnings: string[] = [];
  const warn = (line: string) => warnings.push(line);
  const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: RELAY_KEY, clock, store, verifyWorkers, warn });
  if (crashing) {
    const pool = await createVerifyPool({ size: 2, domain: TEST_RELAY_DOMAIN, crypto: "js", warn, entry: new URL("./workers/crashing-verify-worker.ts", import.meta.url) });
    await pool.ready();
    await (Reflect.get(relay, "pool") as { close(): Promise<void> }).close();
    Reflect.set(relay, "pool", pool);
  }
  const answers: string[] = [];
  const write = ({ who, events }: Write) => {
    const keycard = relay.findKeycard({ publicKey: hexToBytes(who.account.publicKey).slice(1) });
    if (keycard === undefined) throw new Error("not enrolled");
    return relay.write({ keycard, events }).then(
      () => "accepted",
      (error: unknown) => `refused: ${(error as Error).message}`,
    );
  };
  for (const step of steps) {
    if (step.kind === "enroll") await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: step.who.account.publicKey, guest: step.guest });
    if (step.kind === "pay") await relay.simulatePayment({ shopId: f.SHOP_ID, orderId: f.hex8(step.order) });
    if (step.kind === "writes") answers.push(...(await Promise.all(step.writes.map(write))));
    if (step.kind === "close") {
      const inFlight = step.writes.map(write);
      await relay.close();
      answers.push(...(await Promise.all(inFlight)));
    }
  }
  const stored = await store.load();
  vi.restoreAllMocks();
  return { records: stored.map((record: StoredRecord) => `${record.seqNo} ${bytesToHex(record.signedEvent)}`), state: shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! }), answers, warnings };
}

afterEach(() => vi.restoreAllMocks());

// A store that loads only once a pool of the same size has started (plus a margin): the relay's
// workers, started while the log loads, are then running when the replay begins, so the records
// go to them (a replay checks records itself until a worker has started).
function slowLoading(store: RelayStore): RelayStore {
  return {
    ...store,
    load: async () => {
      const pool = await createVerifyPool({ size: 2, domain: TEST_RELAY_DOMAIN, crypto: "js", warn: () => undefined });
      await pool.ready();
      await pool.close();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return store.load();
    },
  };
}

describe("verification on worker threads", () => {
  it("shares a few queued jobs out over every started worker instead of sending them all to the first", async () => {
    const pool = await createVerifyPool({ size: 2, domain: TEST_RELAY_DOMAIN, crypto: "js", warn: () => undefined, entry: new URL("./workers/thread-id-verify-worker.ts", import.meta.url) });
    try {
      await pool.ready();
      const jobs = (n: number) => Array.from({ length: n }, (_, i) => ({ bytes: new Uint8Array([i, n]), dialect: "eip712" as const }));
      const perWorker = (verdicts: readonly (string | undefined)[]) => [...new Set(verdicts)].map((who) => verdicts.filter((v) => v === who).length).sort((a, b) => a - b);
      // Sixteen writes of one turn, one write in flight per writer: eight for each core, not sixteen for one.
      expect(perWorker(await pool.open(jobs(16)))).toEqual([8, 8]);
      expect(perWorker(await pool.open(jobs(3)))).toEqual([1, 2]);
      // A deep queue still goes out in full batches, two in flight per worker.
      expect(perWorker(await pool.open(jobs(128)))).toEqual([64, 64]);
    } finally {
      await pool.close();
    }
  });

  it("stores the same bytes, reaches the same state and answers every write alike, with two workers and without", async () => {
    const steps = await script();
    const off = await run(steps, { verifyWorkers: 0 });
    const on = await run(steps, { verifyWorkers: 2 });
    // The script exercises what it claims: refusals of each kind, accepted writes, relay reactions.
    expect(off.answers.filter((a) => a.startsWith("refused")).length).toBeGreaterThanOrEqual(5);
    expect(off.answers.some((a) => a.includes("not by the logged-in keycard"))).toBe(true);
    expect(off.records.length).toBeGreaterThan(25);
    expect(on.records).toEqual(off.records);
    expect(on.state).toBe(off.state);
    expect(on.answers).toEqual(off.answers);
    expect(on.warnings).toEqual([]);
  });

  it("loses no event and takes none unchecked when workers crash: their events are checked on the relay's thread", async () => {
    const steps = await script();
    const off = await run(steps, { verifyWorkers: 0 });
    const crashed = await run(steps, { verifyWorkers: 2, crashing: true });
    expect(crashed.warnings.some((line) => line.includes("verification worker stopped"))).toBe(true);
    expect(crashed.records).toEqual(off.records);
    expect(crashed.state).toBe(off.state);
    expect(crashed.answers).toEqual(off.answers);
  });

  it("replays a stored log at start on the workers into the same state and snapshot JSON", async () => {
    const steps = await script();
    const store = keepingStore();
    const first = await run(steps, { verifyWorkers: 0, store });
    const states = [];
    for (const verifyWorkers of [0, 2]) {
      const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: RELAY_KEY, store: slowLoading(store), verifyWorkers });
      states.push(shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! }));
      await relay.close();
    }
    expect(states).toEqual([first.state, first.state]);
  });

  it("refuses a stored log with a forged record at start, with workers as without", async () => {
    const steps = await script();
    const store = keepingStore();
    await run(steps, { verifyWorkers: 0, store });
    const records = await store.load();
    const decode = (bytes: Uint8Array) => fromBinary(SignedEventSchema, bytes);
    // Record 7 carries record 6's signature.
    const tampered = records.map((record, i) => (i === 6 ? { ...record, signedEvent: toBinary(SignedEventSchema, { ...decode(record.signedEvent), signature: decode((records[5] as StoredRecord).signedEvent).signature }) } : record));
    const broken = slowLoading({ load: () => Promise.resolve(tampered), append: () => Promise.resolve(), close: () => Promise.resolve() });
    const errors: string[] = [];
    for (const verifyWorkers of [0, 2]) {
      errors.push(await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: RELAY_KEY, store: broken, verifyWorkers }).then(() => "opened", (error: unknown) => String(error)));
    }
    expect(errors[0]).not.toBe("opened");
    expect(errors[1]).toBe(errors[0]);
  });
});

describe("the relay's thread helping the pool (a replay)", () => {
  it("answers jobs at once while no worker runs, keeps helped ones for a worker or for help(), which opens the last queued first with a worker's signers", async () => {
    const clerk = new f.Writer(TEST_RELAY_DOMAIN, key(1));
    const jobs = [...[await clerk.sign(f.manifest()), await clerk.sign(f.listing(PEN, 100n))].map((event) => toBinary(SignedEventSchema, event)), new Uint8Array([1, 2, 3])].map((bytes) => ({ bytes, dialect: "eip712" as const }));
    const pool = await createVerifyPool({ size: 1, domain: TEST_RELAY_DOMAIN, crypto: "js", warn: () => undefined, entry: new URL("./workers/silent-verify-worker.ts", import.meta.url) });
    try {
      expect(await pool.open(jobs)).toEqual([undefined, undefined, undefined]);
      let verdicts: readonly (string | undefined)[] | undefined;
      void pool.open(jobs, { helped: true }).then((answered) => (verdicts = answered));
      // The last job first (the workers take the first ones): the bytes that do not decode.
      expect(pool.help(1)).toBe(1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(verdicts).toBeUndefined();
      expect(pool.help(10)).toBe(2);
      await new Promise((resolve) => setImmediate(resolve));
      expect(verdicts).toEqual([clerk.account.address, clerk.account.address, undefined]);
      expect(pool.help(10)).toBe(0);
    } finally {
      await pool.close();
    }
  });
});
