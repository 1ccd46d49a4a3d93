// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The cases every ShopStore passes (conformance.ts runs them). Each one gets
// a fresh, empty store from the target and checks one rule of store.ts with
// node:assert, so any test runner can report it.
import assert from "node:assert/strict";
import { isFieldValueError } from "../../errors/field-value-error.js";
import { isShopStoreConflictError, isShopStoreFailedError, type ShopStoreConflictProblem } from "../../errors/shop-store-error.js";
import type { StoredSnapshot } from "../relay-store.js";
import { batch, noticeOf, record, shop, signer, text } from "./conformance-fixtures.js";
import type { ShopStore, ShopStoreAppend } from "./store.js";
import type { StoreUnderTest } from "./conformance.js";

type Case = readonly [name: string, run: (t: StoreUnderTest) => Promise<void>];

async function refused(promise: Promise<unknown>, problem: ShopStoreConflictProblem): Promise<void> {
  await assert.rejects(promise, (error) => isShopStoreConflictError(error) && error.problem === problem, `expected a ShopStoreConflictError ${problem}`);
}

const texts = async (store: ShopStore, shopId: Uint8Array): Promise<string[]> => (await store.read({ shopId, afterSeqNo: 0n })).map(text);

function snapshot(shopId: Uint8Array, seqNo: bigint): StoredSnapshot {
  return { shopId, seqNo, logHash: new Uint8Array(32).fill(Number(seqNo % 256n)), stateJson: `{"at":${seqNo}}` };
}

// One writer's loop: append its batches at the head, catching up on each conflict.
async function writer(store: ShopStore, by: number, batches: number, size: number): Promise<void> {
  for (let b = 0; b < batches; b++) {
    for (;;) {
      const head = await store.head({ shopId: shop(1) });
      try {
        await store.append(batch({ shopId: shop(1), from: head + 1n, count: size, by, nonce: BigInt(b * size + 1) }));
        break;
      } catch (error) {
        if (!isShopStoreConflictError(error) || error.problem === "NONCE_TAKEN") throw error;
      }
    }
  }
}

