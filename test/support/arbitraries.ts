// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// fast-check arbitraries of ShopEvent messages, for property tests, fuzzing,
// golden vectors and benchmarks. Every value is a protobuf-es message made with
// create(), so toBinary() of it is canonical. Generated events are valid to
// sign: wrapper lengths are right and required oneofs (ShopEvent.union,
// Account.action, UpdateOrder.action) are set. Edge cases are weighted in:
// absent vs present-but-empty optionals, empty arrays, "" and false, zero and
// max uint256, leading-zero bytes, negative sint32, max uint64.
//
// Arbitraries are pure (no Math.random), so `fc.sample(arb, { seed, numRuns })`
// gives the same events on every run with the same fast-check version.

import { create, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { type Timestamp, TimestampSchema } from "@bufbuild/protobuf/wkt";
import fc from "fast-check";

import {
  type EthereumAddress,
  EthereumAddressSchema,
  type Hash,
  HashSchema,
  type IPFSAddress,
  IPFSAddressSchema,
  type ObjectId,
  ObjectIdSchema,
  type PublicKey,
  PublicKeySchema,
  type Signature,
  SignatureSchema,
  type Uint256,
  Uint256Schema,
  type AddressDetails,
  AddressDetailsSchema,
  ListingMetadataSchema,
  type ListingMetadata,
  ListingOptionSchema,
  type ListingOption,
  ListingStockStatusSchema,
  type ListingStockStatus,
  ListingVariationSchema,
  type ListingVariation,
  OrderedItemSchema,
  type OrderedItem,
  OrderPriceModifierSchema,
  type OrderPriceModifier,
  OrderTransactionSchema,
  type OrderTransaction,
  PayeeSchema,
  type Payee,
  PaymentDetailsSchema,
  type PaymentDetails,
  PlusMinusSchema,
  type PlusMinus,
  ShippingRegionSchema,
  type ShippingRegion,
  ShopCurrencySchema,
  type ShopCurrency,
} from "../../gen/market/mass/base_types_pb.js";
import {
  type Account,
  Account_KeyCardEnrollSchema,
  Account_OnchainActionSchema,
  AccountSchema,
  ChangeInventorySchema,
  type ChangeInventory,
  CreateOrderSchema,
  type CreateOrder,
  ListingSchema,
  type Listing,
  ManifestSchema,
  type Manifest,
  type ShopEvent,
  ShopEventSchema,
  TagSchema,
  type Tag,
  UpdateListing_AddVariationSchema,
  UpdateListingSchema,
  type UpdateListing,
  UpdateManifestSchema,
  type UpdateManifest,
  type UpdateOrder,
  UpdateOrder_CancelSchema,
  UpdateOrder_ChangeItemsSchema,
  UpdateOrder_ChoosePaymentMethodSchema,
  UpdateOrder_CommitItemsSchema,
  UpdateOrderSchema,
  UpdateTagSchema,
  type UpdateTag,
} from "../../gen/market/mass/shop_events_pb.js";

/** protobuf-es name of a ShopEvent union member, e.g. "updateOrder". */
export type ShopEventKind = NonNullable<ShopEvent["union"]["case"]>;
/** protobuf-es name of an Account action, e.g. "enrollKeycard". */
export type AccountAction = NonNullable<Account["action"]["case"]>;
/** protobuf-es name of an UpdateOrder action, e.g. "choosePayment". */
export type UpdateOrderAction = NonNullable<UpdateOrder["action"]["case"]>;

export const shopEventKinds = [
  "manifest",
  "updateManifest",
  "account",
  "listing",
  "updateListing",
  "changeInventory",
  "tag",
  "updateTag",
  "createOrder",
  "updateOrder",
] as const satisfies readonly ShopEventKind[];

export const accountActions = ["add", "remove", "enrollKeycard", "revokeKeycard"] as const satisfies readonly AccountAction[];

export const updateOrderActions = [
  "cancel",
  "changeItems",
  "commitItems",
  "setInvoiceAddress",
  "setShippingAddress",
  "choosePayment",
  "setPaymentDetails",
  "addPaymentTx",
  "setShippingStatus",
] as const satisfies readonly UpdateOrderAction[];

export const MAX_UINT64 = 2n ** 64n - 1n;
export const INT32_MIN = -0x80000000;
export const INT32_MAX = 0x7fffffff;
export const UINT32_MAX = 0xffffffff;
// Timestamps stay inside the range proto3 JSON can write (years 0001–9999), so events survive toJson/fromJson.
export const TIMESTAMP_MIN_SECONDS = -62_135_596_800n;
export const TIMESTAMP_MAX_SECONDS = 253_402_300_799n;

// ---------------------------------------------------------------- primitives

/**
 * Exactly `length` bytes, biased to the edges: all zero, all 0xff, leading
 * zero bytes (small big-endian numbers) and uniform random. Fresh arrays every time.
 * @example fc.sample(fixedBytes({ length: 8 }), 3)
 */
export function fixedBytes({ length }: { length: number }): fc.Arbitrary<Uint8Array> {
  const random = fc.uint8Array({ minLength: length, maxLength: length });
  return fc.oneof(
    { arbitrary: random, weight: 4 },
    { arbitrary: fc.constant(null).map(() => new Uint8Array(length)), weight: 1 },
    { arbitrary: fc.constant(null).map(() => new Uint8Array(length).fill(0xff)), weight: 1 },
    {
      arbitrary: fc.tuple(fc.integer({ min: 1, max: Math.max(1, length - 1) }), random).map(([zeros, bytes]) => {
        const copy = bytes.slice();
        copy.fill(0, 0, zeros);
        return copy;
      }),
      weight: 2,
    },
  );
}

/** Any number of bytes up to `maxLength` (default typical + 2; empty included), with the `typical` length favoured. */
export function looseBytes({ typical, maxLength = typical + 2 }: { typical: number; maxLength?: number }): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { arbitrary: fixedBytes({ length: typical }), weight: 3 },
    { arbitrary: fc.uint8Array({ maxLength }), weight: 1 },
  );
}

