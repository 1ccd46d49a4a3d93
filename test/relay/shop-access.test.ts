// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The enrollment access policy: a list, a file of the same shape, a callback, or first-wallet-owns.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hex } from "viem";
import { describe, expect, it } from "vitest";
import { createShopAccess } from "../../src/relay/http/shop-access.js";
import { thrown } from "../support/thrown.js";

const shop = `0x${"00".repeat(31)}17` as Hex;
const alice = "0x00000000000000000000000000000000000000a1";
const bob = "0x00000000000000000000000000000000000000b0";

describe("createShopAccess", () => {
  it("first wallet owns when nothing is given: an unowned shop goes to anyone, then only to its owner and those it lists", async () => {
    const access = createShopAccess();
    expect(access.firstWalletOwns).toBe(true);
    expect(await access.mayEnrollClerk({ shopId: shop, wallet: bob, owner: undefined })).toBe(true);
    expect(await access.mayEnrollClerk({ shopId: shop, wallet: bob, owner: alice })).toBe(false);
    expect(await access.mayEnrollClerk({ shopId: shop, wallet: alice, owner: alice })).toBe(true);
    access.listClerk({ shopId: shop, wallet: bob });
    expect(await access.mayEnrollClerk({ shopId: shop, wallet: bob, owner: alice })).toBe(true);
  });

  it("a file of owners and clerks replaces first-wallet-owns; a wallet not in it is refused even for an unowned shop", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "access-")), "access.json");
    writeFileSync(file, JSON.stringify({ [shop]: { owners: [alice], clerks: [] } }));
    const access = createShopAccess({ file });
    expect(access.firstWalletOwns).toBe(false);
    expect(await access.mayEnrollClerk({ shopId: shop, wallet: alice, owner: undefined })).toBe(true);
    expect(await access.mayEnrollClerk({ shopId: shop, wallet: bob, owner: undefined })).toBe(false);
  });

  it("refuses a bad list naming the field", () => {
    expect(thrown(() => createShopAccess({ shops: { [shop]: { owners: ["alice"] } } }))).toMatchObject({ code: "WRONG_TYPE", path: `shops.${shop}.owners[0]` });
    expect(thrown(() => createShopAccess({ shops: { "23": { owners: [alice] } } }))).toMatchObject({ code: "WRONG_TYPE", path: "shops.23.owners" });
  });
});
