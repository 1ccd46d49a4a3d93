// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A ShopStore in PostgreSQL that several relay processes share. The database
// keeps the rules, not this process: an append locks its shop's row
// (SELECT … FOR UPDATE), so appends to one shop are serialised across every
// connection and process; the primary key (shop_id, seq) and the unique
// (shop_id, signer, nonce) make a duplicate impossible even if a writer
// skipped the lock; the batch is one transaction. Each append NOTIFYs
// "<schema>_append" with the shop and its new head; every store LISTENs on a
// connection of its own (postgres-notices.ts, which reconnects) and tells
// its onAppend listeners.
import type { Address, Hex } from "viem";
import { bytesToHex, hexToBytes } from "../../crypto/hex.js";
import { FieldValueError } from "../../errors/field-value-error.js";
import { isNetworkSchemaError } from "../../errors/base.js";
import { ShopStoreConflictError, ShopStoreFailedError } from "../../errors/shop-store-error.js";
import { objectParameter } from "../../errors/object-parameter.js";
import { sameBytes } from "../../wire/same-bytes.js";
import type { StoredSnapshot } from "../relay-store.js";
import { checkAddress, checkAppend, checkRange, checkShopId } from "./check-append.js";
import { loadPg, type PgPool } from "./load-pg.js";
import { type NoticeChannel, openNoticeChannel } from "./postgres-notices.js";
import { migrate } from "./postgres-migrate.js";
import type { ShopStore, ShopStoreAppend, ShopStoreAppended, ShopStoreAppendNotice, ShopStoreKeycard, ShopStoreRecord } from "./store.js";

/** Options of {@link openPostgresShopStore}. */
export interface OpenPostgresShopStoreParameters {
  /** `postgres://user:password@host:port/database` (node-postgres syntax, e.g. `?application_name=relay-1`). */
  readonly connectionString: string;
  /** The database schema holding the store's tables (created and migrated on open; default `massmarket`). */
  readonly schema?: string | undefined;
  /** Most connections the store opens at once, besides its listening one (default 10). */
  readonly maxConnections?: number | undefined;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

/**
 * Opens (and migrates) a ShopStore in PostgreSQL through the optional `pg`
 * package; several relay processes may share one database. Node only.
 *
 * @example
 * const store = await openPostgresShopStore({ connectionString: "postgres://relay@127.0.0.1:5432/shops" });
 * console.log(await store.head({ shopId: new Uint8Array(32).fill(7) }));
 */
export async function openPostgresShopStore(parameters: OpenPostgresShopStoreParameters): Promise<ShopStore> {
  const { connectionString, schema = "massmarket", maxConnections = 10 } = objectParameter(parameters);
  if (typeof connectionString !== "string" || connectionString === "") throw new FieldValueError("MISSING_FIELD", "a postgres:// connection string is needed", { path: "connectionString" });
  if (typeof schema !== "string" || !SCHEMA_NAME.test(schema)) throw new FieldValueError("WRONG_TYPE", "a schema name is lower-case letters, digits and _ (at most 41), not starting with a digit", { path: "schema" });
  const pg = await loadPg();
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection that dies is replaced on the next query; its error must not crash the process.
  pool.on("error", () => undefined);
  // A checked-out connection the server ends also emits "error" (its query is failed too): without a listener that crashes the process.
  pool.on("connect", (client) => client.on("error", () => undefined));
  let channel: NoticeChannel | undefined;
  try {
    const client = await pool.connect();
    try {
      await migrate({ client, schema });
    } finally {
      client.release();
    }
    channel = await openNoticeChannel({ connect: () => new pg.Client({ connectionString }), schema, pool });
  } catch (error) {
    await Promise.allSettled([pool.end(), channel?.close()]);
    throw isNetworkSchemaError(error) ? error : new ShopStoreFailedError({ operation: "open", detail: `could not open the PostgreSQL store: ${message(error)}`, cause: error });
  }
  return postgresStore({ pool, channel, schema });
}

function postgresStore({ pool, channel, schema }: { pool: PgPool; channel: NoticeChannel; schema: string }): ShopStore {
  const s = `"${schema}"`;
  const listeners = new Set<(notice: ShopStoreAppendNotice) => void>();
  let closed: Promise<void> | undefined;
  channel.onNotice((notice) => {
    if (closed !== undefined) return;
    for (const call of [...listeners]) call(notice);
  });

  // Runs `work` as `operation`: closed stores and driver errors become ShopStoreFailedError; our own errors pass.
  const run = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
    if (closed !== undefined) throw new ShopStoreFailedError({ operation, detail: "the store is closed" });
    try {
      return await work();
    } catch (error) {
      if (isNetworkSchemaError(error)) throw error;
      throw new ShopStoreFailedError({ operation, detail: `PostgreSQL ${operation} failed: ${message(error)}`, cause: error });
    }
  };