/** Strings: empty, printable ASCII, and any code points (never lone surrogates, which UTF-8 cannot carry). */
export const text: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constant(""), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 16 }), weight: 3 },
  // A leading U+FEFF is refused at signing (decoders strip it), so valid events never start with one.
  { arbitrary: fc.string({ unit: "binary", maxLength: 8 }).filter((s) => s.charCodeAt(0) !== 0xfeff), weight: 1 },
);

export const uint64: fc.Arbitrary<bigint> = fc.oneof(
  fc.constantFrom(0n, 1n, MAX_UINT64),
  fc.bigInt({ min: 0n, max: MAX_UINT64 }),
);

export const uint32: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(0, 1, UINT32_MAX), fc.integer({ min: 0, max: UINT32_MAX }));

/** sint32 values, negative ones included. */
export const int32: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(0, -1, 1, INT32_MIN, INT32_MAX), fc.integer());

/** ListingViewState numbers: the three named values (open enums may carry others, but peers send these). */
export const viewState: fc.Arbitrary<number> = fc.constantFrom(0, 1, 2);

export const timestamp: fc.Arbitrary<Timestamp> = fc
  .record({
    seconds: fc.oneof(fc.constantFrom(0n, -1n, TIMESTAMP_MIN_SECONDS, TIMESTAMP_MAX_SECONDS), fc.bigInt({ min: TIMESTAMP_MIN_SECONDS, max: TIMESTAMP_MAX_SECONDS })),
    nanos: fc.oneof(fc.constantFrom(0, 999_999_999), fc.integer({ min: 0, max: 999_999_999 })),
  })
  .map((init) => create(TimestampSchema, init));

// ---------------------------------------------------------------- wrappers

