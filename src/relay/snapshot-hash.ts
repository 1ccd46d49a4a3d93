// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The hash that binds a snapshot to the log prefix it covers: SHA-256 over
// the shop's records 1…n in order, each as seq_no (u64 BE) ‖ length (u32 BE)
// ‖ SignedEvent bytes. Any record changed, missing or reordered before the
// snapshot changes it. One running hash per shop (not one hash per record):
// a restart hashes 100,000 records in a few tens of milliseconds.
import { createHash, type Hash } from "node:crypto";
import type { StoredRecord } from "./relay-store.js";

// update() copies its input into the hash at once, so one buffer serves every call.
const header = new Uint8Array(12);
const headerView = new DataView(header.buffer);

/** The running log hash of one shop. */
export class LogHashChain {
  private readonly hash: Hash = createHash("sha256");

  /** Adds the shop's next record. */
  add(record: StoredRecord): void {
    headerView.setBigUint64(0, record.seqNo);
    headerView.setUint32(8, record.signedEvent.length);
    this.hash.update(header);
    this.hash.update(record.signedEvent);
  }

  /** The hash of the records added so far (the chain goes on). */
  digest(): Uint8Array {
    return this.hash.copy().digest();
  }
}