  const append = async (batch: ShopStoreAppend): Promise<ShopStoreAppended> => {
    const client = await pool.connect();
    let failed: unknown;
    try {
      await client.query("BEGIN");
      const shopId = Buffer.from(batch.shopId);
      await client.query(`INSERT INTO ${s}.shops (shop_id) VALUES ($1) ON CONFLICT (shop_id) DO NOTHING`, [shopId]);
      // The shop's row lock: every append to this shop, from any process, waits here for the one before it.
      const head = BigInt((await client.query<{ head: string }>(`SELECT head FROM ${s}.shops WHERE shop_id = $1 FOR UPDATE`, [shopId])).rows[0]!.head);
      const first = batch.records[0]!.seqNo;
      const last = batch.records[batch.records.length - 1]!.seqNo;
      if (first <= head) {
        const { rows } = await client.query<Row>(`SELECT seq, signer, nonce, signed_event FROM ${s}.events WHERE shop_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq`, [shopId, first.toString(), last.toString()]);
        await client.query("ROLLBACK");
        if (last <= head && rows.length === batch.records.length && rows.every((row, i) => same(fromRow(row), batch.records[i]!))) return { head, replayed: true };
        throw new ShopStoreConflictError({ problem: "SEQ_TAKEN", head, path: "batch.records[0].seqNo", detail: `seq_no ${first} is taken by other records (the shop's head is ${head})` });
      }
      if (first > head + 1n) {
        await client.query("ROLLBACK");
        throw new ShopStoreConflictError({ problem: "SEQ_GAP", head, path: "batch.records[0].seqNo", detail: `seq_no ${first} would leave a gap: the shop's next is ${head + 1n}` });
      }
      try {
        await client.query(
          `INSERT INTO ${s}.events (shop_id, seq, signer, nonce, signed_event) SELECT $1, * FROM unnest($2::bigint[], $3::bytea[], $4::numeric[], $5::bytea[])`,
          [shopId, batch.records.map((r) => r.seqNo.toString()), batch.records.map((r) => Buffer.from(hexToBytes(r.signer.toLowerCase() as Hex))), batch.records.map((r) => r.nonce.toString()), batch.records.map((r) => Buffer.from(r.signedEvent))],
        );
      } catch (error) {
        await client.query("ROLLBACK");
        const constraint = (error as { code?: string; constraint?: string }).code === "23505" ? (error as { constraint?: string }).constraint : undefined;
        if (constraint === "events_nonce_unique") throw new ShopStoreConflictError({ problem: "NONCE_TAKEN", head, path: "batch.records", detail: "a (signer, nonce) of the batch is already used in this shop" });
        if (constraint === "events_seq_unique") throw new ShopStoreConflictError({ problem: "SEQ_TAKEN", head, path: "batch.records[0].seqNo", detail: `seq_no ${first} is taken by other records` });
        throw error;
      }
      for (const keycard of batch.keycards ?? []) {
        await client.query(
          `INSERT INTO ${s}.keycards (shop_id, address, public_key, guest, revoked) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (shop_id, address) DO UPDATE SET public_key = EXCLUDED.public_key, guest = EXCLUDED.guest, revoked = EXCLUDED.revoked`,
          [shopId, Buffer.from(hexToBytes(keycard.address.toLowerCase() as Hex)), Buffer.from(keycard.publicKey), keycard.guest, keycard.revoked],
        );
      }
      await client.query(`UPDATE ${s}.shops SET head = $2 WHERE shop_id = $1`, [shopId, last.toString()]);
      // Delivered at commit, to every listening connection (this store's included).
      await client.query("SELECT pg_notify($1, $2)", [`${schema}_append`, `${bytesToHex(batch.shopId)} ${last}`]);
      await client.query("COMMIT");
      return { head: last, replayed: false };
    } catch (error) {
      failed = error;
      if (!isNetworkSchemaError(error)) await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      // A connection whose transaction failed at the driver is dropped, not reused.
      client.release(failed !== undefined && !isNetworkSchemaError(failed));
    }
  };

