// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay's log index keeps at most LOG_INDEX_CHECKPOINTS offsets (every
// stride-th record, the stride doubling as the log grows) plus the newest
// LOG_INDEX_RECENT: any entry still reads back as the record at its position,
// past other shops' records in the same store; reading a batch in order costs
// one store read per record; and the index does not grow with the log.
import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { isRelayStoreError } from "../../src/errors/relay-store-error.js";
import { LOG_INDEX_CHECKPOINTS, LOG_INDEX_RECENT, ShopLogIndex } from "../../src/relay/shop-log-index.js";
import type { ReadBackRecord, RelayStore, StoredRecord } from "../../src/relay/relay-store.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";

const SHOP_A = new Uint8Array(32).fill(0xaa);
const SHOP_B = new Uint8Array(32).fill(0xbb);

// A SignedEvent whose event bytes name its shop and seq_no, so a wrong record is visible.
function eventBytes(shop: number, seqNo: number): Uint8Array {
  return toBinary(SignedEventSchema, create(SignedEventSchema, { event: { value: new TextEncoder().encode(`${shop}:${seqNo}`) } }));
}

// An in-memory store that reads records back by offset (one "byte" per record slot times 100) and counts reads.
function countingStore() {
  const records: StoredRecord[] = [];
  const store: RelayStore & { reads: number; records: StoredRecord[] } = {
    reads: 0,
    records,
    load: () => Promise.resolve([]),
    append: (batch) => Promise.resolve(batch.map((record) => (records.push(record) - 1) * 100)),
    readRecord({ offset }): ReadBackRecord {
      store.reads++;
      const record = records[offset / 100];
      if (record === undefined) throw new Error(`no record at ${offset}`);
      return { ...record, offset, next: offset + 100 };
    },
    close: () => Promise.resolve(),
  };
  return store;
}

// Shop A's records 1…count with `others` of shop B's after each, appended as the relay does.
async function interleavedLog(count: number, others: number) {
  const store = countingStore();
  const index = new ShopLogIndex({ shopId: SHOP_A, store, domain: TEST_RELAY_DOMAIN });
  let bSeq = 0;
  for (let seq = 1; seq <= count; seq++) {
    const record = { shopId: SHOP_A, seqNo: BigInt(seq), signedEvent: eventBytes(0xa, seq) };
    index.push({ record });
    index.stored({ first: seq, offsets: await store.append([record]) });
    for (let i = 0; i < others; i++) await store.append([{ shopId: SHOP_B, seqNo: BigInt(++bSeq), signedEvent: eventBytes(0xb, bSeq) }]);
  }
  return { store, index };
}

