// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The PostgreSQL ShopStore against the exported conformance suite, on the
// throwaway cluster of the postgres project: a schema per case, a crash is
// the server terminating the store's connections mid-append.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openPostgresShopStore, POSTGRES_MIGRATIONS, type ShopStore, storeConformanceCases } from "../../../src/testing.js";

const url = inject("postgresUrl");
const admin = new pg.Pool({ connectionString: url, max: 2 });
afterAll(() => admin.end());
let next = 0;

const withName = (name: string): string => `${url}?application_name=${name}`;

describe("PostgreSQL ShopStore conformance", () => {
  const target = {
    name: "postgres",
    async create() {
      const schema = `conf_${process.pid}_${next++}`;
      return {
        connect: () => openPostgresShopStore({ connectionString: withName(schema), schema }),
        sharedConnections: true,
        async crash(store: ShopStore) {
          // The server ends the store's sessions: an open transaction is rolled back, a committed one stays.
          await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()", [schema]);
          await store.close();
        },
        async destroy() {
          await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        },
      };
    },
  };
  for (const c of storeConformanceCases({ target })) it(c.name, c.run);
});

describe("PostgreSQL ShopStore migrations", () => {
  it("are recorded once, and a second store on the same schema applies none again", async () => {
    const schema = `mig_${process.pid}`;
    const [a, b] = await Promise.all([openPostgresShopStore({ connectionString: url, schema }), openPostgresShopStore({ connectionString: url, schema })]);
    const { rows } = await admin.query(`SELECT version, name FROM "${schema}".migrations ORDER BY version`);
    expect(rows).toEqual(POSTGRES_MIGRATIONS.map(({ version, name }) => ({ version, name })));
    await Promise.all([a.close(), b.close()]);
    await admin.query(`INSERT INTO "${schema}".migrations (version, name) VALUES (999, 'from a newer release')`);
    await expect(openPostgresShopStore({ connectionString: url, schema })).rejects.toMatchObject({ name: "ShopStoreFailedError", operation: "migrate" });
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
  });

  it("refuses a schema name that is not a plain identifier, naming the field", async () => {
    await expect(openPostgresShopStore({ connectionString: url, schema: 'x"; DROP TABLE y; --' })).rejects.toMatchObject({ name: "FieldValueError", path: "schema" });
  });

  it("fails an append whose connection the server ends mid-transaction with ShopStoreFailedError, and the process lives on", async () => {
    // The attack is an operator (or a failover) killing the connection while an append waits on the shop's row lock.
    const schema = `kill_${process.pid}`;
    const store = await openPostgresShopStore({ connectionString: withName(schema), schema });
    const shopId = new Uint8Array(32).fill(5);
    const record = (seqNo: bigint) => ({ seqNo, signer: `0x${"11".repeat(20)}` as const, nonce: seqNo, signedEvent: new Uint8Array([1, 2, Number(seqNo)]) });
    await store.append({ shopId, records: [record(1n)] });
    const holder = await admin.connect();
    await holder.query("BEGIN");
    await holder.query(`SELECT head FROM "${schema}".shops WHERE shop_id = $1 FOR UPDATE`, [Buffer.from(shopId)]);
    const pending = store.append({ shopId, records: [record(2n)] });
    // Wait until the append is blocked on the lock, then end its session.
    await expect.poll(async () => (await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [schema])).rows[0].n, { timeout: 10_000 }).toBe(1);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [schema]);
    await expect(pending).rejects.toMatchObject({ name: "ShopStoreFailedError", operation: "append" });
    await holder.query("ROLLBACK");
    holder.release();
    // The pool replaces the dead connection: the retry is stored once.
    expect(await store.append({ shopId, records: [record(2n)] })).toEqual({ head: 2n, replayed: false });
    await store.close();
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
  });

  it("hears of appends again after the server ends its listening connection, those made while it was away included", async () => {
    const schema = `relisten_${process.pid}`;
    const name = `${schema}_listener`;
    const hearing = await openPostgresShopStore({ connectionString: withName(name), schema });
    const writing = await openPostgresShopStore({ connectionString: url, schema });
    const heads: bigint[] = [];
    hearing.onAppend(({ head }) => heads.push(head));
    const shopId = new Uint8Array(32).fill(6);
    const record = (seqNo: bigint) => ({ seqNo, signer: `0x${"22".repeat(20)}` as const, nonce: seqNo, signedEvent: new Uint8Array([3, Number(seqNo)]) });
    const listening = async () => (await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'", [name])).rows[0].n as number;
    await expect.poll(listening).toBe(1);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'", [name]);
    await expect.poll(listening).toBe(0);
    // Appended while nobody listened (or just after): the store announces it once it listens again.
    await writing.append({ shopId, records: [record(1n)] });
    await expect.poll(() => heads.includes(1n), { timeout: 15_000 }).toBe(true);
    await expect.poll(listening, { timeout: 15_000 }).toBe(1);
    await writing.append({ shopId, records: [record(2n)] });
    await expect.poll(() => heads.includes(2n), { timeout: 15_000 }).toBe(true);
    await Promise.all([hearing.close(), writing.close()]);
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
  });

  it("reports an unreachable server as ShopStoreFailedError", async () => {
    await expect(openPostgresShopStore({ connectionString: "postgres://postgres@127.0.0.1:1/postgres" })).rejects.toMatchObject({ name: "ShopStoreFailedError", operation: "open" });
  });
});
