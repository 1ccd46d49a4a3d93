// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A realistic signed shop log of a given length for the state benchmark:
// keycards, a manifest, listings (half with two options of three variations),
// stock for every combination, then guests' orders through their whole life
// (items, commit, address, payment choice, relay payment details, payment,
// which takes the lines out of stock), every tenth one cancelled after commit.
import { create, toBinary } from "@bufbuild/protobuf";
import { type Address, hexToBytes, numberToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ShopEventSchema, type ShopEvent, SignedEventSchema } from "../src/index.js";
import { applyShopEvent, computeOrderTotal, createShopState, type ShopContext, type ShopState } from "../src/state/index.js";
import { createSignedEvent } from "../src/wire/create-signed-event.js";
import { signEvent } from "../src/eip712/sign-event.js";
import { domain } from "./fixtures.js";

const key = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as const;
const relay = privateKeyToAccount(key(0xbe1a));
const clerk = privateKeyToAccount(key(0xc1e4));
const guests = Array.from({ length: 20 }, (_, i) => privateKeyToAccount(key(0x9000 + i)));
const id = (n: number) => ({ raw: numberToBytes(n, { size: 8 }) });
const u256 = (n: bigint | number) => ({ raw: numberToBytes(BigInt(n), { size: 32 }) });
const eth = { chainId: 1n, address: { raw: new Uint8Array(20) } };
const payee = { name: "main", address: { raw: hexToBytes("0x00000000000000000000000000000000000000bb") }, chainId: 1n };
const region = { name: "domestic", country: "United Kingdom", orderPriceModifiers: [{ title: "VAT", modification: { case: "percentage" as const, value: u256(19) } }, { title: "DHL", modification: { case: "absolute" as const, value: { plusSign: true, diff: u256(500) } } }] };
const address = { name: "Ada Lovelace", address1: "1 Analytical Road", city: "London", postalCode: "N1 9GU", country: "United Kingdom", emailAddress: "ada@example.org" };

export const stateContext: ShopContext = { shopId: 0x5eedn, relays: [relay.address] };

export interface StateLog {
  readonly events: { event: ShopEvent; signer: Address }[];
  readonly signedEvents: Uint8Array[];
  readonly state: ShopState;
  readonly listings: number;
  readonly orders: number;
}

/** Builds and signs a valid log of exactly `length` events (folded once here to price the orders). */
export async function buildStateLog(length: number): Promise<StateLog> {
  const nonces = new Map<string, bigint>();
  const events: StateLog["events"] = [];
  const accounts = new Map<string, typeof relay>([[relay.address, relay], [clerk.address, clerk], ...guests.map((g) => [g.address, g] as const)]);
  let state = createShopState({ context: stateContext });
  let clock = 1_767_225_600n;
  const push = (by: typeof relay, union: Parameters<typeof create<typeof ShopEventSchema>>[1] extends infer I ? (I extends { union?: infer U } ? U : never) : never) => {
    if (events.length >= length) return false;
    const nonce = (nonces.get(by.address) ?? 0n) + 1n;
    const event = create(ShopEventSchema, { nonce, shopId: { raw: numberToBytes(0x5eedn, { size: 32 }) }, timestamp: { seconds: (clock += 7n) }, union });
    state = applyShopEvent({ state, event, signer: by.address });
    nonces.set(by.address, nonce);
    events.push({ event, signer: by.address });
    return true;
  };
  const enroll = (who: typeof relay, wallet: Uint8Array) =>
    push(relay, { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: hexToBytes(who.publicKey).slice(1) }, userWallet: { raw: wallet } } } } });
  enroll(clerk, hexToBytes("0x00000000000000000000000000000000000000c1"));
  for (const g of guests) enroll(g, new Uint8Array(20));
  push(clerk, { case: "manifest", value: { tokenId: u256(0x5eedn), payees: [payee], acceptedCurrencies: [eth], pricingCurrency: eth, shippingRegions: [region] } });
  const listingCount = Math.max(10, Math.floor(length / 50));
  const combos: { listing: number; variations: number[] }[] = [];
  for (let l = 1; l <= listingCount; l++) {
    const options = l % 2 === 0 ? [0, 1].map((o) => ({ id: id(l * 100 + o * 10), title: o === 0 ? "Size" : "Colour", variations: [1, 2, 3].map((v) => ({ id: id(l * 100 + o * 10 + v), variationInfo: { title: `v${v}` }, diff: { plusSign: v !== 3, diff: u256(v * 25) } })) })) : [];
    push(clerk, { case: "listing", value: { id: id(l), price: u256(1000 + l), metadata: { title: `Item ${l}`, description: `A fine item, number ${l}.`, images: [`https://cdn.example.com/${l}.webp`] }, viewState: 1, options } });
    const sets = options.length === 0 ? [[]] : [1, 2, 3].flatMap((a) => [1, 2, 3].map((b) => [l * 100 + a, l * 100 + 10 + b]));
    for (const variations of sets) {
      push(clerk, { case: "changeInventory", value: { id: id(l), variationIds: variations.map(id), diff: 1000 } });
      combos.push({ listing: l, variations });
    }
  }
  let orderId = 10_000;
  let orders = 0;
  while (events.length < length) {
    const g = guests[orderId % guests.length] as typeof relay;
    const o = id(++orderId);
    const lines = [combos[(orderId * 7) % combos.length], combos[(orderId * 13 + 1) % combos.length]].filter((c, i, all) => all.findIndex((x) => x === c) === i) as typeof combos;
    const update = (action: unknown, by = g) => push(by, { case: "updateOrder", value: { id: o, action } } as never);
    if (!push(g, { case: "createOrder", value: { id: o } })) break;
    orders++;
    update({ case: "changeItems", value: { adds: lines.map((c) => ({ listingId: id(c.listing), variationIds: c.variations.map(id), quantity: 1 + (orderId % 3) })) } });
    update({ case: "commitItems", value: {} });
    if (orderId % 10 === 0) {
      update({ case: "cancel", value: {} });
      continue;
    }
    update({ case: "setShippingAddress", value: address });
    update({ case: "choosePayment", value: { currency: eth, payee } });
    if (events.length >= length) break;
    const total = computeOrderTotal({ state, orderId: `0x${orderId.toString(16).padStart(16, "0")}`, shippingRegion: "domestic" });
    update({ case: "setPaymentDetails", value: { paymentId: u256(orderId), total: u256(total), ttl: "86400", shippingRegion: region } }, relay);
    update({ case: "addPaymentTx", value: { txHash: u256(orderId), blockHash: u256(orderId + 1) } }, relay);
  }
  const signedEvents: Uint8Array[] = [];
  for (const { event, signer } of events) {
    const signature = await signEvent({ event, domain, account: accounts.get(signer) as typeof relay });
    signedEvents.push(toBinary(SignedEventSchema, createSignedEvent({ event, signature })));
  }
  return { events, signedEvents, state, listings: listingCount, orders };
}
