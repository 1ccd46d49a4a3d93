// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay core over the PostgreSQL store: its events land in the tables
// with their signers and nonces, and a relay opened again on the database
// has the same state.
import { privateKeyToAccount, generatePrivateKey } from "viem/accounts";
import { describe, expect, inject, it } from "vitest";
import { shopStateToJSON } from "../../../src/state/shop-state-to-json.js";
import { createRelayCore, openPostgresShopStore, TEST_RELAY_DOMAIN } from "../../../src/testing.js";

const url = inject("postgresUrl");

describe("createRelayCore over the PostgreSQL store", () => {
  it("stores the relay's events with signer and nonce, and reopens to the same state", async () => {
    const schema = `relay_${process.pid}`;
    const privateKey = generatePrivateKey();
    const open = async () => createRelayCore({ domain: TEST_RELAY_DOMAIN, privateKey, store: await openPostgresShopStore({ connectionString: url, schema }) });
    const relay = await open();
    const clerks = [generatePrivateKey(), generatePrivateKey(), generatePrivateKey()].map((key) => privateKeyToAccount(key));
    await Promise.all(clerks.map((clerk) => relay.enrollKeycard({ shopId: 5n, publicKey: clerk.publicKey })));
    const state = JSON.stringify(shopStateToJSON({ state: relay.shopState({ shopId: 5n })! }));
    await relay.close();

    const store = await openPostgresShopStore({ connectionString: url, schema });
    const [shopId] = await store.shops();
    const records = await store.read({ shopId: shopId!, afterSeqNo: 0n });
    expect(records.map((r) => [r.seqNo, r.signer, r.nonce])).toEqual([1n, 2n, 3n].map((n) => [n, relay.address.toLowerCase(), n]));
    await store.close();

    const again = await open();
    expect(JSON.stringify(shopStateToJSON({ state: again.shopState({ shopId: 5n })! }))).toBe(state);
    expect(again.shopLog({ shopId: 5n })).toHaveLength(3);
    await again.close();
  });
});
