// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What the relay keeps of a shop's log: not its bytes, and not an offset per
// record either, so its size does not grow with the log. It keeps at most
// LOG_INDEX_CHECKPOINTS offsets, of every stride-th record (the stride starts
// at 1 and doubles whenever they would not fit), and the exact offsets of the
// newest LOG_INDEX_RECENT records (what live pushes read). Any other record is
// found by walking the store forward from the checkpoint before it, record by
// record, past other shops' records; a batch of entries shares a cursor, so
// reading it in order costs one store read per entry. A record's bytes stay
// in memory only until the store says where it wrote them, and for good with
// a store that cannot read records back (memory).
import { bytesToHex } from "../crypto/hex.js";
import type { EventDomain } from "../eip712/domain.js";
import { RelayStoreError } from "../errors/relay-store-error.js";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import type { RelayLogEntry } from "../session/relay-backend.js";
import { LazyLogEntry, type LogEntryReader } from "./lazy-log-entry.js";
import { RecentEvents } from "./recent-events.js";
import type { ReadBackRecord, RelayStore, StoredRecord } from "./relay-store.js";

/** Most record offsets kept per shop beside the newest records' (8 KiB). */
export const LOG_INDEX_CHECKPOINTS = 1024;
/** The newest records whose offsets are all kept. */
export const LOG_INDEX_RECENT = 256;
const NOT_STORED = -1;

// The last record a batch of entries read: the next one starts the walk at `next`.
interface Cursor {
  at: number;
  next: number;
}

/** The log of one shop as sparse offsets into the store; entries read their bytes back from it. */
export class ShopLogIndex {
  private checkpoints = new Float64Array(16);
  /** Records between two checkpoints: a power of two, doubled when the checkpoints are full. */
  stride = 1;
  private readonly recent = new Float64Array(LOG_INDEX_RECENT);
  /** Record bytes by position, for records the store cannot read back (yet). */
  private readonly held = new Map<number, Uint8Array>();
  private readonly shopHex: string;
  /** Records in the log, durable or not. */
  length = 0;
  /** The last records committed here, shared by the sessions that push them (with `shareRecent`). */
  private readonly shared: RecentEvents | undefined;

  constructor(
    /** `domain` undefined: a v3-dialect shop (signers recovered with EIP-191). */
    private readonly options: { shopId: Uint8Array; store: RelayStore; domain: EventDomain | undefined; shareRecent?: boolean | undefined },
  ) {
    this.shopHex = bytesToHex(options.shopId);
    this.shared = options.shareRecent === true ? new RecentEvents() : undefined;
  }

  /** Bytes of memory the offsets take (the bench weighs it). */
  get indexBytes(): number {
    return this.checkpoints.byteLength + this.recent.byteLength;
  }

  /** Adds a record at the end (seq_no = new length); its bytes are held until {@link stored} gives its offset. `decoded`: the commit's objects for them. */
  push({ record, decoded }: { record: StoredRecord; decoded?: { readonly signedEvent: SignedEvent; readonly event: ShopEvent } | undefined }): void {
    const at = this.length++;
    this.place(at, record.offset ?? NOT_STORED);
    // A view (records loaded from a file are views of the whole read) is copied, so it pins only itself.
    if (record.offset === undefined || this.options.store.readRecord === undefined) this.held.set(at, ownBytes(record.signedEvent));
    // Only live commits: a restart's records are read back when asked for.
    if (record.offset === undefined) this.shared?.add(at, this.held.get(at) ?? ownBytes(record.signedEvent), decoded);
  }

  /** The store wrote the records from seq_no `first` on at these offsets: their bytes are dropped when it can read them back. */
  stored({ first, offsets }: { first: number; offsets: readonly number[] | void }): void {
    if (offsets === undefined || this.options.store.readRecord === undefined) return;
    for (const [i, offset] of offsets.entries()) {
      this.place(first - 1 + i, offset);
      this.held.delete(first - 1 + i);
    }
  }

