// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Records, shops and signers for the conformance cases: plain bytes, since a
// store never decodes what it keeps.
import type { Address } from "viem";
import type { ShopStore, ShopStoreAppend, ShopStoreAppendNotice, ShopStoreRecord } from "./store.js";

/** A 32-byte shop id from a small number. */
export function shop(n: number): Uint8Array {
  const id = new Uint8Array(32);
  id[0] = 0xaa;
  id[31] = n;
  return id;
}

/** A signer address from a small number. */
export function signer(n: number): Address {
  return `0x${n.toString(16).padStart(2, "0").repeat(20)}`;
}

/** A record whose bytes name its shop, seq_no and writer, so a mix-up shows. */
export function record({ shopId, seqNo, by, nonce, tag = "" }: { shopId: Uint8Array; seqNo: bigint; by: number; nonce: bigint; tag?: string | undefined }): ShopStoreRecord {
  return { seqNo, signer: signer(by), nonce, signedEvent: new TextEncoder().encode(`shop ${shopId[31]} seq ${seqNo} by ${by} nonce ${nonce}${tag}`) };
}

/** A batch of `count` records from seq_no `from`, written by `by` with nonces from `nonce`. */
export function batch({ shopId, from, count = 1, by = 1, nonce = from, tag }: { shopId: Uint8Array; from: bigint; count?: number; by?: number; nonce?: bigint; tag?: string | undefined }): ShopStoreAppend {
  return { shopId, records: Array.from({ length: count }, (_, i) => record({ shopId, seqNo: from + BigInt(i), by, nonce: nonce + BigInt(i), tag })) };
}

/** Resolves with the first notice of `shopId` at `head` or later; rejects after `ms` (a store that never tells would hang the suite). */
export function noticeOf({ store, shopId, head, ms = 20_000 }: { store: ShopStore; shopId: Uint8Array; head: bigint; ms?: number }): Promise<ShopStoreAppendNotice> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no onAppend notice for head ${head} within ${ms} ms`));
    }, ms);
    const stop = store.onAppend((notice) => {
      if (notice.shopId.every((byte, i) => byte === shopId[i]) && notice.head >= head) {
        clearTimeout(timer);
        stop();
        resolve(notice);
      }
    });
  });
}

/** The text of a record's bytes (for messages). */
export function text(record: ShopStoreRecord): string {
  return new TextDecoder().decode(record.signedEvent);
}
