// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What the file ShopStore keeps beside events.log: per batch, the records'
// (signer, nonce), the keycards it wrote and a SHA-256 of its records' bytes,
// as one record of a second log (DIR/shop-store/events.log, same format, same
// guarantees). The entry is made durable before the events: an entry whose
// records are not in events.log, or whose hash does not match them (a crash
// between the two writes, then other records at those seq_nos), is ignored.
import { createHash } from "node:crypto";
import type { Address, Hex } from "viem";
import { bytesToHex, hexToBytes } from "../../crypto/hex.js";
import type { StoredRecord } from "../relay-store.js";
import type { ShopStoreAppend, ShopStoreKeycard } from "./store.js";

/** One batch's index entry, decoded. */
export interface IndexEntry {
  readonly shopId: Uint8Array;
  readonly first: bigint;
  readonly hash: string;
  readonly identities: readonly { readonly signer: Address; readonly nonce: bigint }[];
  readonly keycards: readonly ShopStoreKeycard[];
}

/** SHA-256 of records' bytes, each prefixed by its length. */
export function recordsHash(events: readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  for (const bytes of events) hash.update(`${bytes.length}:`).update(bytes);
  return hash.digest("hex");
}

/** The batch's entry as a record of the index log. */
export function encodeEntry(batch: ShopStoreAppend): StoredRecord {
  const json = {
    h: recordsHash(batch.records.map((r) => r.signedEvent)),
    s: batch.records.map((r) => [r.signer.toLowerCase(), r.nonce.toString()]),
    k: (batch.keycards ?? []).map((k) => [k.address.toLowerCase(), bytesToHex(k.publicKey), k.guest, k.revoked]),
  };
  return { shopId: batch.shopId, seqNo: batch.records[0]!.seqNo, signedEvent: new TextEncoder().encode(JSON.stringify(json)) };
}

/** An index record decoded, or undefined when it is not one of ours. */
export function decodeEntry(record: StoredRecord): IndexEntry | undefined {
  try {
    const json = JSON.parse(new TextDecoder().decode(record.signedEvent)) as { h: string; s: [string, string][]; k: [string, string, boolean, boolean][] };
    return {
      shopId: new Uint8Array(record.shopId),
      first: record.seqNo,
      hash: json.h,
      identities: json.s.map(([signer, nonce]) => ({ signer: signer as Address, nonce: BigInt(nonce) })),
      keycards: json.k.map(([address, publicKey, guest, revoked]) => ({ address: address as Address, publicKey: hexToBytes(publicKey as Hex), guest, revoked })),
    };
  } catch {
    return undefined;
  }
}
