// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The realistic events every benchmark uses: a nested Listing, an UpdateOrder
// carrying payment details and a small ChangeInventory, plus a fixed domain and key.
import { create } from "@bufbuild/protobuf";
import { hexToBytes, numberToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { type EventDomain, ListingViewState, type ShopEvent, ShopEventSchema } from "../src/index.js";

export const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };

// A fixed key keeps signatures (RFC 6979, deterministic) identical between runs.
export const privateKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318" as const;
export const account = privateKeyToAccount(privateKey);

const uint256 = (value: bigint) => ({ raw: numberToBytes(value, { size: 32 }) });
const objectId = (n: number) => ({ raw: numberToBytes(n, { size: 8 }) });
const stamp = { seconds: 1_767_225_600n, nanos: 250_000_000 };
const head = { nonce: 4_711n, shopId: uint256(0x5eedn), timestamp: stamp };

const variation = (id: number, title: string, plus?: bigint) => ({
  id: objectId(id),
  variationInfo: { title, description: `${title} cut, same organic cotton`, images: [`https://cdn.example.com/shirt-${id}.webp`] },
  ...(plus === undefined ? {} : { diff: { plusSign: plus >= 0n, diff: uint256(plus < 0n ? -plus : plus) } }),
});

/** A listing as a merchant publishes it: metadata with images, two options, stock per combination. */
export const listingEvent: ShopEvent = create(ShopEventSchema, {
  ...head,
  union: {
    case: "listing",
    value: {
      id: objectId(0x1001),
      price: uint256(24_990_000n),
      metadata: {
        title: "Mass Market T-shirt",
        description:
          "Heavyweight organic cotton tee with the Mass Market logo screen-printed on the chest. Pre-shrunk, relaxed fit, made in Portugal. Machine wash cold, hang to dry.",
        images: ["https://cdn.example.com/shirt-front.webp", "https://cdn.example.com/shirt-back.webp", "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"],
      },
      viewState: ListingViewState.PUBLISHED,
      options: [
        { id: objectId(0x10), title: "Size", variations: [variation(0x11, "S"), variation(0x12, "M"), variation(0x13, "L"), variation(0x14, "XL", 2_000_000n)] },
        { id: objectId(0x20), title: "Colour", variations: [variation(0x21, "Black"), variation(0x22, "Sand", -500_000n)] },
      ],
      stockStatuses: [
        { variationIds: [objectId(0x11), objectId(0x21)], status: { case: "inStock", value: true } },
        { variationIds: [objectId(0x14), objectId(0x22)], status: { case: "expectedInStockBy", value: { seconds: 1_769_904_000n, nanos: 0 } } },
      ],
    },
  },
});

/** The relay's payment details for a committed order, with a shipping region and price modifiers. */
export const updateOrderEvent: ShopEvent = create(ShopEventSchema, {
  ...head,
  union: {
    case: "updateOrder",
    value: {
      id: objectId(0xc0ffee),
      action: {
        case: "setPaymentDetails",
        value: {
          paymentId: { raw: hexToBytes("0x9f2c4b7a1e3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8") },
          total: uint256(52_470_000n),
          listingHashes: [
            { cid: "/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi" },
            { cid: "/ipfs/bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku" },
          ],
          ttl: "3600",
          shopSignature: { raw: hexToBytes(`0x${"5a".repeat(64)}1b`) },
          shippingRegion: {
            name: "Germany",
            country: "DE",
            postalCode: "10115",
            city: "Berlin",
            orderPriceModifiers: [
              { title: "VAT", modification: { case: "percentage", value: uint256(19n) } },
              { title: "Shipping", modification: { case: "absolute", value: { plusSign: true, diff: uint256(4_990_000n) } } },
            ],
          },
        },
      },
    },
  },
});

/** A stock change of one variation combination. */
export const changeInventoryEvent: ShopEvent = create(ShopEventSchema, {
  ...head,
  union: { case: "changeInventory", value: { id: objectId(0x1001), variationIds: [objectId(0x12), objectId(0x21)], diff: -3 } },
});

export const fixtures: readonly { readonly name: string; readonly event: ShopEvent }[] = [
  { name: "Listing", event: listingEvent },
  { name: "UpdateOrder", event: updateOrderEvent },
  { name: "ChangeInventory", event: changeInventoryEvent },
];
