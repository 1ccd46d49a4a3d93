// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What the relay keeps of a shop's log: per record its offset in the store
// (8 bytes) and its signer as an interned id (4 bytes), not its bytes. A
// record's bytes stay in memory only until the store says where it wrote
// them, and for good with a store that cannot read records back (memory).
import type { Address } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import type { EventDomain } from "../eip712/domain.js";
import { RelayStoreError } from "../errors/relay-store-error.js";
import type { RelayLogEntry } from "../session/relay-backend.js";
import { lazyLogEntry } from "./lazy-log-entry.js";
import type { RelayStore, StoredRecord } from "./relay-store.js";

const UNKNOWN_SIGNER = 0;
const NOT_STORED = -1;

/** The log of one shop as offsets into the store; entries read their bytes back from it. */
export class ShopLogIndex {
  private offsets = new Float64Array(64);
  private signerIds = new Uint32Array(64);
  /** Record bytes by position, for records the store cannot read back (yet). */
  private readonly held = new Map<number, Uint8Array>();
  private readonly signers: Address[] = ["0x"];
  private readonly signerIds_ = new Map<Address, number>();
  /** Records in the log, durable or not. */
  length = 0;

  constructor(
    private readonly options: { shopId: Uint8Array; store: RelayStore; domain: EventDomain },
  ) {}

  /** Adds a record at the end (seq_no = new length); its bytes are held until {@link stored} gives its offset. */
  push({ record, signer }: { record: StoredRecord; signer?: Address | undefined }): void {
    if (this.length === this.offsets.length) this.grow();
    const at = this.length++;
    this.offsets[at] = record.offset ?? NOT_STORED;
    this.signerIds[at] = signer === undefined ? UNKNOWN_SIGNER : this.intern(signer);
    if (record.offset === undefined || this.options.store.readRecord === undefined) this.held.set(at, record.signedEvent);
  }

  /** The store wrote the records from seq_no `first` on at these offsets: their bytes are dropped when it can read them back. */
  stored({ first, offsets }: { first: number; offsets: readonly number[] | void }): void {
    if (offsets === undefined || this.options.store.readRecord === undefined) return;
    for (const [i, offset] of offsets.entries()) {
      this.offsets[first - 1 + i] = offset;
      this.held.delete(first - 1 + i);
    }
  }

  /** Entries `from`…`to` − 1 (positions from 0), each reading its bytes when used. */
  entries({ from, to }: { from: number; to: number }): RelayLogEntry[] {
    const out: RelayLogEntry[] = [];
    for (let at = from; at < to; at++) {
      const id = this.signerIds[at] ?? UNKNOWN_SIGNER;
      out.push(lazyLogEntry({
        seqNo: BigInt(at + 1),
        bytes: () => this.bytes(at),
        domain: this.options.domain,
        signer: id === UNKNOWN_SIGNER ? undefined : this.signers[id],
        onSigner: (signer) => void (this.signerIds[at] = this.intern(signer)),
      }));
    }
    return out;
  }

  // The stored bytes of the record at `at`, checked to be that record of this shop.
  private bytes(at: number): Uint8Array {
    const held = this.held.get(at);
    if (held !== undefined) return held;
    const { store, shopId } = this.options;
    const offset = this.offsets[at]!;
    const record = store.readRecord!({ offset });
    if (record.seqNo !== BigInt(at + 1) || bytesToHex(record.shopId) !== bytesToHex(shopId)) {
      throw new RelayStoreError({ problem: "CORRUPT_RECORD", file: "events.log", offset, detail: `the record at byte ${offset} is seq_no ${record.seqNo} of shop ${bytesToHex(record.shopId)}, not seq_no ${at + 1} of this shop: the log changed under the relay` });
    }
    return record.signedEvent;
  }

  private intern(signer: Address): number {
    let id = this.signerIds_.get(signer);
    if (id === undefined) {
      id = this.signers.push(signer) - 1;
      this.signerIds_.set(signer, id);
    }
    return id;
  }

  private grow(): void {
    const offsets = new Float64Array(this.offsets.length * 2);
    offsets.set(this.offsets);
    this.offsets = offsets;
    const signerIds = new Uint32Array(this.signerIds.length * 2);
    signerIds.set(this.signerIds);
    this.signerIds = signerIds;
  }
}
