// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The async storage contract a relay builds on (docs/relay-guide.md,
// "Storage"). A store only stores: it verifies no signature and folds no
// state. What it guarantees, whichever process writes: a shop's log is one
// gapless sequence 1, 2, 3, …; a batch is stored whole or not at all; no
// (shop, seq_no) and no (shop, signer, nonce) is stored twice; an identical
// batch sent again is acknowledged, not stored twice. Signer and nonce come
// from the caller, who verified the event: the store never decodes bytes.
import type { Address } from "viem";
import type { StoredSnapshot } from "../relay-store.js";

/** One record of a shop's log as a ShopStore keeps it. */
export interface ShopStoreRecord {
  /** Its position in the shop's log, from 1. */
  readonly seqNo: bigint;
  /** The SignedEvent bytes as accepted (served to readers as they are). */
  readonly signedEvent: Uint8Array;
  /** Who signed it (a keycard, or the relay itself), as the relay verified it: with `nonce`, unique in the shop (any case in, lower case out). */
  readonly signer: Address;
  /** The event's nonce (uint64). */
  readonly nonce: bigint;
}

/** A keycard of a shop as the store keeps it: written with the batch that enrols, revokes or changes it. */
export interface ShopStoreKeycard {
  /** The keycard's address (from its public key; any case in, lower case out). */
  readonly address: Address;
  /** The 64-byte public key (x ‖ y, no 0x04 prefix). */
  readonly publicKey: Uint8Array;
  readonly guest: boolean;
  readonly revoked: boolean;
}

/** A keycard and the shop it belongs to ({@link ShopStore.findKeycard}). */
export interface ShopStoreKeycardInShop extends ShopStoreKeycard {
  readonly shopId: Uint8Array;
}

/** What {@link ShopStore.append} stores in one step. */
export interface ShopStoreAppend {
  /** 32 bytes. */
  readonly shopId: Uint8Array;
  /** At least one; consecutive seq_nos, the first one the shop's next (head + 1). */
  readonly records: readonly ShopStoreRecord[];
  /** Keycards this batch enrols or changes, replacing what the store had for their addresses in this shop. */
  readonly keycards?: readonly ShopStoreKeycard[] | undefined;
}

/** The answer to an append that was stored, now or before. */
export interface ShopStoreAppended {
  /** The shop's last seq_no after it (the batch's last). */
  readonly head: bigint;
  /** True when this identical batch was already stored (a retry after a lost answer): nothing was written. */
  readonly replayed: boolean;
}

/** A shop's log grew ({@link ShopStore.onAppend}): read the records after your own up to `head`. */
export interface ShopStoreAppendNotice {
  readonly shopId: Uint8Array;
  readonly head: bigint;
}

/**
 * The async storage of a relay: shops' logs, keycards and snapshots. Reads
 * see every acknowledged append of every connection. Failures reject with a
 * ShopStoreConflictError (someone else appended first: catch up and retry)
 * or a ShopStoreFailedError (the store failed: retry later); bad arguments
 * with a FieldValueError naming the field.
 */
export interface ShopStore {
  /** Stores a batch at the end of its shop's log, all or nothing, durably before it resolves. */
  append(batch: ShopStoreAppend): Promise<ShopStoreAppended>;
  /** Records after `afterSeqNo`, in order, at most `limit` (default all). */
  read(input: { readonly shopId: Uint8Array; readonly afterSeqNo: bigint; readonly limit?: number | undefined }): Promise<readonly ShopStoreRecord[]>;
  /** The shop's last seq_no (0n for a shop without records). */
  head(input: { readonly shopId: Uint8Array }): Promise<bigint>;
  /** Every shop with at least one record. */
  shops(): Promise<readonly Uint8Array[]>;
  /** The shop's keycards, revoked ones included. */
  keycards(input: { readonly shopId: Uint8Array }): Promise<readonly ShopStoreKeycard[]>;
  /** Every shop where this address is a keycard, revoked or not. */
  findKeycard(input: { readonly address: Address }): Promise<readonly ShopStoreKeycardInShop[]>;
  /** Keeps the snapshot unless the store holds a later one (higher seqNo) for its shop. */
  saveSnapshot(snapshot: StoredSnapshot): Promise<void>;
  /** The shop's last saved snapshot, or undefined. */
  loadSnapshot(input: { readonly shopId: Uint8Array }): Promise<StoredSnapshot | undefined>;
  /**
   * Calls `listener` after appends by any connection or process (this one's
   * included), at least once per append, perhaps once for several; returns
   * a function that stops it.
   */
  onAppend(listener: (notice: ShopStoreAppendNotice) => void): () => void;
  /** Waits for pending appends, stops notifications and releases the store; later calls reject with ShopStoreFailedError. */
  close(): Promise<void>;
}