  return {
    append: (batch) => run("append", () => append(checkAppend(batch))),
    read: ({ shopId, afterSeqNo, limit }) => run("read", async () => {
      checkShopId(shopId);
      checkRange({ afterSeqNo, limit });
      const { rows } = await pool.query<Row>(
        `SELECT seq, signer, nonce, signed_event FROM ${s}.events WHERE shop_id = $1 AND seq > $2 ORDER BY seq ${limit === undefined ? "" : "LIMIT $3"}`,
        limit === undefined ? [Buffer.from(shopId), afterSeqNo.toString()] : [Buffer.from(shopId), afterSeqNo.toString(), limit],
      );
      return rows.map(fromRow);
    }),
    head: ({ shopId }) => run("head", async () => {
      checkShopId(shopId);
      const { rows } = await pool.query<{ head: string }>(`SELECT head FROM ${s}.shops WHERE shop_id = $1`, [Buffer.from(shopId)]);
      return BigInt(rows[0]?.head ?? 0);
    }),
    shops: () => run("shops", async () => (await pool.query<{ shop_id: Buffer }>(`SELECT shop_id FROM ${s}.shops WHERE head > 0 ORDER BY shop_id`)).rows.map((row) => view(row.shop_id))),
    keycards: ({ shopId }) => run("keycards", async () => {
      checkShopId(shopId);
      return (await pool.query<KeycardRow>(`SELECT shop_id, address, public_key, guest, revoked FROM ${s}.keycards WHERE shop_id = $1 ORDER BY address`, [Buffer.from(shopId)])).rows.map(keycardFromRow);
    }),
    findKeycard: ({ address }) => run("findKeycard", async () => {
      checkAddress(address, "address");
      const { rows } = await pool.query<KeycardRow>(`SELECT shop_id, address, public_key, guest, revoked FROM ${s}.keycards WHERE address = $1 ORDER BY shop_id`, [Buffer.from(hexToBytes(address.toLowerCase() as Hex))]);
      return rows.map((row) => ({ ...keycardFromRow(row), shopId: view(row.shop_id) }));
    }),
    saveSnapshot: (snapshot) => run("saveSnapshot", async () => {
      checkShopId(snapshot.shopId, "snapshot.shopId");
      await pool.query(
        `INSERT INTO ${s}.snapshots (shop_id, seq, log_hash, state_json) VALUES ($1, $2, $3, $4)
         ON CONFLICT (shop_id) DO UPDATE SET seq = EXCLUDED.seq, log_hash = EXCLUDED.log_hash, state_json = EXCLUDED.state_json WHERE ${s}.snapshots.seq <= EXCLUDED.seq`,
        [Buffer.from(snapshot.shopId), snapshot.seqNo.toString(), Buffer.from(snapshot.logHash), snapshot.stateJson],
      );
    }),
    loadSnapshot: ({ shopId }) => run("loadSnapshot", async () => {
      checkShopId(shopId);
      const row = (await pool.query<{ seq: string; log_hash: Buffer; state_json: string }>(`SELECT seq, log_hash, state_json FROM ${s}.snapshots WHERE shop_id = $1`, [Buffer.from(shopId)])).rows[0];
      return row === undefined ? undefined : ({ shopId: new Uint8Array(shopId), seqNo: BigInt(row.seq), logHash: view(row.log_hash), stateJson: row.state_json } satisfies StoredSnapshot);
    }),
    onAppend(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      // Pending appends hold pool clients: pool.end() waits for them to be released.
      closed ??= Promise.allSettled([pool.end(), channel.close()]).then(() => undefined);
      return closed;
    },
  };
}

interface Row {
  seq: string;
  signer: Buffer;
  nonce: string;
  signed_event: Buffer;
}

interface KeycardRow {
  shop_id: Buffer;
  address: Buffer;
  public_key: Buffer;
  guest: boolean;
  revoked: boolean;
}

// A Uint8Array over the driver's Buffer (a Buffer would compare unequal to a Uint8Array in deepEqual).
function view(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function fromRow(row: Row): ShopStoreRecord {
  return { seqNo: BigInt(row.seq), signer: bytesToHex(view(row.signer)) as Address, nonce: BigInt(row.nonce), signedEvent: view(row.signed_event) };
}

function keycardFromRow(row: KeycardRow): ShopStoreKeycard {
  return { address: bytesToHex(view(row.address)) as Address, publicKey: view(row.public_key), guest: row.guest, revoked: row.revoked };
}

function same(stored: ShopStoreRecord, record: ShopStoreRecord): boolean {
  return stored.seqNo === record.seqNo && stored.signer === record.signer.toLowerCase() && stored.nonce === record.nonce && sameBytes({ a: stored.signedEvent, b: record.signedEvent });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
