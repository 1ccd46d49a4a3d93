// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay duties (../relay-duties.ts) on the PostgreSQL ShopStore: a schema per case.
import pg from "pg";
import { afterAll, describe, inject } from "vitest";
import { openPostgresShopStore } from "../../../src/testing.js";
import { relayDutyCases } from "../relay-duties.js";

const url = inject("postgresUrl");
const admin = new pg.Pool({ connectionString: url, max: 1 });
// An idle client the server ends must not crash the run.
admin.on("error", () => undefined);
afterAll(() => admin.end());
let next = 0;

describe("relay duties on the PostgreSQL store", () => {
  relayDutyCases({
    name: "postgres",
    fresh: async () => {
      const schema = `duties_${process.pid}_${next++}`;
      return {
        open: () => openPostgresShopStore({ connectionString: url, schema }),
        remove: async () => void (await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
      };
    },
  });
});
