// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Brings a database's store schema up to POSTGRES_MIGRATIONS (see there).
import { ShopStoreFailedError } from "../../errors/shop-store-error.js";
import type { PgQueryable } from "./load-pg.js";
import { POSTGRES_MIGRATIONS } from "./postgres-migrations.js";

/** Applies the missing migrations under an advisory lock; refuses a database migrated by a newer release. */
export async function migrate({ client, schema }: { client: PgQueryable; schema: string }): Promise<void> {
  const quoted = `"${schema}"`;
  // One key per schema: relays starting together migrate one at a time.
  await client.query("SELECT pg_advisory_lock(hashtext($1))", [`massmarket-migrations:${schema}`]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${quoted}.migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${quoted}.migrations ORDER BY version`);
    const applied = new Set(rows.map((row) => row.version));
    const known = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1]!.version;
    const newer = rows.find((row) => row.version > known);
    if (newer !== undefined) {
      throw new ShopStoreFailedError({ operation: "migrate", detail: `schema ${schema} has migration ${newer.version}, newer than this package knows (${known}): upgrade @massmarket/network-schema` });
    }
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql(quoted));
        await client.query(`INSERT INTO ${quoted}.migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext($1))", [`massmarket-migrations:${schema}`]);
  }
}
