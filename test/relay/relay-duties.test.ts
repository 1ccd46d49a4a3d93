// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay duties (relay-duties.ts) on the memory and the file ShopStore; PostgreSQL: store/relay-duties.postgres.test.ts.
import { rmSync } from "node:fs";
import { describe } from "vitest";
import { createMemoryShopStore, openFileShopStore } from "../../src/testing.js";
import { tempDir } from "./data-dir-fixtures.js";
import { relayDutyCases } from "./relay-duties.js";

describe("relay duties on the memory store", () => {
  relayDutyCases({
    name: "memory",
    fresh: async () => {
      // Each open is another connection to the same data, as a restart would find it.
      const data = createMemoryShopStore();
      return { open: async () => data.connect(), remove: async () => undefined };
    },
  });
});

describe("relay duties on the file store", () => {
  relayDutyCases({
    name: "file",
    fresh: async () => {
      const directory = tempDir();
      return { open: () => openFileShopStore({ directory }), remove: async () => rmSync(directory, { recursive: true, force: true }) };
    },
  });
});
