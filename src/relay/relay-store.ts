// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/** One stored log entry: the shop, its position, the SignedEvent bytes as written. */
export interface StoredRecord {
  readonly shopId: Uint8Array;
  readonly seqNo: bigint;
  readonly signedEvent: Uint8Array;
}

/** Where the reference relay keeps its log: memory, or an append-only file. */
export interface RelayStore {
  /** Every record stored so far, in append order. */
  load(): Promise<readonly StoredRecord[]>;
  /** Appends records; resolves once they are durable. */
  append(records: readonly StoredRecord[]): Promise<void>;
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
