// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// createRelayCore (and ReferenceRelay.open's shopStore) name a missing or
// wrong store instead of running in memory or failing with a TypeError.
import { generatePrivateKey } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { createMemoryShopStore, createRelayCore, ReferenceRelay, TEST_RELAY_DOMAIN } from "../../src/testing.js";

const privateKey = generatePrivateKey();
const domain = TEST_RELAY_DOMAIN;

describe("createRelayCore's store", () => {
  it("is required: without one the core refuses, naming store, instead of keeping shops in memory", async () => {
    await expect(createRelayCore({ store: undefined as never, domain, privateKey })).rejects.toMatchObject({ name: "FieldValueError", code: "MISSING_FIELD", path: "store" });
  });

  it.each([5, "postgres://x", {}, { append: () => undefined }])("refuses %j, naming store and the missing methods", async (store) => {
    const refused = createRelayCore({ store: store as never, domain, privateKey });
    await expect(refused).rejects.toMatchObject({ name: "FieldValueError", code: "WRONG_TYPE", path: "store" });
    await expect(refused).rejects.toThrow(/onAppend, close/);
  });

  it("is also checked as ReferenceRelay.open's shopStore", async () => {
    await expect(ReferenceRelay.open({ shopStore: {} as never, domain, privateKey })).rejects.toMatchObject({ name: "FieldValueError", path: "shopStore" });
  });

  it("a real store opens", async () => {
    const core = await createRelayCore({ store: createMemoryShopStore(), domain, privateKey });
    expect(core.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    await core.close();
  });
});
