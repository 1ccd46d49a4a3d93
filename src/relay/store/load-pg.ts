// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `pg` is an optional peer dependency: loaded only when a PostgreSQL store is
// opened, so the package imports without it.
import type * as Pg from "pg";
import { ShopStoreFailedError } from "../../errors/shop-store-error.js";

/** The `pg` module, or a ShopStoreFailedError saying to install it. */
export async function loadPg(): Promise<typeof Pg> {
  try {
    const module = (await import("pg")) as typeof Pg & { default?: typeof Pg };
    return module.default ?? module;
  } catch (error) {
    throw new ShopStoreFailedError({ operation: "open", detail: 'the PostgreSQL store needs the "pg" package (node-postgres), an optional peer dependency: npm install pg', cause: error });
  }
}
