// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The largest events an honest shop plausibly writes (the hashing budget must
// fit them with room), and the costliest events a hostile keycard can build
// within the default budget (they must still open quickly). Shared by
// test/security/hashing-cost.test.ts and the bench.
import { create, toBinary } from "@bufbuild/protobuf";
import { numberToBytes } from "viem";
import { DEFAULT_HASHING_BUDGET, eventHashingCost, type ShopEvent, ShopEventSchema } from "../../src/index.js";

const uint256 = (value: bigint) => ({ raw: numberToBytes(value, { size: 32 }) });
const objectId = (n: number) => ({ raw: numberToBytes(n, { size: 8 }) });
const address = (n: number) => ({ raw: numberToBytes(n, { size: 20 }) });
const head = { nonce: 7n, shopId: uint256(0x5eedn), timestamp: { seconds: 1_767_225_600n, nanos: 0 } };
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A listing with 6 options of 8 variations each (title, description, image, price difference), 6 images, and 48 stock entries. */
export function bigListing(): ShopEvent {
  return create(ShopEventSchema, {
    ...head,
    union: {
      case: "listing",
      value: {
        id: objectId(1),
        price: uint256(24_990_000n),
        metadata: { title: "Configurable desk", description: "Solid oak desk in many sizes and finishes. ".repeat(8), images: range(6).map((i) => `https://cdn.example.com/desk-${i}.webp`) },
        options: range(6).map((o) => ({
          id: objectId(0x100 + o),
          title: `Option ${o}`,
          variations: range(8).map((v) => ({
            id: objectId(0x1000 + 16 * o + v),
            variationInfo: { title: `Choice ${o}.${v}`, description: `Choice ${v} of option ${o}`, images: [`https://cdn.example.com/desk-${o}-${v}.webp`] },
            diff: { plusSign: true, diff: uint256(BigInt(1000 * v)) },
          })),
        })),
        stockStatuses: range(48).map((i) => ({ variationIds: [objectId(0x1000 + i), objectId(0x1001 + i)], status: { case: "inStock" as const, value: true } })),
      },
    },
  });
}

/** An order change adding 128 items, each a listing with two chosen variations. */
export function bigOrder(): ShopEvent {
  return create(ShopEventSchema, {
    ...head,
    union: {
      case: "updateOrder",
      value: {
        id: objectId(0xc0ffee),
        action: {
          case: "changeItems",
          value: { adds: range(128).map((i) => ({ listingId: objectId(0x1000 + i), variationIds: [objectId(2 * i), objectId(2 * i + 1)], quantity: 1 + (i % 5) })) },
        },
      },
    },
  });
}

/** A manifest shipping to 48 regions, each with a tax and a fee, with 8 payees and 8 currencies. */
export function bigManifest(): ShopEvent {
  return create(ShopEventSchema, {
    ...head,
    union: {
      case: "manifest",
      value: {
        tokenId: uint256(0x5eedn),
        payees: range(8).map((i) => ({ name: `payee ${i}`, address: address(i + 1), chainId: 1n, callAsContract: false })),
        acceptedCurrencies: range(8).map((i) => ({ chainId: BigInt(i + 1), address: address(0x100 + i) })),
        pricingCurrency: { chainId: 1n, address: address(0x100) },
        shippingRegions: range(48).map((i) => ({
          name: `region ${i}`,
          country: `C${i}`,
          postalCode: "",
          city: "",
          orderPriceModifiers: [
            { title: "VAT", modification: { case: "percentage" as const, value: uint256(19n) } },
            { title: "Shipping", modification: { case: "absolute" as const, value: { plusSign: true, diff: uint256(4_990_000n) } } },
          ],
        })),
      },
    },
  });
}

/** The realistic large events, by name. */
export const largeEvents: readonly { readonly name: string; readonly event: () => ShopEvent }[] = [
  { name: "listing, 6 options × 8 variations", event: bigListing },
  { name: "order, 128 items", event: bigOrder },
  { name: "manifest, 48 regions", event: bigManifest },
];

/** Manifest of `count` empty shipping regions: 2 wire bytes for 5 keccak calls each, the costliest shape per byte. */
export function emptyRegionsManifest(count: number): ShopEvent {
  return create(ShopEventSchema, {
    ...head,
    union: { case: "manifest", value: { tokenId: uint256(1n), pricingCurrency: { chainId: 1n, address: address(1) }, shippingRegions: range(count).map(() => ({})) } },
  });
}

/** The most empty shipping regions the default hashing budget admits: the worst event a keycard can make it hash. */
export function worstAdmittedEvent(): ShopEvent {
  let low = 1;
  let high = 1 << 16;
  const fits = (count: number) => {
    try {
      eventHashingCost({ eventBytes: toBinary(ShopEventSchema, emptyRegionsManifest(count)), budget: DEFAULT_HASHING_BUDGET });
      return true;
    } catch {
      return false;
    }
  };
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return emptyRegionsManifest(low);
}
