// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/** One stored log entry: the shop, its position, the SignedEvent bytes as written. */
export interface StoredRecord {
  readonly shopId: Uint8Array;
  readonly seqNo: bigint;
  readonly signedEvent: Uint8Array;
  /** Where the record starts in the store, when it can read it back ({@link RelayStore.readRecord}). */
  readonly offset?: number | undefined;
}

/** A record read back from the store ({@link RelayStore.readRecord}): where it starts, and where the record after it starts. */
export interface ReadBackRecord extends StoredRecord {
  readonly offset: number;
  /** The offset of the next record in the store (of any shop). */
  readonly next: number;
}

/**
 * A shop's state after its first `seqNo` log records, bound to them by
 * `logHash` (the chain hash of those records, see snapshot-hash.ts).
 */
export interface StoredSnapshot {
  readonly shopId: Uint8Array;
  /** The shop's log position it covers: records 1…seqNo are folded in. */
  readonly seqNo: bigint;
  readonly logHash: Uint8Array;
  /** The state as shopStateToJSON wrote it. */
  readonly stateJson: string;
}

/** Where the reference relay keeps its log: memory, or an append-only file. */
export interface RelayStore {
  /** Every record stored so far, in append order. */
  load(): Promise<readonly StoredRecord[]>;
  /** Appends records; resolves once they are durable, with where each one starts when the store can read it back. */
  append(records: readonly StoredRecord[]): Promise<readonly number[] | void>;
  /** The record at `offset`, read back synchronously and checked, with the next record's offset (optional: without it the relay keeps each record's bytes). */
  readRecord?(input: { readonly offset: number }): ReadBackRecord;
  /** The last snapshot of each shop, and why any other snapshot file could not be read (optional). */
  loadSnapshots?(): Promise<{ readonly snapshots: readonly StoredSnapshot[]; readonly unreadable: readonly string[] }>;
  /** Replaces the shop's snapshot once it is durable (optional: without it the relay replays in full). */
  saveSnapshot?(snapshot: StoredSnapshot): Promise<void>;
  /** Waits for pending appends and releases the store. */
  close(): Promise<void>;
}

/** A store that keeps nothing beyond the process. */
export function createMemoryStore(): RelayStore {
  return {
    load: () => Promise.resolve([]),
    append: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
