// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Event fields to state values, each refused with FIELD_INVALID / FIELD_LIMIT
// and its path when malformed (docs/shop-state.md, "Field rules").
import type { Address, Hex } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import { checksumAddress } from "../crypto/checksum-address.js";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type {
  AddressDetails, EthereumAddress, Hash, ListingMetadata, ObjectId, OrderPriceModifier, Payee, PlusMinus, ShippingRegion, ShopCurrency, Uint256,
} from "../../gen/market/mass/base_types_pb.js";
import { reject } from "./reject.js";
import type {
  AddressState, CurrencyState, MetadataState, PayeeState, PriceModifierState, ShippingRegionState, SignedAmountState, StateTimestamp,
} from "./shop-state.js";

/** Field length limits in UTF-8 bytes: [min, max]. */
export const LIMITS = {
  payeeName: [1, 128],
  regionName: [1, 128],
  regionPart: [0, 128],
  modifierTitle: [0, 128],
  listingTitle: [1, 512],
  listingDescription: [1, 16384],
  image: [1, 4096],
  optionTitle: [0, 512],
  variationTitle: [0, 512],
  variationDescription: [0, 16384],
  tagName: [1, 64],
  addressName: [1, 1024],
  address1: [1, 128],
  address2: [0, 128],
  city: [1, 128],
  postalCode: [1, 25],
  country: [1, 50],
  email: [1, 320],
  phone: [0, 20],
  shippingStatus: [1, 128],
  listingHash: [1, 512],
} as const satisfies Record<string, readonly [number, number]>;

const encoder = new TextEncoder();
// With the u flag a surrogate pair is one code point, so only unpaired halves match.
const LONE_SURROGATE = /\p{Cs}/u;

/** A string within its UTF-8 byte limits. */
export function text(value: string, limit: keyof typeof LIMITS, path: string): string {
  // A lone surrogate has no UTF-8 form: snapshots would differ between languages (JSON.stringify writes \ud800).
  if (LONE_SURROGATE.test(value)) reject("FIELD_INVALID", path, "is not valid Unicode text (a lone UTF-16 surrogate)");
  const [min, max] = LIMITS[limit];
  // Cheap bound first: UTF-8 takes 1…3 bytes per UTF-16 unit, and min is 0 or 1.
  if (value.length >= min && value.length * 3 <= max) return value;
  const bytes = encoder.encode(value).length;
  if (bytes < min) reject("FIELD_LIMIT", path, min === 1 ? "must not be empty" : `must be at least ${min} bytes`);
  if (bytes > max) reject("FIELD_LIMIT", path, `must be at most ${max} UTF-8 bytes, is ${bytes}`);
  return value;
}

function raw(message: { raw: Uint8Array } | undefined, length: number, what: string, path: string): Uint8Array {
  if (message === undefined) reject("FIELD_INVALID", path, `${what} is missing`);
  if (message.raw.length !== length) reject("FIELD_INVALID", `${path}.raw`, `${what} must be ${length} bytes, is ${message.raw.length}`);
  return message.raw;
}

/** An ObjectId: exactly 8 bytes, as lowercase hex. */
export function objectId(id: ObjectId | undefined, path: string): Hex {
  return bytesToHex(raw(id, 8, "id", path));
}

/** A 32-byte hash as lowercase hex. */
export function hash32(value: Hash | undefined, path: string): Hex {
  return bytesToHex(raw(value, 32, "hash", path));
}

/** A 20-byte address, checksummed. */
export function address(value: EthereumAddress | undefined, path: string): Address {
  return checksumAddress(bytesToHex(raw(value, 20, "address", path)));
}

/** A 32-byte big-endian unsigned integer. */
export function uint256(value: Uint256 | undefined, path: string): bigint {
  const bytes = raw(value, 32, "uint256", path);
  return bytes.every((b) => b === 0) ? 0n : BigInt(bytesToHex(bytes));
}

/** A signed amount; null stays null. */
export function signedAmount(value: PlusMinus | undefined, path: string): SignedAmountState | null {
  if (value === undefined) return null;
  return { plus: value.plusSign, amount: uint256(value.diff, `${path}.diff`).toString() };
}

