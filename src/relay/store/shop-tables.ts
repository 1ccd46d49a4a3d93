// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What the memory and file stores know of each shop, in memory: the head,
// each record's (signer, nonce), which seq_no holds each (signer, nonce), and
// the keycards. The rules of an append (replayed, SEQ_TAKEN, SEQ_GAP,
// NONCE_TAKEN) are decided here, the same way PostgreSQL's constraints do.
import type { Address } from "viem";
import { bytesToHex } from "../../crypto/hex.js";
import { ShopStoreConflictError } from "../../errors/shop-store-error.js";
import { sameBytes } from "../../wire/same-bytes.js";
import type { ShopStoreAppend, ShopStoreKeycard, ShopStoreKeycardInShop } from "./store.js";

interface ShopTable {
  readonly id: Uint8Array;
  head: bigint;
  /** (signer, nonce) of record seq_no i + 1. */
  readonly identities: { signer: string; nonce: bigint }[];
  /** `signer:nonce` → seq_no. */
  readonly nonces: Map<string, bigint>;
  readonly keycards: Map<string, ShopStoreKeycard>;
}

/** The in-memory tables of the memory and file stores. */
export class ShopTables {
  private readonly shops = new Map<string, ShopTable>();
  private readonly byAddress = new Map<string, Set<string>>();

  head(shopId: Uint8Array): bigint {
    return this.shops.get(bytesToHex(shopId))?.head ?? 0n;
  }

  shopIds(): Uint8Array[] {
    return [...this.shops.values()].filter((shop) => shop.head > 0n).map((shop) => new Uint8Array(shop.id));
  }

  /** The (signer, nonce) of a stored record. */
  identity(shopId: Uint8Array, seqNo: bigint): { signer: Address; nonce: bigint } {
    const { signer, nonce } = this.shops.get(bytesToHex(shopId))!.identities[Number(seqNo) - 1]!;
    return { signer: signer as Address, nonce };
  }

  keycards(shopId: Uint8Array): ShopStoreKeycard[] {
    return [...(this.shops.get(bytesToHex(shopId))?.keycards.values() ?? [])];
  }

  findKeycard(address: Address): ShopStoreKeycardInShop[] {
    const out: ShopStoreKeycardInShop[] = [];
    for (const key of this.byAddress.get(address.toLowerCase()) ?? []) {
      const shop = this.shops.get(key)!;
      out.push({ ...shop.keycards.get(address.toLowerCase())!, shopId: new Uint8Array(shop.id) });
    }
    return out;
  }

  /**
   * "replayed" when the identical batch is stored already, "append" when it
   * may be stored; a ShopStoreConflictError otherwise. `bytesAt` reads a
   * stored record's bytes (only for a batch that may be a retry).
   */
  check(batch: ShopStoreAppend, bytesAt: (seqNo: bigint) => Uint8Array): "replayed" | "append" {
    const shop = this.shops.get(bytesToHex(batch.shopId));
    const head = shop?.head ?? 0n;
    const first = batch.records[0]!.seqNo;
    const last = batch.records[batch.records.length - 1]!.seqNo;
    if (first <= head) {
      const same = last <= head && batch.records.every((record) => {
        const stored = shop!.identities[Number(record.seqNo) - 1]!;
        return stored.signer === record.signer.toLowerCase() && stored.nonce === record.nonce && sameBytes({ a: bytesAt(record.seqNo), b: record.signedEvent });
      });
      if (same) return "replayed";
      throw new ShopStoreConflictError({ problem: "SEQ_TAKEN", head, path: "batch.records[0].seqNo", detail: `seq_no ${first} is taken by other records (the shop's head is ${head})` });
    }
    if (first > head + 1n) throw new ShopStoreConflictError({ problem: "SEQ_GAP", head, path: "batch.records[0].seqNo", detail: `seq_no ${first} would leave a gap: the shop's next is ${head + 1n}` });
    const seen = new Set<string>();
    for (const [i, record] of batch.records.entries()) {
      const key = `${record.signer.toLowerCase()}:${record.nonce}`;
      if (seen.has(key) || shop?.nonces.has(key) === true) {
        throw new ShopStoreConflictError({ problem: "NONCE_TAKEN", head, path: `batch.records[${i}].nonce`, detail: `signer ${record.signer} already used nonce ${record.nonce} in this shop` });
      }
      seen.add(key);
    }
    return "append";
  }

  /** Takes a checked batch in. */
  add(batch: ShopStoreAppend): void {
    const key = bytesToHex(batch.shopId);
    let shop = this.shops.get(key);
    if (shop === undefined) {
      shop = { id: new Uint8Array(batch.shopId), head: 0n, identities: [], nonces: new Map(), keycards: new Map() };
      this.shops.set(key, shop);
    }
    for (const record of batch.records) {
      const signer = record.signer.toLowerCase();
      shop.identities.push({ signer, nonce: record.nonce });
      shop.nonces.set(`${signer}:${record.nonce}`, record.seqNo);
      shop.head = record.seqNo;
    }
    this.setKeycards(batch.shopId, batch.keycards ?? []);
  }

  /** Replaces the shop's keycards of these addresses (a batch's, or an index entry's at load). */
  setKeycards(shopId: Uint8Array, keycards: readonly ShopStoreKeycard[]): void {
    const key = bytesToHex(shopId);
    const shop = this.shops.get(key);
    if (shop === undefined) return;
    for (const keycard of keycards) {
      const address = keycard.address.toLowerCase();
      shop.keycards.set(address, { address: address as Address, publicKey: new Uint8Array(keycard.publicKey), guest: keycard.guest, revoked: keycard.revoked });
      let shops = this.byAddress.get(address);
      if (shops === undefined) this.byAddress.set(address, (shops = new Set()));
      shops.add(key);
    }
  }
}
