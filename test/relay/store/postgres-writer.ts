// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A writer process for the PostgreSQL store's multi-process tests:
// `postgres-writer.ts <url> <schema> <writer> <batches> <size>` appends its
// batches to shop 1 at the head, catching up on each conflict, and prints
// "acked <last seq_no> <last nonce>" after each acknowledged append.
import { isShopStoreConflictError } from "../../../src/errors/shop-store-error.js";
import { openPostgresShopStore } from "../../../src/relay/store/postgres-store.js";
import { batch, shop } from "../../../src/relay/store/conformance-fixtures.js";

const [url, schema, by, batches, size] = process.argv.slice(2);
const store = await openPostgresShopStore({ connectionString: url!, schema: schema! });
for (let b = 0; b < Number(batches); b++) {
  for (;;) {
    const head = await store.head({ shopId: shop(1) });
    const nonce = BigInt(b * Number(size) + 1);
    try {
      const { head: last } = await store.append(batch({ shopId: shop(1), from: head + 1n, count: Number(size), by: Number(by), nonce }));
      process.stdout.write(`acked ${last} ${nonce + BigInt(Number(size)) - 1n}\n`);
      break;
    } catch (error) {
      if (!isShopStoreConflictError(error) || error.problem === "NONCE_TAKEN") throw error;
    }
  }
}
await store.close();
