// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `pg` is an optional peer dependency: without it the package still imports,
// and opening a PostgreSQL store says which package to install.
import { describe, expect, it, vi } from "vitest";

vi.mock("pg", () => {
  throw Object.assign(new Error("Cannot find package 'pg' imported from postgres-store.js"), { code: "ERR_MODULE_NOT_FOUND" });
});

describe("the PostgreSQL store without the pg package", () => {
  it("imports ./testing, then refuses to open with a ShopStoreFailedError naming pg and how to install it", async () => {
    const { openPostgresShopStore } = await import("../../../src/testing.js");
    const opened = openPostgresShopStore({ connectionString: "postgres://relay@127.0.0.1:5432/shops" });
    await expect(opened).rejects.toMatchObject({ name: "ShopStoreFailedError", code: "STORE_FAILED", operation: "open" });
    await expect(opened).rejects.toThrow(/"pg" package .*npm install pg/);
  });
});
