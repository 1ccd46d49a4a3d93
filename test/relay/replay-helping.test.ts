// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A restart with workers, where the relay's own thread checks queued records
// too while the workers' answers are out (VerifyPool.help): the same stored
// log replays into the same state and log as without workers, with workers
// that crash in the middle of the replay, and a forged record in the middle
// of the log is refused alike.
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SignedEventSchema } from "../../src/index.js";
import { bytesToHex } from "../../src/crypto/hex.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import type { RelayStore, StoredRecord } from "../../src/relay/relay-store.js";
import * as pools from "../../src/relay/verify-pool.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { checkout, keepingStore, openStockShop, PEN, STOCK_RELAY_KEY } from "../support/stock-shop.js";

// Which worker file the relay's pool runs, and how many jobs its thread opened through help().
const pool = vi.hoisted(() => ({ entry: undefined as URL | undefined, helped: 0 }));
vi.mock("../../src/relay/verify-pool.js", async (importOriginal) => {
  const real = await importOriginal<typeof pools>();
  const createVerifyPool: typeof real.createVerifyPool = async (options) => {
    const entry = pool.entry ?? options.entry;
    const created = await real.createVerifyPool(entry === undefined ? options : { ...options, entry });
    return {
      ...created,
      help: (max) => {
        const opened = created.help(max);
        pool.helped += opened;
        return opened;
      },
    };
  };
  return { ...real, createVerifyPool };
});

const CRASHING = new URL("./workers/crashing-verify-worker.ts", import.meta.url);
/** More records than the workers hold at once (2 × 2 batches of 32): some wait in the queue for the relay's thread to take. */
const INVENTORY_WRITES = 12;
const EVENTS_PER_WRITE = 50;

let records: readonly StoredRecord[] = [];

beforeAll(async () => {
  const store = keepingStore();
  const shop = await openStockShop({ store });
  const guest = await shop.guest();
  for (let i = 0; i < INVENTORY_WRITES; i++) {
    await shop.write(shop.clerk, ...Array.from({ length: EVENTS_PER_WRITE }, (_, k) => f.changeInventory(PEN, 1 + ((i + k) % 3))));
    // A guest's checkout in the middle: its choose_payment makes the relay add its own event.
    if (i === INVENTORY_WRITES / 2) await shop.write(guest, ...checkout(1));
  }
  await shop.relay.close();
  records = await store.load();
}, 120_000);

afterAll(() => {
  pool.entry = undefined;
});

// A store whose load waits until a pool like the relay's has started (plus a margin), so the relay's own
// workers, started while the log loads, are running during the replay and crash in its middle.
function loadingAfterStart(load: () => Promise<StoredRecord[]>): RelayStore {
  return {
    load: async () => {
      const started = await pools.createVerifyPool({ size: 2, domain: TEST_RELAY_DOMAIN, crypto: "js", warn: () => undefined });
      await started.ready();
      await started.close();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return load();
    },
    append: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

interface Restart {
  readonly state: string;
  readonly log: readonly string[];
  readonly warnings: readonly string[];
  readonly helped: number;
}

async function restart(stored: readonly StoredRecord[], { verifyWorkers, entry }: { verifyWorkers: number; entry?: URL }): Promise<Restart> {
  pool.entry = entry;
  pool.helped = 0;
  const warnings: string[] = [];
  const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: STOCK_RELAY_KEY, store: loadingAfterStart(() => Promise.resolve([...stored])), verifyWorkers, warn: (line) => warnings.push(line) });
  try {
    const log = relay.shopLog({ shopId: f.SHOP_ID }).map((entry) => `${entry.seqNo} ${entry.signer} ${bytesToHex(entry.signedEventBytes ?? toBinary(SignedEventSchema, entry.signedEvent))}`);
    return { state: shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! }), log, warnings, helped: pool.helped };
  } finally {
    await relay.close();
  }
}

const refusal = (stored: readonly StoredRecord[], options: { verifyWorkers: number; entry?: URL }) =>
  restart(stored, options).then(
    () => "opened",
    (error: unknown) => String(error),
  );

describe("a restart where the relay's thread helps the workers", () => {
  it("replays the log into the same state and log as without workers, its thread opening part of it", async () => {
    expect(records.length).toBeGreaterThan(INVENTORY_WRITES * EVENTS_PER_WRITE);
    const off = await restart(records, { verifyWorkers: 0 });
    const on = await restart(records, { verifyWorkers: 2 });
    expect(on.state).toBe(off.state);
    expect(on.log).toEqual(off.log);
    expect(on.warnings).toEqual([]);
    expect(off.helped).toBe(0);
    // The relay's thread took queued records while the workers checked others.
    expect(on.helped).toBeGreaterThan(0);
    expect(on.helped).toBeLessThan(records.length);
  }, 120_000);

  it("loses nothing when the workers crash in the middle of the replay: their records are checked on the relay's thread", async () => {
    const off = await restart(records, { verifyWorkers: 0 });
    const crashed = await restart(records, { verifyWorkers: 2, entry: CRASHING });
    expect(crashed.warnings.some((line) => line.includes("verification worker stopped"))).toBe(true);
    expect(crashed.state).toBe(off.state);
    expect(crashed.log).toEqual(off.log);
    expect(crashed.helped).toBeGreaterThan(0);
  }, 120_000);

  it("refuses a log with a forged record in the middle alike, with workers, with crashing workers and without", async () => {
    const decode = (bytes: Uint8Array) => fromBinary(SignedEventSchema, bytes);
    const middle = Math.floor(records.length / 2);
    // The middle record carries its predecessor's signature: it decodes, and recovers nobody enrolled.
    const forged = records.map((record, i) => (i === middle ? { ...record, signedEvent: toBinary(SignedEventSchema, { ...decode(record.signedEvent), signature: decode((records[i - 1] as StoredRecord).signedEvent).signature }) } : record));
    const off = await refusal(forged, { verifyWorkers: 0 });
    expect(off).not.toBe("opened");
    expect(await refusal(forged, { verifyWorkers: 2 })).toBe(off);
    expect(await refusal(forged, { verifyWorkers: 2, entry: CRASHING })).toBe(off);
  }, 120_000);
});