export const CASES: readonly Case[] = [
  ["an empty store has no shops, records, keycards or snapshots", async (t) => {
    const store = await t.connect();
    assert.deepEqual(await store.shops(), []);
    assert.equal(await store.head({ shopId: shop(1) }), 0n);
    assert.deepEqual(await store.read({ shopId: shop(1), afterSeqNo: 0n }), []);
    assert.deepEqual(await store.keycards({ shopId: shop(1) }), []);
    assert.deepEqual(await store.findKeycard({ address: signer(1) }), []);
    assert.equal(await store.loadSnapshot({ shopId: shop(1) }), undefined);
    await store.close();
  }],
  ["appends batches in order and reads any range back", async (t) => {
    const store = await t.connect();
    assert.deepEqual(await store.append(batch({ shopId: shop(1), from: 1n, count: 3 })), { head: 3n, replayed: false });
    assert.deepEqual(await store.append(batch({ shopId: shop(1), from: 4n, count: 2, by: 2, nonce: 1n })), { head: 5n, replayed: false });
    const all = await store.read({ shopId: shop(1), afterSeqNo: 0n });
    assert.deepEqual(all.map((r) => r.seqNo), [1n, 2n, 3n, 4n, 5n]);
    assert.deepEqual(all[3], record({ shopId: shop(1), seqNo: 4n, by: 2, nonce: 1n }));
    assert.deepEqual((await store.read({ shopId: shop(1), afterSeqNo: 1n, limit: 2 })).map((r) => r.seqNo), [2n, 3n]);
    assert.deepEqual(await store.read({ shopId: shop(1), afterSeqNo: 5n }), []);
    assert.equal(await store.head({ shopId: shop(1) }), 5n);
    await store.close();
  }],
  ["keeps shops apart: the same seq_no and (signer, nonce) may be used in each", async (t) => {
    const store = await t.connect();
    await store.append(batch({ shopId: shop(1), from: 1n, count: 2 }));
    await store.append(batch({ shopId: shop(2), from: 1n, count: 1 }));
    assert.deepEqual((await store.shops()).map((id) => id[31]).sort(), [1, 2]);
    assert.deepEqual(await texts(store, shop(2)), [text(record({ shopId: shop(2), seqNo: 1n, by: 1, nonce: 1n }))]);
    assert.equal(await store.head({ shopId: shop(1) }), 2n);
    await store.close();
  }],
  ["acknowledges an identical retried batch without storing it twice", async (t) => {
    const store = await t.connect();
    await store.append(batch({ shopId: shop(1), from: 1n, count: 2 }));
    await store.append(batch({ shopId: shop(1), from: 3n }));
    assert.deepEqual(await store.append(batch({ shopId: shop(1), from: 1n, count: 2 })), { head: 3n, replayed: true });
    assert.equal((await store.read({ shopId: shop(1), afterSeqNo: 0n })).length, 3);
    await store.close();
  }],
  ["refuses a taken seq_no with other records (SEQ_TAKEN), and a retry that differs in one byte", async (t) => {
    const store = await t.connect();
    await store.append(batch({ shopId: shop(1), from: 1n, count: 2 }));
    await refused(store.append(batch({ shopId: shop(1), from: 2n, by: 2, nonce: 1n })), "SEQ_TAKEN");
    await refused(store.append(batch({ shopId: shop(1), from: 1n, count: 2, tag: "!" })), "SEQ_TAKEN");
    // A batch that is a stored prefix plus new records is not a retry either.
    await refused(store.append(batch({ shopId: shop(1), from: 2n, count: 2 })), "SEQ_TAKEN");
    assert.equal(await store.head({ shopId: shop(1) }), 2n);
    await store.close();
  }],
  ["refuses a batch that would leave a gap (SEQ_GAP)", async (t) => {
    const store = await t.connect();
    await refused(store.append(batch({ shopId: shop(1), from: 2n })), "SEQ_GAP");
    await store.append(batch({ shopId: shop(1), from: 1n }));
    await assert.rejects(store.append(batch({ shopId: shop(1), from: 3n })), (error) => isShopStoreConflictError(error) && error.problem === "SEQ_GAP" && error.head === 1n);
    await store.close();
  }],
  ["refuses a used (signer, nonce) (NONCE_TAKEN), in the log or twice in one batch, storing none of the batch", async (t) => {
    const store = await t.connect();
    await store.append(batch({ shopId: shop(1), from: 1n, count: 2, nonce: 10n }));
    const reused: ShopStoreAppend = { shopId: shop(1), records: [record({ shopId: shop(1), seqNo: 3n, by: 1, nonce: 12n }), record({ shopId: shop(1), seqNo: 4n, by: 1, nonce: 11n })] };
    await refused(store.append(reused), "NONCE_TAKEN");
    const twice: ShopStoreAppend = { shopId: shop(1), records: [record({ shopId: shop(1), seqNo: 3n, by: 2, nonce: 5n }), record({ shopId: shop(1), seqNo: 4n, by: 2, nonce: 5n })] };
    await refused(store.append(twice), "NONCE_TAKEN");
    // The same nonce by another signer is fine; the address's case does not make another signer.
    await store.append({ shopId: shop(1), records: [record({ shopId: shop(1), seqNo: 3n, by: 2, nonce: 10n })] });
    await store.append({ shopId: shop(1), records: [record({ shopId: shop(1), seqNo: 4n, by: 0xab, nonce: 1n })] });
    const shouted = { ...record({ shopId: shop(1), seqNo: 5n, by: 0xab, nonce: 1n }), signer: `0x${"AB".repeat(20)}` as const };
    await refused(store.append({ shopId: shop(1), records: [shouted] }), "NONCE_TAKEN");
    assert.equal(await store.head({ shopId: shop(1) }), 4n);
    await store.close();
  }],
  ["refuses malformed batches with a FieldValueError naming the field", async (t) => {
    const store = await t.connect();
    const bad = async (input: unknown, path: string): Promise<void> => {
      await assert.rejects(store.append(input as ShopStoreAppend), (error) => isFieldValueError(error) && error.path === path, `expected a FieldValueError at ${path}`);
    };
    await bad({ shopId: new Uint8Array(31), records: batch({ shopId: shop(1), from: 1n }).records }, "batch.shopId");
    await bad({ shopId: shop(1), records: [] }, "batch.records");
    await bad({ shopId: shop(1), records: [record({ shopId: shop(1), seqNo: 1n, by: 1, nonce: 1n }), record({ shopId: shop(1), seqNo: 3n, by: 1, nonce: 2n })] }, "batch.records[1].seqNo");
    await bad({ shopId: shop(1), records: [{ ...record({ shopId: shop(1), seqNo: 1n, by: 1, nonce: 1n }), signer: "0x12" }] }, "batch.records[0].signer");
    await bad({ shopId: shop(1), records: [{ ...record({ shopId: shop(1), seqNo: 1n, by: 1, nonce: 1n }), nonce: 1n << 64n }] }, "batch.records[0].nonce");
    await bad({ shopId: shop(1), records: [{ ...record({ shopId: shop(1), seqNo: 1n, by: 1, nonce: 1n }), signedEvent: new Uint8Array(0) }] }, "batch.records[0].signedEvent");
    await bad({ ...batch({ shopId: shop(1), from: 1n }), keycards: [{ address: signer(1), publicKey: new Uint8Array(33), guest: false, revoked: false }] }, "batch.keycards[0].publicKey");
    assert.equal(await store.head({ shopId: shop(1) }), 0n);
    await store.close();
  }],
  ["keeps keycards with their batch, replaces them by address, and finds them in every shop", async (t) => {
    const store = await t.connect();
    const key = new Uint8Array(64).fill(7);
    await store.append({ ...batch({ shopId: shop(1), from: 1n }), keycards: [{ address: signer(9), publicKey: key, guest: false, revoked: false }] });
    await store.append({ ...batch({ shopId: shop(2), from: 1n }), keycards: [{ address: signer(9), publicKey: key, guest: true, revoked: false }] });
    await store.append({ ...batch({ shopId: shop(1), from: 2n }), keycards: [{ address: signer(9), publicKey: key, guest: false, revoked: true }] });
    // A refused batch's keycards are not kept.
    await refused(store.append({ ...batch({ shopId: shop(1), from: 9n }), keycards: [{ address: signer(8), publicKey: key, guest: false, revoked: false }] }), "SEQ_GAP");
    assert.deepEqual(await store.keycards({ shopId: shop(1) }), [{ address: signer(9), publicKey: key, guest: false, revoked: true }]);
    const found = await store.findKeycard({ address: signer(9) });
    assert.deepEqual(found.map((k) => [k.shopId[31], k.guest, k.revoked]).sort(), [[1, false, true], [2, true, false]]);
    assert.deepEqual(await store.findKeycard({ address: signer(8) }), []);
    await store.close();
  }],
  ["keeps the last snapshot of each shop, never an older one over a newer", async (t) => {
    const store = await t.connect();
    await store.append(batch({ shopId: shop(1), from: 1n, count: 20 }));
    await store.saveSnapshot(snapshot(shop(1), 10n));
    await store.saveSnapshot(snapshot(shop(1), 5n));
    assert.deepEqual(await store.loadSnapshot({ shopId: shop(1) }), snapshot(shop(1), 10n));
    await store.saveSnapshot(snapshot(shop(1), 20n));
    assert.deepEqual(await store.loadSnapshot({ shopId: shop(1) }), snapshot(shop(1), 20n));
    assert.equal(await store.loadSnapshot({ shopId: shop(2) }), undefined);
    await store.close();
  }],
  ["keeps records, keycards and snapshots across close and reopen", async (t) => {
    const first = await t.connect();
    await first.append({ ...batch({ shopId: shop(1), from: 1n, count: 3 }), keycards: [{ address: signer(9), publicKey: new Uint8Array(64).fill(1), guest: false, revoked: false }] });
    await first.saveSnapshot(snapshot(shop(1), 2n));
    await first.close();
    const again = await t.connect();
    assert.deepEqual(await texts(again, shop(1)), [1n, 2n, 3n].map((seqNo) => text(record({ shopId: shop(1), seqNo, by: 1, nonce: seqNo }))));
    assert.equal((await again.keycards({ shopId: shop(1) })).length, 1);
    assert.deepEqual(await again.loadSnapshot({ shopId: shop(1) }), snapshot(shop(1), 2n));
    // Rules hold on reloaded records too.
    await refused(again.append(batch({ shopId: shop(1), from: 4n, nonce: 1n })), "NONCE_TAKEN");
    assert.deepEqual(await again.append(batch({ shopId: shop(1), from: 2n, count: 2 })), { head: 3n, replayed: true });
    await again.close();
  }],
  ["a crash during an append leaves the batch whole or absent, and its retry is stored once", async (t) => {
    const store = await t.connect();
    await store.append(batch({ shopId: shop(1), from: 1n }));
    const big = batch({ shopId: shop(1), from: 2n, count: 50 });
    const pending = store.append(big).then(() => "stored", (error: unknown) => error);
    await t.crash(store);
    await pending;
    const after = await t.connect();
    const head = await after.head({ shopId: shop(1) });
    assert.ok(head === 1n || head === 51n, `after the crash the head is ${head}: only 1 (batch absent) or 51 (whole) are allowed`);
    assert.equal((await after.read({ shopId: shop(1), afterSeqNo: 0n })).length, Number(head));
    assert.deepEqual(await after.append(big), { head: 51n, replayed: head === 51n });
    assert.deepEqual(await after.append(big), { head: 51n, replayed: true });
    await after.close();
  }],
  ["concurrent writers on two connections get one gapless order, each write once", async (t) => {
    const a = await t.connect();
    const b = t.sharedConnections ? await t.connect() : a;
    await Promise.all([writer(a, 1, 12, 3), writer(b, 2, 12, 3), writer(a, 3, 12, 1), writer(b, 4, 12, 1)]);
    const all = await a.read({ shopId: shop(1), afterSeqNo: 0n });
    assert.deepEqual(all.map((r) => r.seqNo), Array.from({ length: 96 }, (_, i) => BigInt(i + 1)));
    for (const by of [1, 2, 3, 4]) {
      const nonces = all.filter((r) => r.signer === signer(by)).map((r) => r.nonce);
      assert.deepEqual(nonces, Array.from({ length: by <= 2 ? 36 : 12 }, (_, i) => BigInt(i + 1)), `writer ${by}'s records, once each, in its order`);
    }
    await a.close();
    if (b !== a) await b.close();
  }],
  ["tells listeners of other connections about appends", async (t) => {
    const a = await t.connect();
    const b = t.sharedConnections ? await t.connect() : a;
    const told = noticeOf({ store: b, shopId: shop(3), head: 2n });
    // The listener is live once onAppend returns.
    await a.append(batch({ shopId: shop(3), from: 1n, count: 2 }));
    assert.equal((await told).head, 2n);
    const stop = b.onAppend(() => assert.fail("a stopped listener was called"));
    stop();
    const third = noticeOf({ store: b, shopId: shop(3), head: 3n });
    await a.append(batch({ shopId: shop(3), from: 3n }));
    await third;
    await a.close();
    if (b !== a) await b.close();
  }],
  ["a closed connection refuses with ShopStoreFailedError", async (t) => {
    const store = await t.connect();
    await store.close();
    await assert.rejects(store.append(batch({ shopId: shop(1), from: 1n })), (error) => isShopStoreFailedError(error));
    await assert.rejects(store.head({ shopId: shop(1) }), (error) => isShopStoreFailedError(error));
  }],
];
