// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// From an empty shop to a paid order (`npx tsx examples/shop-to-paid.ts`):
// an owner sets up a shop on the test relay (payee, currency, an EU region
// with 19% VAT, a listing with sizes, stock); a customer (a guest keycard)
// follows the shop through its customer view only, orders, chooses a
// payment, and is paid; each side prints what it sees. The run ends with
// an error when the relay's charged total is not the rules' total.
// #region readme
import type { LocalAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import {
  type ClientSession,
  createShopEvent,
  createSignedEvent,
  CUSTOMER_VIEW_FILTERS,
  customerOrderTotal,
  type EventDomain,
  ethereumAddress,
  listingUnitPrice,
  objectId,
  type ShopEventUnion,
  signEvent,
  uint256,
} from "../src/index.js";
import { startTestRelay, type TestRelay } from "../src/testing.js";

const SHOP_ID = 23n;
// 6 decimals, as USDC: 39.5 is 39_500_000.
const USDC = { chainId: 31337n, address: ethereumAddress({ address: "0x00000000000000000000000000000000000000c1" }) };
const PAYEE = { name: "shop wallet", address: ethereumAddress({ address: "0x00000000000000000000000000000000000000aa" }), chainId: 31337n, callAsContract: false };
const usdc = (amount: bigint | null) => (amount === null ? "unknown" : `${amount / 1_000_000n}.${(amount % 1_000_000n).toString().padStart(6, "0")} USDC`);

/** Signs events for one keycard, counting its nonces. */
function signer({ account, session, domain }: { account: LocalAccount; session: ClientSession; domain: EventDomain }) {
  let nonce = 0n;
  return async (union: ShopEventUnion): Promise<void> => {
    const event = createShopEvent({ shopId: SHOP_ID, nonce: ++nonce, union });
    await session.write({ events: [createSignedEvent({ event, signature: await signEvent({ event, domain, account }) })] });
  };
}

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const relay = await startTestRelay(); // in memory, on loopback
  try {
    await run(relay, log);
  } finally {
    await relay.close();
  }
}

