// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The chain hash that binds a snapshot to the log prefix it covers:
// h0 = 32 zero bytes, hn = SHA-256(hn-1 ‖ seq_no (u64 BE) ‖ SignedEvent bytes).
// Any record changed, missing or reordered before the snapshot changes it.
import { createHash } from "node:crypto";
import type { StoredRecord } from "./relay-store.js";

export const EMPTY_LOG_HASH: Uint8Array = new Uint8Array(32);

// update() copies its input into the hash at once, so one buffer serves every call.
const seqNoBytes = new Uint8Array(8);
const seqNoView = new DataView(seqNoBytes.buffer);

/** The chain hash after one more record of the same shop. */
export function chainLogHash(previous: Uint8Array, record: StoredRecord): Uint8Array {
  seqNoView.setBigUint64(0, record.seqNo);
  return createHash("sha256").update(previous).update(seqNoBytes).update(record.signedEvent).digest();
}
