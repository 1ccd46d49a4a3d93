// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A ShopStore in this process's memory: nothing outlives it. Several
// connections (connect()) share its data, as two processes share a database,
// which is what the conformance suite's concurrency cases need.
import type { Address } from "viem";
import { bytesToHex } from "../../crypto/hex.js";
import { ShopStoreFailedError } from "../../errors/shop-store-error.js";
import type { StoredSnapshot } from "../relay-store.js";
import { checkAddress, checkAppend, checkRange, checkShopId } from "./check-append.js";
import { ShopTables } from "./shop-tables.js";
import type { ShopStore, ShopStoreAppendNotice, ShopStoreRecord } from "./store.js";

/** A ShopStore in memory, and a way to open more connections to the same data. */
export interface MemoryShopStore extends ShopStore {
  /** Another connection to the same data (closing one leaves the others open). */
  connect(): ShopStore;
}

interface Shared {
  readonly tables: ShopTables;
  readonly records: Map<string, ShopStoreRecord[]>;
  readonly snapshots: Map<string, StoredSnapshot>;
  readonly listeners: Set<(notice: ShopStoreAppendNotice) => void>;
}

/**
 * A ShopStore that keeps everything in memory, for tests and examples; its
 * `connect()` gives more connections to the same data.
 *
 * @example
 * const store = createMemoryShopStore();
 * const shop = new Uint8Array(32).fill(7);
 * await store.append({ shopId: shop, records: [{ seqNo: 1n, signedEvent: eventBytes, signer: keycard, nonce: 1n }] });
 * const other = store.connect(); // sees the same records
 */
export function createMemoryShopStore(): MemoryShopStore {
  const shared: Shared = { tables: new ShopTables(), records: new Map(), snapshots: new Map(), listeners: new Set() };
  const first = connection(shared);
  return { ...first, connect: () => connection(shared) };
}

function connection(shared: Shared): ShopStore {
  const mine = new Set<(notice: ShopStoreAppendNotice) => void>();
  let closed = false;
  const open = (operation: string): void => {
    if (closed) throw new ShopStoreFailedError({ operation, detail: "the store connection is closed" });
  };
  const log = (shopId: Uint8Array): ShopStoreRecord[] => shared.records.get(bytesToHex(shopId)) ?? [];
  return {
    async append(batch) {
      open("append");
      checkAppend(batch);
      const records = log(batch.shopId);
      if (shared.tables.check(batch, (seqNo) => records[Number(seqNo) - 1]!.signedEvent) === "replayed") return { head: shared.tables.head(batch.shopId), replayed: true };
      shared.tables.add(batch);
      // Copies: the caller may reuse its buffers.
      shared.records.set(bytesToHex(batch.shopId), [...records, ...batch.records.map((record) => ({ ...record, signer: record.signer.toLowerCase() as Address, signedEvent: new Uint8Array(record.signedEvent) }))]);
      const head = batch.records[batch.records.length - 1]!.seqNo;
      for (const listener of [...shared.listeners]) queueMicrotask(() => listener({ shopId: new Uint8Array(batch.shopId), head }));
      return { head, replayed: false };
    },
    async read({ shopId, afterSeqNo, limit }) {
      open("read");
      checkShopId(shopId);
      checkRange({ afterSeqNo, limit });
      const from = Number(afterSeqNo);
      return log(shopId).slice(from, limit === undefined ? undefined : from + limit);
    },
    async head({ shopId }) {
      open("head");
      checkShopId(shopId);
      return shared.tables.head(shopId);
    },
    async shops() {
      open("shops");
      return shared.tables.shopIds();
    },
    async keycards({ shopId }) {
      open("keycards");
      checkShopId(shopId);
      return shared.tables.keycards(shopId);
    },
    async findKeycard({ address }) {
      open("findKeycard");
      checkAddress(address, "address");
      return shared.tables.findKeycard(address);
    },
    async saveSnapshot(snapshot) {
      open("saveSnapshot");
      checkShopId(snapshot.shopId, "snapshot.shopId");
      const key = bytesToHex(snapshot.shopId);
      if ((shared.snapshots.get(key)?.seqNo ?? 0n) <= snapshot.seqNo) shared.snapshots.set(key, { ...snapshot });
    },
    async loadSnapshot({ shopId }) {
      open("loadSnapshot");
      checkShopId(shopId);
      return shared.snapshots.get(bytesToHex(shopId));
    },
    onAppend(listener) {
      // A listener that throws must not stop the others: each runs on its own.
      const guarded = (notice: ShopStoreAppendNotice): void => {
        if (!closed) listener(notice);
      };
      mine.add(guarded);
      shared.listeners.add(guarded);
      return () => {
        mine.delete(guarded);
        shared.listeners.delete(guarded);
      };
    },
    async close() {
      closed = true;
      for (const listener of mine) shared.listeners.delete(listener);
    },
  };
}
