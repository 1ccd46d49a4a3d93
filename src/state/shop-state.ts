// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The shape of a folded shop (docs/shop-state.md, "State shape"). Only JSON
// values (strings, safe integers, booleans, null, arrays, objects), so a
// snapshot is the state itself written as canonical JSON.
import type { Address, Hex } from "viem";
import type { NonceTracker } from "../wire/nonce-tracker.js";

/** Version of the state shape and its snapshot form; bumped on any change to either. */
export const SHOP_STATE_VERSION = 3;

/** A point in time as in `google.protobuf.Timestamp`: seconds as a decimal string (int64), nanos 0…999,999,999. */
export interface StateTimestamp {
  readonly seconds: string;
  readonly nanos: number;
}

/** A token on a chain: `chainId` as a decimal string (uint64); the zero address is the chain's native coin. */
export interface CurrencyState {
  readonly chainId: string;
  readonly address: Address;
}

/** A payment destination; `name` is unique in the shop. */
export interface PayeeState {
  readonly name: string;
  readonly address: Address;
  readonly chainId: string;
  readonly callAsContract: boolean;
}

/** A signed amount: `amount` is a decimal uint256 string, `plus` its sign. */
export interface SignedAmountState {
  readonly plus: boolean;
  readonly amount: string;
}

/** One order price modifier: exactly one of `percentage` (decimal, whole percent added) and `absolute` is not null. */
export interface PriceModifierState {
  readonly title: string;
  readonly percentage: string | null;
  readonly absolute: SignedAmountState | null;
}

/** A shipping region of the manifest; `name` is unique in the shop. */
export interface ShippingRegionState {
  readonly name: string;
  readonly country: string;
  readonly postalCode: string;
  readonly city: string;
  readonly modifiers: readonly PriceModifierState[];
}

/** The shop's settings, from Manifest and UpdateManifest. Lists keep the order in which entries were added. */
export interface ManifestState {
  /** 0x + 64 hex digits; always the shop id. */
  readonly tokenId: Hex;
  readonly payees: readonly PayeeState[];
  readonly acceptedCurrencies: readonly CurrencyState[];
  readonly pricingCurrency: CurrencyState | null;
  readonly shippingRegions: readonly ShippingRegionState[];
}

/** Who a signer is for this shop (docs/shop-state.md, "Roles"). */
export type ShopRole = "clerk" | "guest" | "relay";

/** An enrolled keycard, keyed in {@link ShopState.keycards} by its checksummed address. */
export interface KeycardState {
  /** 64-byte public key (x ‖ y) as 0x-hex. */
  readonly publicKey: Hex;
  /** The wallet it acts for; the zero address enrolls a guest. */
  readonly userWallet: Address;
  readonly role: "clerk" | "guest";
  /** True once revoked (Account.revoke_keycard, or Account.remove of its wallet); a revoked keycard signs nothing. */
  readonly revoked: boolean;
}

/** Title, description and image locations. */
export interface MetadataState {
  readonly title: string;
  readonly description: string;
  readonly images: readonly string[];
}

/** One choice within an option; `diff` null means no price change. */
export interface VariationState {
  readonly id: Hex;
  readonly info: MetadataState | null;
  readonly diff: SignedAmountState | null;
}

/** One dimension of a listing with its variations, in the order they were added. */
export interface OptionState {
  readonly id: Hex;
  readonly title: string;
  readonly variations: readonly VariationState[];
}

/** Availability shown for a variation combination; exactly one of `inStock` and `expectedInStockBy` is not null. */
export interface StockStatusState {
  /** Sorted ascending (as unsigned 64-bit big-endian numbers, i.e. as lowercase hex). */
  readonly variationIds: readonly Hex[];
  readonly inStock: boolean | null;
  readonly expectedInStockBy: StateTimestamp | null;
}

/** `ListingViewState` by name. */
export type ListingViewStateName = "unspecified" | "published" | "deleted";

/** A listing, keyed in {@link ShopState.listings} by its id. */
export interface ListingState {
  readonly id: Hex;
  /** Base price, decimal uint256, in the pricing currency's smallest unit. */
  readonly price: string;
  readonly metadata: MetadataState;
  readonly viewState: ListingViewStateName;
  readonly options: readonly OptionState[];
  /** Sorted by the joined variation ids. */
  readonly stockStatuses: readonly StockStatusState[];
}

/** A tag, keyed in {@link ShopState.tags} by its id. */
export interface TagState {
  readonly id: Hex;
  readonly name: string;
  /** Sorted ascending. */
  readonly listingIds: readonly Hex[];
  readonly deleted: boolean;
}