async function run(relay: TestRelay, log: (line: string) => void): Promise<void> {
  // Owner: a clerk keycard; customer: a guest keycard (dev enrollment on the test relay).
  const ownerKey = privateKeyToAccount(generatePrivateKey());
  const customerKey = privateKeyToAccount(generatePrivateKey());
  await relay.enrollKeycard({ shopId: SHOP_ID, publicKey: ownerKey.publicKey });
  await relay.enrollKeycard({ shopId: SHOP_ID, publicKey: customerKey.publicKey, guest: true });

  const owner = await relay.connect();
  await owner.login({ account: ownerKey });
  await owner.subscribe({ shopId: SHOP_ID }); // the whole shop, folded into owner.state
  const ownerWrites = signer({ account: ownerKey, session: owner, domain: relay.domain });
  await ownerWrites({ case: "manifest", value: { tokenId: uint256({ value: SHOP_ID }), payees: [PAYEE], acceptedCurrencies: [USDC], pricingCurrency: USDC } });
  await ownerWrites({
    case: "updateManifest",
    value: { addShippingRegions: [{ name: "EU", country: "DE", orderPriceModifiers: [{ title: "VAT 19%", modification: { case: "percentage", value: uint256({ value: 19n }) } }] }] },
  });
  await ownerWrites({ case: "listing", value: { id: objectId({ id: 1n }), price: uint256({ value: 39_500_000n }), metadata: { title: "T-shirt", description: "Organic cotton", images: ["https://example.com/shirt.png"] }, viewState: 1 } });
  await ownerWrites({
    case: "updateListing",
    value: {
      id: objectId({ id: 1n }),
      addOptions: [{ id: objectId({ id: 10n }), title: "size", variations: [
        { id: objectId({ id: 11n }), variationInfo: { title: "M", description: "medium" } },
        { id: objectId({ id: 12n }), variationInfo: { title: "XL", description: "extra large" }, diff: { plusSign: true, diff: uint256({ value: 2_000_000n }) } },
      ] }],
    },
  });
  await ownerWrites({ case: "changeInventory", value: { id: objectId({ id: 1n }), variationIds: [objectId({ id: 11n })], diff: 10 } });
  await owner.synced();
  log(`owner: shop ${SHOP_ID} has ${Object.keys(owner.state?.listings ?? {}).length} listing, stock of M: ${owner.state?.inventory["0x0000000000000001:0x000000000000000b"]?.stock}`);

  // Customer: a guest follows everything it may see, through its customer view.
  const customer = await relay.connect();
  await customer.login({ account: customerKey });
  await customer.subscribe({ shopId: SHOP_ID, filters: CUSTOMER_VIEW_FILTERS });
  await customer.synced();
  const shirt = customer.view?.listings["0x0000000000000001"];
  if (shirt === undefined) throw new Error("the customer's view has no listing");
  log(`customer: "${shirt.metadata.title}" M costs ${usdc(listingUnitPrice({ listing: shirt, variationIds: [11n] }))}, XL ${usdc(listingUnitPrice({ listing: shirt, variationIds: [12n] }))}`);

  const customerWrites = signer({ account: customerKey, session: customer, domain: relay.domain });
  const order = objectId({ id: 7n });
  const shipTo = { name: "Ada", address1: "1 Hauptstraße", city: "Berlin", postalCode: "10115", country: "DE", emailAddress: "ada@example.com" };
  await customerWrites({ case: "createOrder", value: { id: order } });
  await customerWrites({ case: "updateOrder", value: { id: order, action: { case: "changeItems", value: { adds: [{ listingId: objectId({ id: 1n }), variationIds: [objectId({ id: 11n })], quantity: 1 }] } } } });
  await customerWrites({ case: "updateOrder", value: { id: order, action: { case: "setShippingAddress", value: shipTo } } });
  await customerWrites({ case: "updateOrder", value: { id: order, action: { case: "commitItems", value: {} } } });
  await customerWrites({ case: "updateOrder", value: { id: order, action: { case: "choosePayment", value: { currency: USDC, payee: PAYEE } } } });

  // The relay answers choose_payment with payment details: wait for them in the view.
  const unpaid = await customer.waitFor({ until: ({ view }) => view?.orders["0x0000000000000007"]?.status === "unpaid" && view.orders["0x0000000000000007"], timeout: 10_000 });
  const ruled = customer.view === undefined ? null : customerOrderTotal({ view: customer.view, orderId: order, shippingRegion: "EU" });
  log(`customer: order ${unpaid.status}, subtotal ${usdc(unpaid.subtotal)}, region ${unpaid.paymentDetails?.shippingRegion ?? "none"}`);
  log(`customer: the relay charges ${usdc(unpaid.charged)}; the rules give ${usdc(ruled)} with EU VAT`);
  if (unpaid.charged !== ruled) throw new Error(`charged ${usdc(unpaid.charged)} is not the EU total ${usdc(ruled)}`);

  await relay.simulatePayment({ shopId: SHOP_ID, orderId: order }); // dev-only: the chain's payment
  const paid = await customer.waitFor({ until: ({ view }) => view?.orders["0x0000000000000007"]?.status === "paid" && view.orders["0x0000000000000007"], timeout: 10_000 });
  log(`customer: order ${paid.status}, ${paid.paymentTransactions.length} payment`);
  await owner.synced();
  log(`owner: order ${owner.state?.orders["0x0000000000000007"]?.status}, stock of M now ${owner.state?.inventory["0x0000000000000001:0x000000000000000b"]?.stock}`);
  customer.close();
  owner.close();
}
// #endregion readme


// Below: only for running this file directly.
import { pathToFileURL } from "node:url";

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
