// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The attack: any role that may connect to the relays' database can NOTIFY
// the stores' channel with whatever payload it likes. A payload that is not
// "<shop> <head>" must be ignored: it must not crash the relay process (an
// uncaught exception in the listener), nor stop the real notices after it.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openPostgresShopStore } from "../../src/testing.js";

const url = inject("postgresUrl");
const attacker = new pg.Client({ connectionString: url });
afterAll(() => attacker.end());

describe("a forged NOTIFY on the store's channel", () => {
  it("is ignored, and the appends after it are still heard", async () => {
    const schema = `forged_${process.pid}`;
    const store = await openPostgresShopStore({ connectionString: url, schema });
    const heads: bigint[] = [];
    store.onAppend(({ head }) => heads.push(head));
    await attacker.connect();
    const junk = ["", "junk", "0xzz 1", `0x${"ab".repeat(32)} -1`, `0x${"ab".repeat(32)} 1e9`, `0x${"ab".repeat(31)} 5`, `0x${"ab".repeat(32)} ${"9".repeat(400)}`, `0x${"ab".repeat(32)}`];
    for (const payload of junk) await attacker.query("SELECT pg_notify($1, $2)", [`${schema}_append`, payload]);
    const shopId = new Uint8Array(32).fill(7);
    await store.append({ shopId, records: [{ seqNo: 1n, signer: `0x${"33".repeat(20)}`, nonce: 1n, signedEvent: new Uint8Array([9]) }] });
    await expect.poll(() => heads).toEqual([1n]);
    await store.close();
    await attacker.query(`DROP SCHEMA "${schema}" CASCADE`);
  });
});
