// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What the relay reads from a shared ShopStore at open, as the RelayStore its
// start-up path (snapshots, replay) reads: every shop's log (each shop's tail
// only, after a snapshot it can use) and the snapshots. Writes never go
// through it: the relay appends to the ShopStore itself (reference-relay.ts).
import type { RelayStore, StoredRecord, StoredSnapshot } from "../relay-store.js";
import type { ShopStore } from "./store.js";

/** The start-up reads of a relay over `store`; `append` refuses (a shared relay appends to the ShopStore). */
export function shopStoreLoader({ store }: { store: ShopStore }): RelayStore {
  return {
    async load() {
      const records: StoredRecord[] = [];
      for (const shopId of await store.shops()) for (const record of await store.read({ shopId, afterSeqNo: 0n })) records.push({ shopId, seqNo: record.seqNo, signedEvent: record.signedEvent });
      return records;
    },
    append: () => Promise.reject(new Error("a relay over a shared store appends to it directly")),
    async loadSnapshots() {
      const snapshots: StoredSnapshot[] = [];
      for (const shopId of await store.shops()) {
        const snapshot = await store.loadSnapshot({ shopId });
        if (snapshot !== undefined) snapshots.push(snapshot);
      }
      return { snapshots, unreadable: [] };
    },
    saveSnapshot: (snapshot) => store.saveSnapshot(snapshot),
    close: () => store.close(),
  };
}
