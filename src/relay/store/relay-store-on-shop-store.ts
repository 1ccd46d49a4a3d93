// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The reference relay's RelayStore over a ShopStore, until the relay core
// speaks ShopStore itself: the relay loads every shop's log into memory at
// open (as it does from the file), and each append gets its signer and nonce
// from the event (the relay verified it; this recovers the signer again).
// Appends are sent one at a time, in the relay's order: a ShopStore refuses
// a batch that would leave a gap.
import { openSignedEvent } from "../../wire/open-signed-event.js";
import type { EventDomain } from "../../eip712/domain.js";
import type { Dialect } from "../../wire/dialect.js";
import type { RelayStore, StoredRecord, StoredSnapshot } from "../relay-store.js";
import type { ShopStore, ShopStoreRecord } from "./store.js";

/** A RelayStore for ReferenceRelay.open over `store`, for shops of one dialect. */
export function relayStoreOnShopStore({ store, domain, dialect = "eip712" }: { store: ShopStore; domain: EventDomain; dialect?: Dialect }): RelayStore {
  const identify = (record: StoredRecord): ShopStoreRecord => {
    const { signer, event } = openSignedEvent({ signedEvent: record.signedEvent, ...(dialect === "v3" ? { scheme: "eip191" as const } : { domain }) });
    return { seqNo: record.seqNo, signedEvent: record.signedEvent, signer, nonce: event.nonce };
  };
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async load() {
      const records: StoredRecord[] = [];
      for (const shopId of await store.shops()) for (const record of await store.read({ shopId, afterSeqNo: 0n })) records.push({ shopId, seqNo: record.seqNo, signedEvent: record.signedEvent });
      return records;
    },
    append(records) {
      const result = queue.then(async () => {
        // A relay commit is one shop's records: one ShopStore batch per run of a shop.
        for (let i = 0; i < records.length; ) {
          let j = i + 1;
          while (j < records.length && records[j]!.shopId.every((byte, k) => byte === records[i]!.shopId[k])) j++;
          await store.append({ shopId: records[i]!.shopId, records: records.slice(i, j).map(identify) });
          i = j;
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
    async loadSnapshots() {
      const snapshots: StoredSnapshot[] = [];
      for (const shopId of await store.shops()) {
        const snapshot = await store.loadSnapshot({ shopId });
        if (snapshot !== undefined) snapshots.push(snapshot);
      }
      return { snapshots, unreadable: [] };
    },
    saveSnapshot: (snapshot) => store.saveSnapshot(snapshot),
    close: async () => {
      await queue;
      await store.close();
    },
  };
}
