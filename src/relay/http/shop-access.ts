// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Who may enroll a clerk keycard for a shop. v3 relays asked the chain
// (ShopReg.hasPermission); this relay has no chain, so it is told.
import { readFileSync } from "node:fs";
import { type Address, getAddress, type Hex, isAddress } from "viem";
import { FieldValueError } from "../../errors/field-value-error.js";

/** Owners and clerks of each shop (0x + 64 hex digits), as given in options or a JSON file of this shape. */
export type ShopAccessList = Readonly<Record<string, { readonly owners?: readonly string[] | undefined; readonly clerks?: readonly string[] | undefined }>>;

/**
 * The relay's enrollment access policy: a list (`shops`, or `file` holding
 * one as JSON), or a callback for real deployments (for example a registry
 * lookup). Without any, the relay lets the first wallet that signs in as a
 * clerk of a shop own it (development only; the test relay says so).
 */
export interface ShopAccessOptions {
  /** Owners and clerks per shop. */
  readonly shops?: ShopAccessList | undefined;
  /** A JSON file holding a {@link ShopAccessList}, read once when the relay starts. */
  readonly file?: string | undefined;
  /** Whether a wallet may enroll clerks of a shop beyond the lists, e.g. by a registry lookup. */
  readonly mayEnrollClerk?: ((input: { readonly shopId: Hex; readonly wallet: Address }) => boolean | Promise<boolean>) | undefined;
}

/** The policy as the enrollment endpoint uses it. */
export interface ShopAccess {
  /** "first wallet owns" when no list, file or callback was given. */
  readonly firstWalletOwns: boolean;
  /** Whether `wallet` may enroll a clerk keycard of `shopId`; `owner` is the shop's first clerk wallet, if any. */
  mayEnrollClerk(input: { shopId: Hex; wallet: Address; owner: Address | undefined }): Promise<boolean>;
  /** First-wallet-owns mode: the owner lists another clerk wallet of its shop. */
  listClerk(input: { shopId: Hex; wallet: Address }): void;
}

/**
 * Builds the access policy from its options (the file read once, now).
 * @example const access = createShopAccess({ shops: { ["0x" + "00".repeat(31) + "17"]: { owners: [address] } } });
 */
export function createShopAccess(options: ShopAccessOptions = {}): ShopAccess {
  const { shops, file, mayEnrollClerk } = options;
  const listed = new Map<string, Set<Address>>();
  const add = (shopId: string, wallets: readonly string[] | undefined, path: string) => {
    for (const [i, wallet] of (wallets ?? []).entries()) {
      if (!isAddress(wallet, { strict: false })) throw new FieldValueError("WRONG_TYPE", "expected a 0x-address", { path: `${path}[${i}]` });
      const key = shopKey(shopId, path);
      if (!listed.has(key)) listed.set(key, new Set());
      listed.get(key)?.add(getAddress(wallet));
    }
  };
  const lists = [...(shops === undefined ? [] : [["shops", shops] as const]), ...(file === undefined ? [] : [[file, readList(file)] as const])];
  for (const [source, list] of lists) for (const [shopId, entry] of Object.entries(list)) {
    add(shopId, entry.owners, `${source}.${shopId}.owners`);
    add(shopId, entry.clerks, `${source}.${shopId}.clerks`);
  }
  const firstWalletOwns = lists.length === 0 && mayEnrollClerk === undefined;
  return {
    firstWalletOwns,
    async mayEnrollClerk({ shopId, wallet: given, owner: givenOwner }) {
      // One spelling of each address, whatever case the caller used.
      const wallet = getAddress(given);
      const owner = givenOwner === undefined ? undefined : getAddress(givenOwner);
      if (listed.get(shopId.toLowerCase())?.has(wallet)) return true;
      if (mayEnrollClerk !== undefined && (await mayEnrollClerk({ shopId, wallet }))) return true;
      // Development: an unowned shop goes to the first wallet; then only the owner (and those it lists).
      return firstWalletOwns && (owner === undefined || owner === wallet);
    },
    listClerk({ shopId, wallet }) {
      add(shopId, [wallet], "listClerk.wallet");
    },
  };
}

function shopKey(shopId: string, path: string): string {
  if (!/^0x[0-9a-fA-F]{64}$/.test(shopId)) throw new FieldValueError("WRONG_TYPE", "expected a shop id as 0x + 64 hex digits", { path });
  return shopId.toLowerCase();
}

function readList(file: string): ShopAccessList {
  const value: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new FieldValueError("WRONG_TYPE", "expected a JSON object of shops", { path: file });
  return value as ShopAccessList;
}