const named = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("the sparse log index", () => {
  it("a log shorter than the checkpoints keeps every offset: any record is one store read", async () => {
    const { store, index } = await interleavedLog(1000, 2);
    expect(index.stride).toBe(1);
    store.reads = 0;
    for (const at of [0, 1, 500, 743, 999]) void index.entries({ from: at, to: at + 1 })[0]!.signedEvent;
    expect(store.reads).toBe(5);
  });

  it("every entry of a 5,000-record log interleaved with another shop's reads back as its own record, in order and at random", async () => {
    const { index } = await interleavedLog(5000, 2);
    // 1,024 checkpoints hold 5,000 records at a stride of 8.
    expect(index.stride).toBe(8);
    const all = index.entries({ from: 0, to: 5000 });
    expect(all.map((entry) => named(entry.signedEvent.event!.value))).toEqual(Array.from({ length: 5000 }, (_, i) => `10:${i + 1}`));
    for (const at of [0, 1, 7, 8, 9, 15, 2500, 4095, 4096, 4100, 4743, 4999]) {
      const [entry] = index.entries({ from: at, to: at + 1 });
      expect([entry!.seqNo, named(entry!.signedEvent.event!.value)]).toEqual([BigInt(at + 1), `10:${at + 1}`]);
    }
  });

  it("reading a batch in order costs one read per record from the last, the walk to the first, and an entry read twice is read at its offset", async () => {
    const { store, index } = await interleavedLog(5000, 2);
    const batch = index.entries({ from: 130, to: 700 });
    store.reads = 0;
    for (const entry of batch) void entry.signedEvent;
    // Record 130 lies 2 past checkpoint 128: the walk reads 128, then 2 × (2 of shop B + 1 of A);
    // each next entry is 3 reads on from the last, except at a checkpoint (136, 144, … 696), read at once.
    const checkpoints = (696 - 136) / 8 + 1;
    expect(store.reads).toBe(1 + 2 * 3 + (batch.length - 1 - checkpoints) * 3 + checkpoints);
    store.reads = 0;
    for (const entry of batch.slice(0, 50)) void entry.signedEvent;
    expect(store.reads).toBe(50);
  });

  it("a random read walks at most one stride of this shop's records (and the other shop's between them)", async () => {
    const { store, index } = await interleavedLog(5000, 2);
    store.reads = 0;
    void index.entries({ from: 127, to: 128 })[0]!.signedEvent;
    expect(store.reads).toBe(1 + (index.stride - 1) * 3);
  });

  it("the newest records are read straight from their offsets", async () => {
    const { store, index } = await interleavedLog(5000, 2);
    store.reads = 0;
    for (let at = 5000 - LOG_INDEX_RECENT; at < 5000; at += 17) void index.entries({ from: at, to: at + 1 })[0]!.signedEvent;
    expect(store.reads).toBe(Math.ceil(LOG_INDEX_RECENT / 17));
  });

  it("the offsets take the same 10 KiB for 100,000 records as for 300,000: the index does not grow with the log", async () => {
    const sizes: number[] = [];
    for (const count of [100_000, 300_000]) {
      const index = new ShopLogIndex({ shopId: SHOP_A, store: countingStore(), domain: TEST_RELAY_DOMAIN });
      const signedEvent = eventBytes(0xa, 0);
      for (let seq = 1; seq <= count; seq++) index.push({ record: { shopId: SHOP_A, seqNo: BigInt(seq), signedEvent, offset: seq * 100 } });
      sizes.push(index.indexBytes);
    }
    expect(sizes).toEqual([(LOG_INDEX_CHECKPOINTS + LOG_INDEX_RECENT) * 8, (LOG_INDEX_CHECKPOINTS + LOG_INDEX_RECENT) * 8]);
  });

  it("checkpoints whose offsets arrive after the stride doubled still lead to the right records", async () => {
    const store = countingStore();
    const index = new ShopLogIndex({ shopId: SHOP_A, store, domain: TEST_RELAY_DOMAIN });
    // 3,000 records pushed before any append resolves (as in one long pending group commit), then stored at once.
    const records = Array.from({ length: 3000 }, (_, i) => ({ shopId: SHOP_A, seqNo: BigInt(i + 1), signedEvent: eventBytes(0xa, i + 1) }));
    for (const record of records) index.push({ record });
    index.stored({ first: 1, offsets: await store.append(records) });
    expect(index.stride).toBe(4);
    for (const at of [0, 3, 4, 1025, 2047, 2999]) expect(named(index.entries({ from: at, to: at + 1 })[0]!.signedEvent.event!.value)).toBe(`10:${at + 1}`);
  });

  it("a record of this shop missing between a checkpoint and the record asked for: CORRUPT_RECORD, never the wrong record", async () => {
    const { store, index } = await interleavedLog(3000, 1);
    expect(index.stride).toBe(4);
    // Shop A's seq_no 6 (slot 10) replaced by a later record of shop A: the walk from checkpoint 4 meets seq_no 7 where 6 belongs.
    store.records[10] = store.records[12]!;
    let error: unknown;
    try {
      void index.entries({ from: 6, to: 7 })[0]!.signedEvent;
    } catch (caught) {
      error = caught;
    }
    expect(isRelayStoreError(error) && [error.problem, error.offset]).toEqual(["CORRUPT_RECORD", 1000]);
  });
});
