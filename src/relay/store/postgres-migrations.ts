// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The PostgreSQL store's schema, as numbered migrations shipped with the
// package. A store applies the ones its database lacks, in order, each in its
// own transaction, under an advisory lock (several relays may start at once),
// and records them in <schema>.migrations. A database that has a migration
// this package does not know is refused: it was set up by a newer release.
// Never edit a released migration; add the next number.

/** One numbered step of the PostgreSQL store's schema; `sql` is given the quoted schema name. */
export interface PostgresMigration {
  /** Applied in increasing order; never reused. */
  readonly version: number;
  /** What it does, recorded beside the version. */
  readonly name: string;
  /** The statements, for the schema name given (already quoted). */
  readonly sql: (schema: string) => string;
}

/** Every migration of the PostgreSQL store, in order. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: "shops, events, keycards, snapshots",
    sql: (s) => `
      CREATE TABLE ${s}.shops (
        shop_id bytea PRIMARY KEY CHECK (octet_length(shop_id) = 32),
        head bigint NOT NULL DEFAULT 0 CHECK (head >= 0)
      );
      CREATE TABLE ${s}.events (
        shop_id bytea NOT NULL REFERENCES ${s}.shops (shop_id),
        seq bigint NOT NULL CHECK (seq >= 1),
        signer bytea NOT NULL CHECK (octet_length(signer) = 20),
        nonce numeric(20, 0) NOT NULL CHECK (nonce >= 0),
        signed_event bytea NOT NULL,
        CONSTRAINT events_seq_unique PRIMARY KEY (shop_id, seq),
        CONSTRAINT events_nonce_unique UNIQUE (shop_id, signer, nonce)
      );
      CREATE TABLE ${s}.keycards (
        shop_id bytea NOT NULL REFERENCES ${s}.shops (shop_id),
        address bytea NOT NULL CHECK (octet_length(address) = 20),
        public_key bytea NOT NULL CHECK (octet_length(public_key) = 64),
        guest boolean NOT NULL,
        revoked boolean NOT NULL,
        PRIMARY KEY (shop_id, address)
      );
      CREATE INDEX keycards_by_address ON ${s}.keycards (address);
      CREATE TABLE ${s}.snapshots (
        shop_id bytea PRIMARY KEY CHECK (octet_length(shop_id) = 32),
        seq bigint NOT NULL CHECK (seq >= 1),
        log_hash bytea NOT NULL,
        state_json text NOT NULL
      );`,
  },
];
