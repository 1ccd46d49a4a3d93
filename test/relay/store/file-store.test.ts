// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The file ShopStore against the exported conformance suite (one connection
// at a time: the directory lock), a crash being a close followed by torn
// tails on both logs; and what it adds to the reference relay's directory.
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { ReferenceRelay } from "../../../src/relay/reference-relay.js";
import { createFileStore } from "../../../src/relay/file-store.js";
import { openFileShopStore, type ShopStore, storeConformanceCases } from "../../../src/testing.js";
import { SHOP_STORE_INDEX_DIR } from "../../../src/relay/store/file-store.js";
import { TEST_RELAY_DOMAIN } from "../../../src/testing.js";

const fresh = (): string => mkdtempSync(join(tmpdir(), "file-shop-store-"));

describe("file ShopStore conformance", () => {
  const target = {
    name: "file",
    async create() {
      const directory = fresh();
      return {
        connect: () => openFileShopStore({ directory }),
        sharedConnections: false,
        async crash(store: ShopStore) {
          await store.close();
          // What a crash mid-append leaves: a torn record at the end of each log.
          appendFileSync(join(directory, "events.log"), new Uint8Array([0, 0, 1, 0, 9, 9]));
          appendFileSync(join(directory, SHOP_STORE_INDEX_DIR, "events.log"), new Uint8Array([0, 0, 0, 80, 1]));
        },
        destroy: async () => rmSync(directory, { recursive: true, force: true }),
      };
    },
  };
  for (const c of storeConformanceCases({ target })) it(c.name, c.run);
});

describe("file ShopStore on a reference relay's data directory", () => {
  const key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" as const;

  it("refuses records the index does not know unless identify names their signer and nonce, and keeps the relay's log readable to it", async () => {
    const directory = fresh();
    const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: key, store: await createFileStore({ directory }) });
    await relay.enrollKeycard({ shopId: 7n, publicKey: privateKeyToAccount(generatePrivateKey()).publicKey });
    await relay.close();
    await expect(openFileShopStore({ directory })).rejects.toMatchObject({ name: "ShopStoreFailedError", operation: "open" });
    const store = await openFileShopStore({ directory, identify: ({ seqNo }) => ({ signer: relay.address, nonce: seqNo }) });
    const [shopId] = await store.shops();
    expect((await store.read({ shopId: shopId!, afterSeqNo: 0n })).map((r) => [r.seqNo, r.signer])).toEqual([[1n, relay.address.toLowerCase()]]);
    await store.close();
    // The reference relay still opens the directory the ShopStore wrote to.
    const again = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: key, store: await createFileStore({ directory }) });
    expect(again.shopLog({ shopId: 7n })).toHaveLength(1);
    await again.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("ignores an index entry whose events never reached events.log (a crash between the two writes)", async () => {
    const directory = fresh();
    const index = await createFileStore({ directory: join(directory, SHOP_STORE_INDEX_DIR) });
    const shopId = new Uint8Array(32).fill(3);
    const { encodeEntry } = await import("../../../src/relay/store/file-index.js");
    const signer = `0x${"11".repeat(20)}` as const;
    await index.append([encodeEntry({ shopId, records: [{ seqNo: 1n, signer, nonce: 1n, signedEvent: new Uint8Array([1]) }], keycards: [{ address: signer, publicKey: new Uint8Array(64), guest: false, revoked: false }] })]);
    await index.close();
    const store = await openFileShopStore({ directory });
    expect(await store.head({ shopId })).toBe(0n);
    expect(await store.keycards({ shopId })).toEqual([]);
    // The same seq_no and nonce are free, with other bytes.
    await store.append({ shopId, records: [{ seqNo: 1n, signer, nonce: 1n, signedEvent: new Uint8Array([2]) }] });
    await store.close();
    const reopened = await openFileShopStore({ directory });
    expect((await reopened.read({ shopId, afterSeqNo: 0n }))[0]!.signedEvent).toEqual(new Uint8Array([2]));
    await reopened.close();
    rmSync(directory, { recursive: true, force: true });
  });
});