/** A timestamp with nanos in range and seconds within 0001-01-01 … 9999-12-31. */
export function timestamp(value: Timestamp | undefined, path: string, missing: "TIMESTAMP_MISSING" | "FIELD_INVALID"): StateTimestamp {
  if (value === undefined) reject(missing, path, "timestamp is missing");
  const invalid = missing === "TIMESTAMP_MISSING" ? "TIMESTAMP_INVALID" : "FIELD_INVALID";
  if (!Number.isInteger(value.nanos) || value.nanos < 0 || value.nanos > 999_999_999) reject(invalid, `${path}.nanos`, `nanos ${value.nanos} is outside 0…999999999`);
  if (value.seconds < -62135596800n || value.seconds > 253402300799n) reject(invalid, `${path}.seconds`, "seconds are outside 0001-01-01…9999-12-31");
  return { seconds: value.seconds.toString(), nanos: value.nanos };
}

/** A currency: chain id ≠ 0 and a 20-byte address. */
export function currency(value: ShopCurrency | undefined, path: string): CurrencyState {
  if (value === undefined) reject("FIELD_INVALID", path, "currency is missing");
  if (value.chainId === 0n) reject("FIELD_INVALID", `${path}.chain_id`, "chain_id must not be 0");
  return { chainId: value.chainId.toString(), address: address(value.address, `${path}.address`) };
}

/** A payee: name 1…128 bytes, chain id ≠ 0, a 20-byte address. */
export function payee(value: Payee | undefined, path: string): PayeeState {
  if (value === undefined) reject("FIELD_INVALID", path, "payee is missing");
  const name = text(value.name, "payeeName", `${path}.name`);
  if (value.chainId === 0n) reject("FIELD_INVALID", `${path}.chain_id`, "chain_id must not be 0");
  return { name, address: address(value.address, `${path}.address`), chainId: value.chainId.toString(), callAsContract: value.callAsContract };
}

function modifier(value: OrderPriceModifier, path: string): PriceModifierState {
  const title = text(value.title, "modifierTitle", `${path}.title`);
  const m = value.modification;
  if (m.case === "percentage") return { title, percentage: uint256(m.value, `${path}.percentage`).toString(), absolute: null };
  if (m.case === "absolute") return { title, percentage: null, absolute: signedAmount(m.value, `${path}.absolute`) };
  return reject("FIELD_INVALID", `${path}.modification`, "set percentage or absolute");
}

/** A shipping region: name 1…128 bytes; a postal code needs a country, a city needs both. */
export function region(value: ShippingRegion, path: string): ShippingRegionState {
  const name = text(value.name, "regionName", `${path}.name`);
  const country = text(value.country, "regionPart", `${path}.country`);
  const postalCode = text(value.postalCode, "regionPart", `${path}.postal_code`);
  const city = text(value.city, "regionPart", `${path}.city`);
  if (postalCode !== "" && country === "") reject("FIELD_INVALID", `${path}.country`, "a postal code needs a country");
  if (city !== "" && (postalCode === "" || country === "")) reject("FIELD_INVALID", `${path}.postal_code`, "a city needs a postal code and a country");
  const modifiers = value.orderPriceModifiers.map((m, i) => modifier(m, `${path}.order_price_modifiers[${i}]`));
  return { name, country, postalCode, city, modifiers };
}

/** Listing metadata (title and description required) or variation info (all optional). */
export function metadata(value: ListingMetadata | undefined, path: string, kind: "listing" | "variation"): MetadataState {
  if (value === undefined) reject("FIELD_INVALID", path, "metadata is missing");
  const listing = kind === "listing";
  return {
    title: text(value.title, listing ? "listingTitle" : "variationTitle", `${path}.title`),
    description: text(value.description, listing ? "listingDescription" : "variationDescription", `${path}.description`),
    images: value.images.map((image, i) => text(image, "image", `${path}.images[${i}]`)),
  };
}

/** A postal address with the relay's limits. */
export function addressDetails(value: AddressDetails, path: string): AddressState {
  return {
    name: text(value.name, "addressName", `${path}.name`),
    address1: text(value.address1, "address1", `${path}.address1`),
    address2: text(value.address2, "address2", `${path}.address2`),
    city: text(value.city, "city", `${path}.city`),
    postalCode: text(value.postalCode, "postalCode", `${path}.postal_code`),
    country: text(value.country, "country", `${path}.country`),
    emailAddress: text(value.emailAddress, "email", `${path}.email_address`),
    phoneNumber: value.phoneNumber === undefined ? null : text(value.phoneNumber, "phone", `${path}.phone_number`),
  };
}

/** Same chain and address. */
export function sameCurrency(a: CurrencyState, b: CurrencyState): boolean {
  return a.chainId === b.chainId && a.address === b.address;
}