export const objectId: fc.Arbitrary<ObjectId> = fixedBytes({ length: 8 }).map((raw) => create(ObjectIdSchema, { raw }));
/** Includes 0 (32 zero bytes) and 2^256-1 (32 bytes of 0xff). */
export const uint256: fc.Arbitrary<Uint256> = fixedBytes({ length: 32 }).map((raw) => create(Uint256Schema, { raw }));
export const ethereumAddress: fc.Arbitrary<EthereumAddress> = fixedBytes({ length: 20 }).map((raw) => create(EthereumAddressSchema, { raw }));
export const hash: fc.Arbitrary<Hash> = fixedBytes({ length: 32 }).map((raw) => create(HashSchema, { raw }));
/** Usually 64 bytes; the mapping allows any length (EIP-712 `bytes`), so other lengths and empty appear too. */
export const publicKey: fc.Arbitrary<PublicKey> = looseBytes({ typical: 64 }).map((raw) => create(PublicKeySchema, { raw }));
export const signature: fc.Arbitrary<Signature> = looseBytes({ typical: 65 }).map((raw) => create(SignatureSchema, { raw }));
export const ipfsAddress: fc.Arbitrary<IPFSAddress> = text.map((cid) => create(IPFSAddressSchema, { cid }));

// ---------------------------------------------------------------- helpers

/** Absent, or present: a singular message field or proto3 `optional` scalar. */
function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined, freq: 3 });
}

/** Absent, present with every field at its default, or random: both empty forms must hash differently. */
function optionalStruct<Desc extends DescMessage>(schema: Desc, arbitrary: fc.Arbitrary<MessageShape<Desc>>): fc.Arbitrary<MessageShape<Desc> | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constant(null).map(() => create(schema)), weight: 1 },
    { arbitrary, weight: 3 },
  );
}

// ---------------------------------------------------------------- the set

export interface ShopEventArbitrariesOptions {
  /** Longest repeated field; arrays range over 0..maxItems. Default 2. */
  readonly maxItems?: number;
}

export interface ShopEventArbitraries {
  readonly shopCurrency: fc.Arbitrary<ShopCurrency>;
  readonly payee: fc.Arbitrary<Payee>;
  readonly plusMinus: fc.Arbitrary<PlusMinus>;
  readonly orderPriceModifier: fc.Arbitrary<OrderPriceModifier>;
  readonly shippingRegion: fc.Arbitrary<ShippingRegion>;
  readonly listingMetadata: fc.Arbitrary<ListingMetadata>;
  readonly listingVariation: fc.Arbitrary<ListingVariation>;
  readonly listingOption: fc.Arbitrary<ListingOption>;
  readonly listingStockStatus: fc.Arbitrary<ListingStockStatus>;
  readonly addressDetails: fc.Arbitrary<AddressDetails>;
  readonly paymentDetails: fc.Arbitrary<PaymentDetails>;
  readonly orderTransaction: fc.Arbitrary<OrderTransaction>;
  readonly orderedItem: fc.Arbitrary<OrderedItem>;
  readonly manifest: fc.Arbitrary<Manifest>;
  readonly updateManifest: fc.Arbitrary<UpdateManifest>;
  /** Account with the given action. */
  readonly accountWith: Readonly<Record<AccountAction, fc.Arbitrary<Account>>>;
  readonly account: fc.Arbitrary<Account>;
  readonly listing: fc.Arbitrary<Listing>;
  readonly updateListing: fc.Arbitrary<UpdateListing>;
  readonly changeInventory: fc.Arbitrary<ChangeInventory>;
  readonly tag: fc.Arbitrary<Tag>;
  readonly updateTag: fc.Arbitrary<UpdateTag>;
  readonly createOrder: fc.Arbitrary<CreateOrder>;
  /** UpdateOrder with the given action. */
  readonly updateOrderWith: Readonly<Record<UpdateOrderAction, fc.Arbitrary<UpdateOrder>>>;
  readonly updateOrder: fc.Arbitrary<UpdateOrder>;
  /** A whole ShopEvent whose union member is `kind`. */
  readonly eventOf: Readonly<Record<ShopEventKind, fc.Arbitrary<ShopEvent>>>;
  /** A whole ShopEvent of any kind. */
  readonly event: fc.Arbitrary<ShopEvent>;
  /**
   * One named case per union member, and per action for Account and
   * UpdateOrder, in schema order: "manifest", "account.add", …,
   * "update_order.set_shipping_status" (proto field names).
   */
  readonly eventCases: readonly { readonly name: string; readonly arbitrary: fc.Arbitrary<ShopEvent> }[];
}