  /** Entries `from`…`to` − 1 (positions from 0), each reading its bytes when used; a signer is recovered when asked for. */
  entries({ from, to }: { from: number; to: number }): RelayLogEntry[] {
    const cursor: Cursor = { at: -1, next: NOT_STORED };
    // One reader per batch: its entries share the cursor.
    const reader: LogEntryReader = {
      domain: this.options.domain,
      recent: (entry) => this.shared?.get(entry.at),
      read: (entry) => {
        const held = this.held.get(entry.at);
        if (held !== undefined) return held;
        // Found once, then read straight from its offset (notify reads an entry, pump reads it again later).
        const record = entry.offset === undefined ? this.find(entry.at, cursor) : this.readAt(entry.at, entry.offset);
        entry.offset = record.offset;
        cursor.at = entry.at;
        cursor.next = record.next;
        return record.signedEvent;
      },
    };
    const out: RelayLogEntry[] = [];
    for (let at = from; at < to; at++) out.push(new LazyLogEntry(at, reader));
    return out;
  }

  private place(at: number, offset: number): void {
    // A slot of the ring belongs to the newest position that maps to it.
    if (at >= this.length - LOG_INDEX_RECENT) this.recent[at % LOG_INDEX_RECENT] = offset;
    if (at % this.stride !== 0) return;
    let slot = at / this.stride;
    if (slot >= this.checkpoints.length && this.checkpoints.length < LOG_INDEX_CHECKPOINTS) {
      const grown = new Float64Array(this.checkpoints.length * 2);
      grown.set(this.checkpoints);
      this.checkpoints = grown;
    } else if (slot >= this.checkpoints.length) {
      // Full: keep every other checkpoint, and the stride doubles.
      for (let i = 0; i < LOG_INDEX_CHECKPOINTS / 2; i++) this.checkpoints[i] = this.checkpoints[2 * i]!;
      this.checkpoints.fill(NOT_STORED, LOG_INDEX_CHECKPOINTS / 2);
      this.stride *= 2;
      slot = at / this.stride;
    }
    this.checkpoints[slot] = offset;
  }

  // Record `at`: from the ring, from the cursor when it stands before it in the same stride, or from its checkpoint.
  private find(at: number, cursor: Cursor): ReadBackRecord {
    if (at >= this.length - LOG_INDEX_RECENT) {
      const offset = this.recent[at % LOG_INDEX_RECENT]!;
      if (offset !== NOT_STORED) return this.readAt(at, offset);
    }
    const checkpoint = at - (at % this.stride);
    if (cursor.at >= checkpoint && cursor.at < at) return this.walk(cursor.at, cursor.next, at);
    const record = this.readAt(checkpoint, this.checkpoints[checkpoint / this.stride]!);
    return checkpoint === at ? record : this.walk(checkpoint, record.next, at);
  }

  // Walks the store from `next` (just after this shop's record `from`) to record `at`, skipping other shops' records.
  private walk(from: number, next: number, at: number): ReadBackRecord {
    let position = from;
    let offset = next;
    for (;;) {
      const record = this.options.store.readRecord!({ offset });
      if (bytesToHex(record.shopId) === this.shopHex) {
        position++;
        if (record.seqNo !== BigInt(position + 1)) throw changed(offset, `the record at byte ${offset} is seq_no ${record.seqNo} of this shop where seq_no ${position + 1} comes next`);
        if (position === at) return record;
      }
      offset = record.next;
    }
  }

  // The stored record at `offset`, checked to be record `at` of this shop.
  private readAt(at: number, offset: number): ReadBackRecord {
    const record = this.options.store.readRecord!({ offset });
    if (record.seqNo !== BigInt(at + 1) || bytesToHex(record.shopId) !== this.shopHex) {
      throw changed(offset, `the record at byte ${offset} is seq_no ${record.seqNo} of shop ${bytesToHex(record.shopId)}, not seq_no ${at + 1} of this shop`);
    }
    return record;
  }
}

function changed(offset: number, detail: string): RelayStoreError {
  return new RelayStoreError({ problem: "CORRUPT_RECORD", file: "events.log", offset, detail: `${detail}: the log changed under the relay` });
}

function ownBytes(bytes: Uint8Array): Uint8Array {
  // new Uint8Array copies; a Buffer's slice() would be one more view.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}
