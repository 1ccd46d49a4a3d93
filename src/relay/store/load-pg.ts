// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `pg` is an optional peer dependency: loaded only when a PostgreSQL store is
// opened, by a name in a constant (as bundlers and the package checks expect of
// an optional module), and typed here by the little the store uses, so the
// shipped declarations need no @types/pg.
import { ShopStoreFailedError } from "../../errors/shop-store-error.js";

const PG = "pg";

/** A connection or pool that runs a query. */
export interface PgQueryable {
  query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** A connection taken from the pool. */
export interface PgPoolClient extends PgQueryable {
  release(destroy?: boolean): void;
}

/** node-postgres' Pool, as the store uses it. */
export interface PgPool extends PgQueryable {
  connect(): Promise<PgPoolClient>;
  end(): Promise<void>;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "connect", listener: (client: { on(event: "error", listener: (error: Error) => void): unknown }) => void): unknown;
}

/** node-postgres' Client, as the store's listening connection uses it. */
export interface PgClient extends PgQueryable {
  connect(): Promise<void>;
  end(): Promise<void>;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "notification", listener: (notice: { payload?: string | undefined }) => void): unknown;
  on(event: "end", listener: () => void): unknown;
}

/** The parts of the `pg` module the store uses. */
export interface PgModule {
  Pool: new (config: { connectionString: string; max?: number }) => PgPool;
  Client: new (config: { connectionString: string }) => PgClient;
}

/** The `pg` module, or a ShopStoreFailedError saying to install it. */
export async function loadPg(): Promise<PgModule> {
  try {
    const module = (await import(PG)) as PgModule & { default?: PgModule };
    return module.default ?? module;
  } catch (error) {
    throw new ShopStoreFailedError({ operation: "open", detail: 'the PostgreSQL store needs the "pg" package (node-postgres), an optional peer dependency: npm install pg', cause: error });
  }
}