/**
 * Builds every arbitrary of the set with the given array size limit.
 *
 * @example
 * const { event, eventOf } = shopEventArbitraries({ maxItems: 3 });
 * fc.assert(fc.property(event, (e) => hashEvent({ event: e, domain }) === hashEvent({ event: e, domain })));
 */
export function shopEventArbitraries({ maxItems = 2 }: ShopEventArbitrariesOptions = {}): ShopEventArbitraries {
  const list = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(arbitrary, { maxLength: maxItems });

  const shopCurrency = fc
    .record({ chainId: uint64, address: optional(ethereumAddress) })
    .map((init) => create(ShopCurrencySchema, init));
  const payee = fc
    .record({ name: text, address: optional(ethereumAddress), chainId: uint64, callAsContract: fc.boolean() })
    .map((init) => create(PayeeSchema, init));
  const plusMinus = fc.record({ plusSign: fc.boolean(), diff: optional(uint256) }).map((init) => create(PlusMinusSchema, init));
  const modification: fc.Arbitrary<OrderPriceModifier["modification"]> = fc.oneof(
    fc.constant({ case: undefined }),
    uint256.map((value) => ({ case: "percentage" as const, value })),
    plusMinus.map((value) => ({ case: "absolute" as const, value })),
  );
  const orderPriceModifier = fc
    .record({ title: text, modification })
    .map((init) => create(OrderPriceModifierSchema, init));
  const shippingRegion = fc
    .record({ name: text, country: text, postalCode: text, city: text, orderPriceModifiers: list(orderPriceModifier) })
    .map((init) => create(ShippingRegionSchema, init));
  const listingMetadata = fc
    .record({ title: text, description: text, images: list(text) })
    .map((init) => create(ListingMetadataSchema, init));
  const listingVariation = fc
    .record({
      id: optional(objectId),
      variationInfo: optionalStruct(ListingMetadataSchema, listingMetadata),
      diff: optionalStruct(PlusMinusSchema, plusMinus),
    })
    .map((init) => create(ListingVariationSchema, init));
  const listingOption = fc
    .record({ id: optional(objectId), title: text, variations: list(listingVariation) })
    .map((init) => create(ListingOptionSchema, init));
  const status: fc.Arbitrary<ListingStockStatus["status"]> = fc.oneof(
    fc.constant({ case: undefined }),
    fc.boolean().map((value) => ({ case: "inStock" as const, value })),
    timestamp.map((value) => ({ case: "expectedInStockBy" as const, value })),
  );
  const listingStockStatus = fc
    .record({ variationIds: list(objectId), status })
    .map((init) => create(ListingStockStatusSchema, init));
  const addressDetails = fc
    .record({
      name: text,
      address1: text,
      address2: text,
      city: text,
      postalCode: text,
      country: text,
      emailAddress: text,
      phoneNumber: optional(text),
    })
    .map((init) => create(AddressDetailsSchema, init));
  const paymentDetails = fc
    .record({
      paymentId: optional(hash),
      total: optional(uint256),
      listingHashes: list(ipfsAddress),
      ttl: text,
      shopSignature: optional(signature),
      shippingRegion: optionalStruct(ShippingRegionSchema, shippingRegion),
    })
    .map((init) => create(PaymentDetailsSchema, init));
  const orderTransaction = fc
    .record({ txHash: optional(hash), blockHash: optional(hash) })
    .map((init) => create(OrderTransactionSchema, init));
  const orderedItem = fc
    .record({ listingId: optional(objectId), variationIds: list(objectId), quantity: uint32 })
    .map((init) => create(OrderedItemSchema, init));

  const manifest = fc
    .record({
      tokenId: optional(uint256),
      payees: list(payee),
      acceptedCurrencies: list(shopCurrency),
      pricingCurrency: optionalStruct(ShopCurrencySchema, shopCurrency),
      shippingRegions: list(shippingRegion),
    })
    .map((init) => create(ManifestSchema, init));
  const updateManifest = fc
    .record({
      addPayee: optionalStruct(PayeeSchema, payee),
      removePayee: optionalStruct(PayeeSchema, payee),
      addAcceptedCurrencies: list(shopCurrency),
      removeAcceptedCurrencies: list(shopCurrency),
      setPricingCurrency: optionalStruct(ShopCurrencySchema, shopCurrency),
      addShippingRegions: list(shippingRegion),
      removeShippingRegions: list(text),
    })
    .map((init) => create(UpdateManifestSchema, init));

  const onchainAction = fc
    .record({ accountAddress: optional(ethereumAddress), tx: optional(hash) })
    .map((init) => create(Account_OnchainActionSchema, init));
  const keyCardEnroll = fc
    .record({ keycardPubkey: optional(publicKey), userWallet: optional(ethereumAddress) })
    .map((init) => create(Account_KeyCardEnrollSchema, init));
  const accountOf = (action: fc.Arbitrary<Account["action"]>) => action.map((a) => create(AccountSchema, { action: a }));
  const accountWith: Record<AccountAction, fc.Arbitrary<Account>> = {
    add: accountOf(onchainAction.map((value) => ({ case: "add" as const, value }))),
    remove: accountOf(onchainAction.map((value) => ({ case: "remove" as const, value }))),
    enrollKeycard: accountOf(keyCardEnroll.map((value) => ({ case: "enrollKeycard" as const, value }))),
    revokeKeycard: accountOf(publicKey.map((value) => ({ case: "revokeKeycard" as const, value }))),
  };

  const listing = fc
    .record({
      id: optional(objectId),
      price: optional(uint256),
      metadata: optionalStruct(ListingMetadataSchema, listingMetadata),
      viewState,
      options: list(listingOption),
      stockStatuses: list(listingStockStatus),
    })
    .map((init) => create(ListingSchema, init));
  const addVariation = fc
    .record({ optionId: optional(objectId), variation: optionalStruct(ListingVariationSchema, listingVariation) })
    .map((init) => create(UpdateListing_AddVariationSchema, init));
  const updateListing = fc
    .record({
      id: optional(objectId),
      price: optional(uint256),
      metadata: optionalStruct(ListingMetadataSchema, listingMetadata),
      viewState: optional(viewState),
      addOptions: list(listingOption),
      removeOptionIds: list(objectId),
      addVariations: list(addVariation),
      removeVariationIds: list(objectId),
      stockUpdates: list(listingStockStatus),
    })
    .map((init) => create(UpdateListingSchema, init));
  const changeInventory = fc
    .record({ id: optional(objectId), variationIds: list(objectId), diff: int32 })
    .map((init) => create(ChangeInventorySchema, init));
  const tag = fc
    .record({ id: optional(objectId), name: text, listingIds: list(objectId), deleted: fc.boolean() })
    .map((init) => create(TagSchema, init));
  const updateTag = fc
    .record({
      id: optional(objectId),
      rename: optional(text),
      addListingIds: list(objectId),
      removeListingIds: list(objectId),
      delete: optional(fc.boolean()),
    })
    .map((init) => create(UpdateTagSchema, init));
  const createOrder = fc.record({ id: optional(objectId) }).map((init) => create(CreateOrderSchema, init));

  const changeItems = fc
    .record({ adds: list(orderedItem), removes: list(orderedItem) })
    .map((init) => create(UpdateOrder_ChangeItemsSchema, init));
  const choosePayment = fc
    .record({
      currency: optionalStruct(ShopCurrencySchema, shopCurrency),
      payee: optionalStruct(PayeeSchema, payee),
    })
    .map((init) => create(UpdateOrder_ChoosePaymentMethodSchema, init));
  const updateOrderOf = (action: fc.Arbitrary<UpdateOrder["action"]>) =>
    fc.record({ id: optional(objectId), action }).map((init) => create(UpdateOrderSchema, init));
  const updateOrderWith: Record<UpdateOrderAction, fc.Arbitrary<UpdateOrder>> = {
    cancel: updateOrderOf(fc.constant(null).map(() => ({ case: "cancel" as const, value: create(UpdateOrder_CancelSchema) }))),
    changeItems: updateOrderOf(changeItems.map((value) => ({ case: "changeItems" as const, value }))),
    commitItems: updateOrderOf(fc.constant(null).map(() => ({ case: "commitItems" as const, value: create(UpdateOrder_CommitItemsSchema) }))),
    setInvoiceAddress: updateOrderOf(addressDetails.map((value) => ({ case: "setInvoiceAddress" as const, value }))),
    setShippingAddress: updateOrderOf(addressDetails.map((value) => ({ case: "setShippingAddress" as const, value }))),
    choosePayment: updateOrderOf(choosePayment.map((value) => ({ case: "choosePayment" as const, value }))),
    setPaymentDetails: updateOrderOf(paymentDetails.map((value) => ({ case: "setPaymentDetails" as const, value }))),
    addPaymentTx: updateOrderOf(orderTransaction.map((value) => ({ case: "addPaymentTx" as const, value }))),
    setShippingStatus: updateOrderOf(text.map((value) => ({ case: "setShippingStatus" as const, value }))),
  };

  const account = fc.oneof(...accountActions.map((a) => accountWith[a]));
  const updateOrder = fc.oneof(...updateOrderActions.map((a) => updateOrderWith[a]));

  const eventWith = (union: fc.Arbitrary<ShopEvent["union"]>): fc.Arbitrary<ShopEvent> =>
    fc
      .record({
        nonce: uint64,
        shopId: fc.option(uint256, { nil: undefined, freq: 8 }),
        timestamp: fc.option(timestamp, { nil: undefined, freq: 8 }),
        union,
      })
      .map((init) => create(ShopEventSchema, init));
  const member = <K extends ShopEventKind>(kind: K, arbitrary: fc.Arbitrary<Extract<ShopEvent["union"], { case: K }>["value"]>) =>
    eventWith(arbitrary.map((value) => ({ case: kind, value }) as ShopEvent["union"]));

  const eventOf: Record<ShopEventKind, fc.Arbitrary<ShopEvent>> = {
    manifest: member("manifest", manifest),
    updateManifest: member("updateManifest", updateManifest),
    account: member("account", account),
    listing: member("listing", listing),
    updateListing: member("updateListing", updateListing),
    changeInventory: member("changeInventory", changeInventory),
    tag: member("tag", tag),
    updateTag: member("updateTag", updateTag),
    createOrder: member("createOrder", createOrder),
    updateOrder: member("updateOrder", updateOrder),
  };
  const event = fc.oneof(...shopEventKinds.map((k) => eventOf[k]));

  const eventCases: { name: string; arbitrary: fc.Arbitrary<ShopEvent> }[] = [];
  for (const kind of shopEventKinds) {
    if (kind === "account") {
      for (const a of accountActions) eventCases.push({ name: `account.${snake(a)}`, arbitrary: member("account", accountWith[a]) });
    } else if (kind === "updateOrder") {
      for (const a of updateOrderActions) eventCases.push({ name: `update_order.${snake(a)}`, arbitrary: member("updateOrder", updateOrderWith[a]) });
    } else {
      eventCases.push({ name: snake(kind), arbitrary: eventOf[kind] });
    }
  }

  return {
    shopCurrency,
    payee,
    plusMinus,
    orderPriceModifier,
    shippingRegion,
    listingMetadata,
    listingVariation,
    listingOption,
    listingStockStatus,
    addressDetails,
    paymentDetails,
    orderTransaction,
    orderedItem,
    manifest,
    updateManifest,
    accountWith,
    account,
    listing,
    updateListing,
    changeInventory,
    tag,
    updateTag,
    createOrder,
    updateOrderWith,
    updateOrder,
    eventOf,
    event,
    eventCases,
  };
}

/** camelCase protobuf-es name → proto field name. */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The default set (arrays of up to 2 items). */
export const arbitraries: ShopEventArbitraries = shopEventArbitraries();
