// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The file ShopStore: the reference relay's data directory as it is
// (events.log, snapshots/, read and written by src/relay/file-store.ts with
// its lock, O_NOFOLLOW, fsync and torn-tail rules) plus an index log of
// signers, nonces and keycards (file-index.ts). One process at a time (the
// directory lock), so appends are serialised here and onAppend hears this
// process's appends only. Records are read back by offset, not kept.
import type { Address } from "viem";
import { bytesToHex } from "../../crypto/hex.js";
import { isNetworkSchemaError } from "../../errors/base.js";
import { ShopStoreFailedError } from "../../errors/shop-store-error.js";
import { objectParameter } from "../../errors/object-parameter.js";
import { createFileStore } from "../file-store.js";
import type { RelayStore, StoredSnapshot } from "../relay-store.js";
import { loadSnapshotFiles, saveSnapshotFile } from "../snapshot-file.js";
import { join } from "node:path";
import { checkAddress, checkAppend, checkRange, checkShopId } from "./check-append.js";
import { decodeEntry, encodeEntry, type IndexEntry, recordsHash } from "./file-index.js";
import { ShopTables } from "./shop-tables.js";
import type { ShopStore, ShopStoreAppendNotice, ShopStoreRecord } from "./store.js";

/** Folder of the index log inside the data directory. */
export const SHOP_STORE_INDEX_DIR = "shop-store";

/** Options of {@link openFileShopStore}. */
export interface OpenFileShopStoreParameters {
  /** The data directory (created 0700 when missing; the reference relay's own is opened as it is). */
  readonly directory: string;
  /**
   * The signer and nonce of a record the index lacks (one written by the
   * reference relay's file log, which keeps none): the relay verifies it and
   * says. Without it such a directory is refused.
   */
  readonly identify?: ((record: { readonly shopId: Uint8Array; readonly seqNo: bigint; readonly signedEvent: Uint8Array }) => { readonly signer: Address; readonly nonce: bigint }) | undefined;
}

/**
 * Opens a data directory as a ShopStore (Node only): the embedded default,
 * one process at a time, every append fsynced before it resolves.
 *
 * @example
 * const store = await openFileShopStore({ directory: "./relay-data" });
 * console.log((await store.shops()).length);
 */
export async function openFileShopStore(parameters: OpenFileShopStoreParameters): Promise<ShopStore> {
  const { directory, identify } = objectParameter(parameters);
  const events = await createFileStore({ directory });
  let index: RelayStore | undefined;
  try {
    index = await createFileStore({ directory: join(directory, SHOP_STORE_INDEX_DIR) });
    const tables = new ShopTables();
    const offsets = new Map<string, number[]>();
    await load({ events, index, tables, offsets, identify });
    const snapshots = new Map<string, StoredSnapshot>();
    const { snapshots: found } = await loadSnapshotFiles({ directory });
    for (const snapshot of found) snapshots.set(bytesToHex(snapshot.shopId), snapshot);
    return fileStore({ directory, events, index, tables, offsets, snapshots });
  } catch (error) {
    await Promise.allSettled([events.close(), index?.close()]);
    throw error;
  }
}

async function load({ events, index, tables, offsets, identify }: { events: RelayStore; index: RelayStore; tables: ShopTables; offsets: Map<string, number[]>; identify: OpenFileShopStoreParameters["identify"] }): Promise<void> {
  const records = await events.load();
  const bytes = new Map<string, Uint8Array[]>();
  for (const record of records) {
    const key = bytesToHex(record.shopId);
    const list = bytes.get(key) ?? [];
    if (record.seqNo !== BigInt(list.length + 1)) throw new ShopStoreFailedError({ operation: "open", detail: `events.log holds seq_no ${record.seqNo} of shop ${key} where ${list.length + 1} comes next` });
    list.push(record.signedEvent);
    bytes.set(key, list);
    let places = offsets.get(key);
    if (places === undefined) offsets.set(key, (places = []));
    places.push(record.offset!);
  }
  // Entries whose records are in the log as they were written; the rest are crash leftovers.
  const valid: IndexEntry[] = [];
  const identity = new Map<string, { signer: Address; nonce: bigint }>();
  for (const stored of await index.load()) {
    const entry = decodeEntry(stored);
    const list = entry === undefined ? undefined : bytes.get(bytesToHex(entry.shopId));
    if (entry === undefined || list === undefined) continue;
    const from = Number(entry.first) - 1;
    if (from + entry.identities.length > list.length || recordsHash(list.slice(from, from + entry.identities.length)) !== entry.hash) continue;
    valid.push(entry);
    for (const [i, id] of entry.identities.entries()) identity.set(`${bytesToHex(entry.shopId)}:${entry.first + BigInt(i)}`, id);
  }
  for (const record of records) {
    const key = bytesToHex(record.shopId);
    const known = identity.get(`${key}:${record.seqNo}`) ?? identify?.({ shopId: record.shopId, seqNo: record.seqNo, signedEvent: record.signedEvent });
    if (known === undefined) {
      throw new ShopStoreFailedError({ operation: "open", detail: `record ${record.seqNo} of shop ${key} has no signer and nonce in ${SHOP_STORE_INDEX_DIR}/ (a reference relay's log): open it with identify` });
    }
    tables.add({ shopId: record.shopId, records: [{ seqNo: record.seqNo, signedEvent: record.signedEvent, signer: known.signer, nonce: known.nonce }] });
  }
  for (const entry of valid) tables.setKeycards(entry.shopId, entry.keycards);
}

