// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Signed shop events for session tests: one writer per keycard, counting its
// nonces, and the events of a whole shop and order lifecycle.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { bytesToHex, type Hex, hexToBytes, type LocalAccount, numberToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { type ClientSession, createSignedEvent, type EventDomain, ShopEventSchema, type SignedEvent, signEvent } from "../../src/index.js";
import type { TestRelay } from "../../src/testing.js";

export type UnionInit = NonNullable<MessageInitShape<typeof ShopEventSchema>["union"]>;

export const SHOP_ID = 23n;
export const shopRaw = numberToBytes(SHOP_ID, { size: 32 });
export const id8 = (n: number): Uint8Array => numberToBytes(n, { size: 8 });
export const hex8 = (n: number): Hex => bytesToHex(id8(n));
const ETH = { chainId: 1n, address: { raw: new Uint8Array(20) } };
const PAYEE = { name: "main", address: { raw: hexToBytes("0x00000000000000000000000000000000000000aa") }, chainId: 1n, callAsContract: false };

/** A keycard that signs events for the test shop with increasing nonces. */
export class Writer {
  readonly account: LocalAccount;
  nonce = 0n;
  constructor(
    readonly domain: EventDomain,
    key: Hex = generatePrivateKey(),
    readonly shopId: Uint8Array = shopRaw,
  ) {
    this.account = privateKeyToAccount(key);
  }

  async sign(union: UnionInit, overrides: { nonce?: bigint; shopId?: Uint8Array } = {}): Promise<SignedEvent> {
    const nonce = overrides.nonce ?? ++this.nonce;
    const event = create(ShopEventSchema, { nonce, shopId: { raw: overrides.shopId ?? this.shopId }, timestamp: timestampFromMs(Date.now()), union });
    return createSignedEvent({ event, signature: await signEvent({ event, domain: this.domain, account: this.account }) });
  }
}

export const manifest = (shopId: Uint8Array = shopRaw): UnionInit => ({
  case: "manifest",
  value: { tokenId: { raw: shopId }, payees: [PAYEE], acceptedCurrencies: [ETH], pricingCurrency: ETH },
});
export const updateManifest = (): UnionInit => ({ case: "updateManifest", value: { addShippingRegions: [{ name: "everywhere" }] } });
export const listing = (n: number, price = 100n): UnionInit => ({
  case: "listing",
  value: { id: { raw: id8(n) }, price: { raw: numberToBytes(price, { size: 32 }) }, metadata: { title: `item ${n}`, description: "a thing", images: ["https://example.com/a.png"] }, viewState: 1 },
});
export const updateListing = (n: number, price: bigint): UnionInit => ({ case: "updateListing", value: { id: { raw: id8(n) }, price: { raw: numberToBytes(price, { size: 32 }) } } });
export const changeInventory = (n: number, diff: number): UnionInit => ({ case: "changeInventory", value: { id: { raw: id8(n) }, diff } });
export const tag = (n: number, name = `tag ${n}`): UnionInit => ({ case: "tag", value: { id: { raw: id8(n) }, name } });
export const updateTag = (n: number, listingId: number): UnionInit => ({ case: "updateTag", value: { id: { raw: id8(n) }, addListingIds: [{ raw: id8(listingId) }] } });
export const createOrder = (n: number): UnionInit => ({ case: "createOrder", value: { id: { raw: id8(n) } } });
type OrderAction = NonNullable<Extract<UnionInit, { case: "updateOrder" }>["value"]["action"]>;
const updateOrder = (n: number, action: OrderAction): UnionInit => ({ case: "updateOrder", value: { id: { raw: id8(n) }, action } });
export const addItems = (n: number, listingId: number, quantity: number): UnionInit =>
  updateOrder(n, { case: "changeItems", value: { adds: [{ listingId: { raw: id8(listingId) }, quantity }] } });
export const commitItems = (n: number): UnionInit => updateOrder(n, { case: "commitItems", value: {} });
export const invoiceAddress = (n: number): UnionInit =>
  updateOrder(n, { case: "setInvoiceAddress", value: { name: "Ada", address1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE", emailAddress: "ada@example.com" } });
export const choosePayment = (n: number): UnionInit => updateOrder(n, { case: "choosePayment", value: { currency: ETH, payee: PAYEE } });
export const cancelOrder = (n: number): UnionInit => updateOrder(n, { case: "cancel", value: {} });

/** A clerk keycard enrolled on a test relay for SHOP_ID and logged in on a fresh session (the start of most relay tests). */
export async function loggedInClerk(relay: TestRelay): Promise<{ clerk: Writer; session: ClientSession }> {
  const clerk = new Writer(relay.domain);
  await relay.enrollKeycard({ shopId: SHOP_ID, publicKey: clerk.account.publicKey });
  const session = await relay.connect();
  await session.login({ account: clerk.account });
  return { clerk, session };
}
