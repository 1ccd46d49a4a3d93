// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The snapshot's shape as data, so a restored state is checked field by field
// (docs/shop-state.md, "State shape"); a mismatch names the JSON path.
import type { Address } from "viem";
import { checksumAddress } from "../crypto/checksum-address.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { MAX_TTL_SECONDS } from "./hold.js";
import { SHOP_STATE_VERSION } from "./shop-state.js";

type Check = (value: unknown, path: string) => void;

const fail = (path: string, expected: string): never => {
  throw new FieldValueError("SCHEMA_MISMATCH", `expected ${expected}`, { path });
};
const pattern = (re: RegExp, what: string): Check => (v, p) => {
  if (typeof v !== "string" || !re.test(v)) fail(p, what);
};
const str: Check = (v, p) => {
  if (typeof v !== "string") fail(p, "a string");
};
const bool: Check = (v, p) => {
  if (typeof v !== "boolean") fail(p, "a boolean");
};
const int = (min: number, max: number): Check => (v, p) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) fail(p, `an integer in ${min}…${max}`);
};
const oneOf = (values: readonly string[]): Check => (v, p) => {
  if (typeof v !== "string" || !values.includes(v)) fail(p, `one of ${values.join(", ")}`);
};
const nullable = (check: Check): Check => (v, p) => {
  if (v !== null) check(v, p);
};
const list = (check: Check): Check => (v, p) => {
  if (!Array.isArray(v)) fail(p, "an array");
  (v as unknown[]).forEach((item, i) => check(item, `${p}[${i}]`));
};
const record = (key: Check, check: Check): Check => (v, p) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(p, "an object");
  for (const [k, item] of Object.entries(v as object)) {
    key(k, `${p} key ${JSON.stringify(k)}`);
    check(item, `${p}[${JSON.stringify(k)}]`);
  }
};
const object = (fields: Record<string, Check>): Check => (v, p) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(p, "an object");
  const value = v as Record<string, unknown>;
  for (const k of Object.keys(value)) if (!(k in fields)) fail(`${p}.${k}`, "no such member");
  for (const [k, check] of Object.entries(fields)) {
    if (!(k in value)) fail(`${p}.${k}`, "the member to be present");
    check(value[k], `${p}.${k}`);
  }
};

const decimal = pattern(/^(0|[1-9][0-9]*)$/, "a decimal integer string");
const hex = pattern(/^0x([0-9a-f]{2})*$/, "lowercase 0x-hex bytes");
const id = pattern(/^0x[0-9a-f]{16}$/, "an 8-byte id as 0x + 16 lowercase hex digits");
const hash = pattern(/^0x[0-9a-f]{64}$/, "32 bytes as 0x + 64 lowercase hex digits");
// EIP-55 exactly as the rules write it: a lowercase relay address would never equal a recovered signer.
const address: Check = (v, p) => {
  if (typeof v !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(v) || checksumAddress(v as Address) !== v) fail(p, "an EIP-55 checksummed address");
};
const inventoryKey = pattern(/^0x[0-9a-f]{16}(:0x[0-9a-f]{16})*$/, "an inventory key");
const ttlSeconds: Check = (v, p) => {
  if (typeof v !== "string" || !/^[1-9][0-9]{0,4}$/.test(v) || Number(v) > MAX_TTL_SECONDS) fail(p, `seconds as a decimal string, 1 … ${MAX_TTL_SECONDS}`);
};
const timestamp = object({ seconds: pattern(/^-?(0|[1-9][0-9]*)$/, "an int64 decimal string"), nanos: int(0, 999_999_999) });
const currency = object({ chainId: decimal, address });
const payee = object({ name: str, address, chainId: decimal, callAsContract: bool });
const signedAmount = object({ plus: bool, amount: decimal });
const region = object({
  name: str,
  country: str,
  postalCode: str,
  city: str,
  modifiers: list(object({ title: str, percentage: nullable(decimal), absolute: nullable(signedAmount) })),
});
const metadata = object({ title: str, description: str, images: list(str) });
const addressDetails = object({
  name: str, address1: str, address2: str, city: str, postalCode: str, country: str, emailAddress: str, phoneNumber: nullable(str),
});

/** Checks that `value` has the exact shape of a ShopState snapshot. */
export const checkStateShape: Check = object({
  version: int(SHOP_STATE_VERSION, SHOP_STATE_VERSION),
  shopId: hash,
  relays: list(address),
  eventCount: int(0, Number.MAX_SAFE_INTEGER),
  manifest: nullable(object({ tokenId: hash, payees: list(payee), acceptedCurrencies: list(currency), pricingCurrency: nullable(currency), shippingRegions: list(region) })),
  keycards: record(address, object({ publicKey: hex, userWallet: address, role: oneOf(["clerk", "guest"]), revoked: bool })),
  accounts: list(address),
  nonces: object({ lastNonces: record(address, decimal) }),
  listings: record(id, object({
    id,
    price: decimal,
    metadata,
    viewState: oneOf(["unspecified", "published", "deleted"]),
    options: list(object({ id, title: str, variations: list(object({ id, info: nullable(metadata), diff: nullable(signedAmount) })) })),
    stockStatuses: list(object({ variationIds: list(id), inStock: nullable(bool), expectedInStockBy: nullable(timestamp) })),
  })),
  tags: record(id, object({ id, name: str, listingIds: list(id), deleted: bool })),
  inventory: record(inventoryKey, object({ stock: int(0, 2 ** 31 - 1), committed: int(0, 2 ** 31 - 1) })),
  orders: record(id, object({
    id,
    owner: address,
    status: oneOf(["open", "committed", "payment_chosen", "unpaid", "paid", "canceled"]),
    items: list(object({ listingId: id, variationIds: list(id), quantity: int(1, 2 ** 32 - 1), unitPrice: nullable(decimal) })),
    createdAt: timestamp,
    committedAt: nullable(timestamp),
    canceledAt: nullable(timestamp),
    invoiceAddress: nullable(addressDetails),
    shippingAddress: nullable(addressDetails),
    addressUpdatedAt: nullable(timestamp),
    chosenPayee: nullable(payee),
    chosenCurrency: nullable(currency),
    paymentDetails: nullable(object({ paymentId: hash, total: decimal, listingHashes: list(str), ttl: ttlSeconds, shopSignature: nullable(hex), shippingRegion: nullable(str) })),
    paymentDetailsCreatedAt: nullable(timestamp),
    paymentTransactions: list(object({ txHash: nullable(hash), blockHash: nullable(hash) })),
    shippingStatus: nullable(str),
  })),
});