function fileStore({ directory, events, index, tables, offsets, snapshots }: { directory: string; events: RelayStore; index: RelayStore; tables: ShopTables; offsets: Map<string, number[]>; snapshots: Map<string, StoredSnapshot> }): ShopStore {
  const listeners = new Set<(notice: ShopStoreAppendNotice) => void>();
  // One append at a time: each is checked against the tables the one before it left.
  let queue: Promise<unknown> = Promise.resolve();
  let failure: unknown;
  let closed: Promise<void> | undefined;
  const open = (operation: string): void => {
    if (closed !== undefined) throw new ShopStoreFailedError({ operation, detail: "the store is closed" });
    if (failure !== undefined) throw new ShopStoreFailedError({ operation, detail: "a write failed: reopen the store (it keeps what was written whole)", cause: failure });
  };
  const bytesAt = (shopId: Uint8Array, seqNo: bigint): Uint8Array => events.readRecord!({ offset: offsets.get(bytesToHex(shopId))![Number(seqNo) - 1]! }).signedEvent;
  const identityOf = (shopId: Uint8Array, seqNo: bigint) => tables.identity(shopId, seqNo);

  const append = async (batch: Parameters<ShopStore["append"]>[0]) => {
    open("append");
    if (tables.check(batch, (seqNo) => bytesAt(batch.shopId, seqNo)) === "replayed") return { head: tables.head(batch.shopId), replayed: true };
    let written;
    try {
      // The index entry first: a crash before the events leaves an entry that matches no records.
      await index.append([encodeEntry(batch)]);
      written = await events.append(batch.records.map((record) => ({ shopId: batch.shopId, seqNo: record.seqNo, signedEvent: record.signedEvent })));
    } catch (error) {
      failure = error;
      throw new ShopStoreFailedError({ operation: "append", detail: `the data directory could not be written: ${error instanceof Error ? error.message : String(error)}`, cause: error });
    }
    tables.add(batch);
    const key = bytesToHex(batch.shopId);
    let places = offsets.get(key);
    if (places === undefined) offsets.set(key, (places = []));
    places.push(...(written as readonly number[]));
    const head = batch.records[batch.records.length - 1]!.seqNo;
    for (const listener of [...listeners]) queueMicrotask(() => listener({ shopId: new Uint8Array(batch.shopId), head }));
    return { head, replayed: false };
  };

  const guard = async <T>(operation: string, work: () => T | Promise<T>): Promise<T> => {
    open(operation);
    try {
      return await work();
    } catch (error) {
      if (isNetworkSchemaError(error)) throw error;
      throw new ShopStoreFailedError({ operation, detail: `${operation} failed: ${error instanceof Error ? error.message : String(error)}`, cause: error });
    }
  };

  return {
    async append(batch) {
      checkAppend(batch);
      const result = queue.then(() => append(batch));
      queue = result.catch(() => undefined);
      return result;
    },
    read: ({ shopId, afterSeqNo, limit }) => guard("read", () => {
      checkShopId(shopId);
      checkRange({ afterSeqNo, limit });
      const head = tables.head(shopId);
      const out: ShopStoreRecord[] = [];
      for (let seqNo = afterSeqNo + 1n; seqNo <= head && (limit === undefined || out.length < limit); seqNo++) {
        out.push({ seqNo, signedEvent: bytesAt(shopId, seqNo), ...identityOf(shopId, seqNo) });
      }
      return out;
    }),
    head: ({ shopId }) => guard("head", () => {
      checkShopId(shopId);
      return tables.head(shopId);
    }),
    shops: () => guard("shops", () => tables.shopIds()),
    keycards: ({ shopId }) => guard("keycards", () => {
      checkShopId(shopId);
      return tables.keycards(shopId);
    }),
    findKeycard: ({ address }) => guard("findKeycard", () => {
      checkAddress(address, "address");
      return tables.findKeycard(address);
    }),
    saveSnapshot: (snapshot) => guard("saveSnapshot", async () => {
      checkShopId(snapshot.shopId, "snapshot.shopId");
      const key = bytesToHex(snapshot.shopId);
      if ((snapshots.get(key)?.seqNo ?? 0n) > snapshot.seqNo) return;
      await saveSnapshotFile({ directory, snapshot });
      snapshots.set(key, { ...snapshot });
    }),
    loadSnapshot: ({ shopId }) => guard("loadSnapshot", () => {
      checkShopId(shopId);
      return snapshots.get(bytesToHex(shopId));
    }),
    onAppend(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed ??= queue.then(async () => {
        listeners.clear();
        await Promise.allSettled([events.close(), index.close()]);
      });
      return closed;
    },
  };
}