/**
 * Stock of one inventory key (a listing and a full variation combination),
 * keyed in {@link ShopState.inventory} by {@link inventoryKey}.
 * Invariant: 0 ≤ `committed` ≤ `stock` ≤ 2^31 − 1.
 */
export interface StockState {
  /** Sum of the accepted ChangeInventory diffs. */
  readonly stock: number;
  /** Units held by orders in committed, payment_chosen or unpaid (their payment takes them out of stock); available = stock − committed. */
  readonly committed: number;
}

/** One line of an order: a listing, one variation per option (sorted), a count. */
export interface OrderLineState {
  readonly listingId: Hex;
  /** Sorted ascending. */
  readonly variationIds: readonly Hex[];
  /** 1 … 2^32 − 1. */
  readonly quantity: number;
  /** Price of one unit frozen at commit_items (listing price ± the variations' diffs, decimal uint256 in the pricing currency); null while the order is open. */
  readonly unitPrice: string | null;
}

/** The order lifecycle (docs/shop-state.md, "Orders"). */
export type OrderStatus = "open" | "committed" | "payment_chosen" | "unpaid" | "paid" | "canceled";

/** Postal address and contact of an order. */
export interface AddressState {
  readonly name: string;
  readonly address1: string;
  readonly address2: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
  readonly emailAddress: string;
  readonly phoneNumber: string | null;
}

/** The payment request the relay issued for an order. */
export interface PaymentDetailsState {
  readonly paymentId: Hex;
  /** Decimal uint256 in the chosen currency's smallest unit. */
  readonly total: string;
  readonly listingHashes: readonly string[];
  /** Seconds the payment request, and with it the order's hold on stock, lasts after `paymentDetailsCreatedAt`: decimal, 1 … 86,400. */
  readonly ttl: string;
  /** The relay's signature bytes as given (any length), or null when the event has none. */
  readonly shopSignature: Hex | null;
  /** Name of the manifest shipping region applied, or null when none was. */
  readonly shippingRegion: string | null;
}

/** An on-chain payment of an order. */
export interface PaymentTransactionState {
  readonly txHash: Hex | null;
  readonly blockHash: Hex | null;
}

/** An order, keyed in {@link ShopState.orders} by its id. */
export interface OrderState {
  readonly id: Hex;
  /** The keycard that created it; a guest keycard may only change its own orders. */
  readonly owner: Address;
  readonly status: OrderStatus;
  /** Sorted by inventory key. */
  readonly items: readonly OrderLineState[];
  readonly createdAt: StateTimestamp;
  readonly committedAt: StateTimestamp | null;
  readonly canceledAt: StateTimestamp | null;
  readonly invoiceAddress: AddressState | null;
  readonly shippingAddress: AddressState | null;
  readonly addressUpdatedAt: StateTimestamp | null;
  readonly chosenPayee: PayeeState | null;
  readonly chosenCurrency: CurrencyState | null;
  readonly paymentDetails: PaymentDetailsState | null;
  readonly paymentDetailsCreatedAt: StateTimestamp | null;
  readonly paymentTransactions: readonly PaymentTransactionState[];
  readonly shippingStatus: string | null;
}

/**
 * The whole state of one shop, folded from its log: plain JSON data, so it
 * can be stored, sent and compared as {@link shopStateToJSON} text.
 * Treat it as immutable: {@link applyShopEvent} returns a new one.
 */
export interface ShopState {
  readonly version: typeof SHOP_STATE_VERSION;
  /** The shop id, 0x + 64 hex digits (from the context). */
  readonly shopId: Hex;
  /** Relay signing addresses (from the context), checksummed, sorted. */
  readonly relays: readonly Address[];
  /** Number of events accepted so far. */
  readonly eventCount: number;
  readonly manifest: ManifestState | null;
  /** Enrolled keycards by checksummed address. */
  readonly keycards: Readonly<Record<string, KeycardState>>;
  /** Wallets with on-chain access (Account.add minus Account.remove), checksummed, sorted. */
  readonly accounts: readonly Address[];
  /** Largest accepted nonce per signer (keycards and relays): the wire layer's nonce tracker. */
  readonly nonces: NonceTracker;
  readonly listings: Readonly<Record<string, ListingState>>;
  readonly tags: Readonly<Record<string, TagState>>;
  readonly inventory: Readonly<Record<string, StockState>>;
  readonly orders: Readonly<Record<string, OrderState>>;
}
