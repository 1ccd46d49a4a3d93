// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The memory ShopStore against the exported conformance suite, connections sharing one store's data.
import { describe, it } from "vitest";
import { createMemoryShopStore, storeConformanceCases } from "../../../src/testing.js";

describe("memory ShopStore conformance", () => {
  const target = {
    name: "memory",
    async create() {
      const store = createMemoryShopStore();
      return { connect: async () => store.connect(), sharedConnections: true, crash: (s: { close(): Promise<void> }) => s.close(), destroy: async () => undefined };
    },
  };
  for (const c of storeConformanceCases({ target })) it(c.name, c.run);
});
