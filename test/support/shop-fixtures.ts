// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Keys, ids and an event builder for the shop state tests, vectors and bench.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { type Address, hexToBytes, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { ShippingRegionSchema } from "../../gen/market/mass/base_types_pb.js";
import { ShopEventSchema, type ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { ShopContext } from "../../src/state/shop-context.js";

export const SHOP_ID = 0x5a5a_0001n;
export const SHOP_ID_BYTES = hexToBytes(`0x${SHOP_ID.toString(16).padStart(64, "0")}`);

function party(key: Hex) {
  const account = privateKeyToAccount(key);
  return { key, account, address: account.address as Address, publicKey: hexToBytes(account.publicKey).slice(1) };
}

export const relay = party("0x1111111111111111111111111111111111111111111111111111111111111111");
export const clerk = party("0x2222222222222222222222222222222222222222222222222222222222222222");
export const guest = party("0x3333333333333333333333333333333333333333333333333333333333333333");
export const guest2 = party("0x4444444444444444444444444444444444444444444444444444444444444444");
export const stranger = party("0x5555555555555555555555555555555555555555555555555555555555555555");
export const retired = party("0x6666666666666666666666666666666666666666666666666666666666666666");
export type Party = ReturnType<typeof party>;

export const clerkWallet = "0x00000000000000000000000000000000000000c1" as const;
export const context: ShopContext = { shopId: SHOP_ID, relays: [relay.address] };

/** An 8-byte ObjectId from a small number. */
export const oid = (n: number) => ({ raw: hexToBytes(`0x${n.toString(16).padStart(16, "0")}`) });
/** The hex form of {@link oid} as the state keys it. */
export const oidHex = (n: number) => `0x${n.toString(16).padStart(16, "0")}` as Hex;
/** A Uint256. */
export const u256 = (n: bigint | number) => ({ raw: hexToBytes(`0x${BigInt(n).toString(16).padStart(64, "0")}`) });
/** A 20-byte EthereumAddress. */
export const eth = (address: Hex) => ({ raw: hexToBytes(address) });
/** A 32-byte Hash. */
export const h32 = (n: number) => ({ raw: hexToBytes(`0x${n.toString(16).padStart(64, "0")}`) });

export type UnionInit = NonNullable<MessageInitShape<typeof ShopEventSchema>["union"]>;

/** Builds a log: per-signer nonces count up from 1; timestamps advance an hour per event. */
export class LogBuilder {
  private readonly nonces = new Map<string, bigint>();
  private clock = 1_700_000_000n;
  readonly entries: { event: ShopEvent; signer: Address }[] = [];

  /** The next event of `by`, not yet recorded (use {@link push} to keep it). */
  next(by: Party, union: UnionInit, options: { nonce?: bigint; shopId?: Uint8Array } = {}): { event: ShopEvent; signer: Address } {
    const nonce = options.nonce ?? (this.nonces.get(by.address) ?? 0n) + 1n;
    const event = create(ShopEventSchema, { nonce, shopId: { raw: options.shopId ?? SHOP_ID_BYTES }, timestamp: { seconds: this.clock }, union });
    return { event, signer: by.address };
  }

  /** Records an event as accepted: its nonce becomes the signer's last. */
  push(by: Party, union: UnionInit): { event: ShopEvent; signer: Address } {
    const entry = this.next(by, union);
    this.nonces.set(by.address, entry.event.nonce);
    this.clock += 3600n;
    this.entries.push(entry);
    return entry;
  }
}

/** The Account events that make `clerk` a clerk and `guest`/`guest2` guests. */
export function enrollAll(log: LogBuilder): void {
  log.push(relay, { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: clerk.publicKey }, userWallet: eth(clerkWallet) } } } });
  for (const g of [guest, guest2]) {
    log.push(relay, { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: g.publicKey }, userWallet: eth("0x0000000000000000000000000000000000000000") } } } });
  }
}

export const ETH = { chainId: 1n, address: eth("0x0000000000000000000000000000000000000000") };
export const USDC = { chainId: 1n, address: eth("0x00000000000000000000000000000000000000aa") };
export const PAYEE = { name: "main", address: eth("0x00000000000000000000000000000000000000bb"), chainId: 1n, callAsContract: false };
export const ADDRESS = { name: "Ada", address1: "1 Road", city: "Berlin", postalCode: "10115", country: "Germany", emailAddress: "ada@example.org" };
/** An address no region but the catch-all ("other") names. */
export const ABROAD = { ...ADDRESS, city: "Osaka", postalCode: "530-0001", country: "Japan" };

/** Two shipping regions: domestic (VAT 19%, then +500) and other (+4200). */
export const REGIONS = [
  { name: "domestic", country: "Germany", orderPriceModifiers: [{ title: "VAT", modification: { case: "percentage", value: u256(19) } }, { title: "DHL", modification: { case: "absolute", value: { plusSign: true, diff: u256(500) } } }] },
  { name: "other", orderPriceModifiers: [{ title: "Intl", modification: { case: "absolute", value: { plusSign: true, diff: u256(4200) } } }] },
] as const satisfies readonly MessageInitShape<typeof ShippingRegionSchema>[];

/** A manifest with a payee, ETH accepted and pricing, and two shipping regions. */
export function manifestUnion(): UnionInit {
  return {
    case: "manifest",
    value: {
      tokenId: { raw: SHOP_ID_BYTES },
      payees: [PAYEE],
      acceptedCurrencies: [ETH],
      pricingCurrency: ETH,
      shippingRegions: [...REGIONS],
    },
  };
}

/** Listing 1: no options, price 1000. Listing 2: option 10 (Size) with variations 11 (+0), 12 (+200), 13 (−100), price 1400. */
export function listingUnions(): UnionInit[] {
  const meta = (title: string) => ({ title, description: `about ${title}`, images: ["https://example.org/i.png"] });
  return [
    { case: "listing", value: { id: oid(1), price: u256(1000), metadata: meta("pen"), viewState: 1 } },
    {
      case: "listing",
      value: {
        id: oid(2), price: u256(1400), metadata: meta("painting"), viewState: 1,
        options: [{ id: oid(10), title: "Size", variations: [
          { id: oid(11), variationInfo: { title: "S" } },
          { id: oid(12), variationInfo: { title: "M" }, diff: { plusSign: true, diff: u256(200) } },
          { id: oid(13), variationInfo: { title: "XS" }, diff: { plusSign: false, diff: u256(100) } },
        ] }],
      },
    },
  ];
}
