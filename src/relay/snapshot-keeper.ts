// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Periodic state snapshots beside the log, and a restart that starts from
// them. Each shop's records are chained (snapshot-hash.ts) as they become
// durable; every `every` records the state is saved with its seq_no and
// chain hash. On restart a snapshot whose seq_no and hash match the log
// gives the shop its state and the index of that prefix, and only the
// tail is verified and folded. A snapshot that does not match, cannot be
// read or runs past the log is not trusted: the shop is replayed in full
// and the reason logged (the log is the record; a snapshot only saves time).
import { bytesToHex } from "../crypto/hex.js";
import { sameBytes } from "../wire/same-bytes.js";
import type { EventDomain } from "../eip712/domain.js";
import { shopStateFromJSON } from "../state/shop-state-from-json.js";
import type { ShopState } from "../state/shop-state.js";
import type { RelayStore, StoredRecord, StoredSnapshot } from "./relay-store.js";
import { LogHashChain } from "./snapshot-hash.js";

/**
 * Records between two snapshots of a shop, unless the relay is told otherwise:
 * a restart verifies at most this many per shop (1,000 on average, about 1% of
 * a 100,000-event shop), and the state is written once per 2,000 verified events.
 */
export const DEFAULT_SNAPSHOT_EVERY = 2_000;

interface Chain {
  readonly hash: LogHashChain;
  snapshotAt: bigint;
}

/** What restore() hands back to the relay for one shop with a valid snapshot. */
export interface RestoredShop {
  readonly shopId: Uint8Array;
  readonly state: ShopState;
  /** The records the snapshot covers (their bytes are dropped once the relay knows their offsets). */
  readonly records: readonly StoredRecord[];
}

export class SnapshotKeeper {
  private readonly chains = new Map<string, Chain>();
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: { store: RelayStore; domain: EventDomain; every: number; warn: (line: string) => void },
  ) {}

  /** Goes through the loaded log once: shops with a valid snapshot are seeded, every other record is replayed. */
  async restore({ records, replay, seed }: { records: readonly StoredRecord[]; replay: (record: StoredRecord) => void; seed: (shop: RestoredShop) => void }): Promise<void> {
    const { store, warn } = this.options;
    const waiting = new Map<string, StoredSnapshot>();
    if (store.loadSnapshots !== undefined) {
      const { snapshots, unreadable } = await store.loadSnapshots();
      for (const reason of unreadable) warn(`snapshot not used (${reason}); its shop is replayed in full`);
      for (const snapshot of snapshots) waiting.set(bytesToHex(snapshot.shopId), snapshot);
    }
    const held = new Map<string, StoredRecord[]>();
    // Runs of one shop's records are the rule: its key is made once per run, not once per record.
    let last: { shopId: Uint8Array; key: string } | undefined;
    for (const record of records) {
      if (last === undefined || !sameBytes({ a: last.shopId, b: record.shopId })) last = { shopId: record.shopId, key: bytesToHex(record.shopId) };
      const key = last.key;
      const chain = this.chainOf(key);
      chain.hash.add(record);
      const snapshot = waiting.get(key);
      if (snapshot === undefined) {
        replay(record);
        continue;
      }
      const prefix = held.get(key) ?? [];
      held.set(key, prefix);
      prefix.push(record);
      if (BigInt(prefix.length) < snapshot.seqNo) continue;
      waiting.delete(key);
      held.delete(key);
      const state = this.trusted(snapshot, chain.hash.digest(), prefix);
      if (state === undefined) {
        for (const older of prefix) replay(older);
        continue;
      }
      chain.snapshotAt = snapshot.seqNo;
      seed({ shopId: record.shopId, state, records: prefix });
    }
    for (const [key, snapshot] of waiting) {
      const prefix = held.get(key) ?? [];
      warn(`snapshot of shop ${key} covers seq_no ${snapshot.seqNo} but the log holds ${prefix.length} of its records; replaying in full`);
      for (const record of prefix) replay(record);
    }
  }

  /** Whether the shop's state at `seqNo` should be written as a snapshot (the caller takes it then: a live state moves on). */
  due({ shopId, seqNo }: { shopId: Uint8Array; seqNo: bigint }): boolean {
    if (this.options.store.saveSnapshot === undefined) return false;
    return seqNo - this.chainOf(bytesToHex(shopId)).snapshotAt >= BigInt(this.options.every);
  }

  /** Records just made durable, with the state JSON after them when {@link due} said so: chains them and saves that snapshot. */
  committed({ shopId, records, stateJson, seqNo }: { shopId: Uint8Array; records: readonly StoredRecord[]; stateJson: string | undefined; seqNo: bigint }): void {
    const { store, every, warn } = this.options;
    // A store without snapshots needs no chain.
    if (store.saveSnapshot === undefined) return;
    const chain = this.chainOf(bytesToHex(shopId));
    for (const record of records) chain.hash.add(record);
    if (stateJson === undefined || seqNo - chain.snapshotAt < BigInt(every)) return;
    chain.snapshotAt = seqNo;
    const snapshot: StoredSnapshot = { shopId, seqNo, logHash: chain.hash.digest(), stateJson };
    const save = store.saveSnapshot.bind(store);
    // Saved in order, off the write path: an ack never waits for a snapshot.
    this.pending = this.pending.then(() => save(snapshot)).catch((error: unknown) => warn(`snapshot of shop ${bytesToHex(shopId)} at seq_no ${seqNo} not saved: ${String(error)}`));
  }

  /** Waits for snapshots being saved. */
  close(): Promise<void> {
    return this.pending;
  }

  private trusted(snapshot: StoredSnapshot, hash: Uint8Array, prefix: readonly StoredRecord[]): ShopState | undefined {
    const shop = bytesToHex(snapshot.shopId);
    if (prefix.some((record, i) => record.seqNo !== BigInt(i + 1)) || bytesToHex(hash) !== bytesToHex(snapshot.logHash)) {
      this.options.warn(`snapshot of shop ${shop} at seq_no ${snapshot.seqNo} does not match the log (hash of records 1…${snapshot.seqNo} differs); replaying in full`);
      return undefined;
    }
    try {
      return shopStateFromJSON({ json: snapshot.stateJson });
    } catch (error) {
      this.options.warn(`snapshot of shop ${shop} at seq_no ${snapshot.seqNo} holds no valid state (${String(error)}); replaying in full`);
      return undefined;
    }
  }

  private chainOf(key: string): Chain {
    let chain = this.chains.get(key);
    if (chain === undefined) {
      chain = { hash: new LogHashChain(), snapshotAt: 0n };
      this.chains.set(key, chain);
    }
    return chain;
  }
}
