// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A customer's view (docs/shop-state.md, "A customer's view"): the shop as a
// guest's subscription shows it, folded by the shop rules of src/state.
import type { Address, Hex } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { isNetworkSchemaError } from "../errors/base.js";
import { FieldValueError, type FieldValueCode, isFieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { createShopState } from "../state/create-shop-state.js";
import { checkEventInput, checkSignerInput } from "../state/inputs.js";
import { ownedFold } from "../state/owned-fold.js";
import { currentUnitPrice, orderTotal } from "../state/pricing.js";
import type { ShopContext } from "../state/shop-context.js";
import { objectIdKey } from "../values/object-id-input-hex.js";
import type { ObjectIdInput } from "../values/object-id.js";
import type { ListingState, ManifestState, OrderLineState, OrderState, ShopState, TagState } from "../state/shop-state.js";

/** One line of a customer's order with its price: frozen at commit, today's while the order is open. */
export interface CustomerOrderLine extends OrderLineState {
  /** Price of one unit: the frozen `unitPrice` once committed, else today's; null when today's cannot be computed (a variation was removed). */
  readonly price: bigint | null;
  /** `price` × `quantity`, or null with it. */
  readonly lineTotal: bigint | null;
}

/** An order as its customer sees it: the state's order with prices and totals (docs/shop-state.md, "Pricing"). */
export interface CustomerOrder extends OrderState {
  readonly lines: readonly CustomerOrderLine[];
  /** Σ line totals, before any region's modifiers; null when a line has no price. */
  readonly subtotal: bigint | null;
  /** What the rules say the order costs: `subtotal` with the modifiers of `paymentDetails.shippingRegion` once payment details name one; null with `subtotal`. */
  readonly total: bigint | null;
  /** What the relay asks for (`paymentDetails.total`), or null before payment details. */
  readonly charged: bigint | null;
}

/** An event the view did not fold because a shop rule refused it (the relay is broken or hostile, or the log the subscriber saw has a gap). */
export interface RefusedViewEvent {
  readonly seqNo: bigint;
  /** The error's stable code: an EventRejectedError `reason` such as UNKNOWN_KEYCARD, or a FieldValueError code. */
  readonly reason: string;
  readonly path: string;
  readonly message: string;
}

/** What a guest can know about a shop, folded from the events its subscription delivers (docs/shop-state.md, "A customer's view"). */
export interface CustomerView {
  readonly shopId: Hex;
  /** The last seq_no folded (0 before any). */
  readonly lastSeqNo: bigint;
  /** Number of events folded. */
  readonly eventCount: number;
  readonly manifest: ManifestState | null;
  /** Every listing seen, deleted ones included (`viewState`), with its options, variations and `stockStatuses`. */
  readonly listings: Readonly<Record<string, ListingState>>;
  readonly tags: Readonly<Record<string, TagState>>;
  /** The orders seen, narrowed to the view's keycard's own when it has one. */
  readonly orders: Readonly<Record<string, CustomerOrder>>;
  /** Events refused by the rules, in order; not folded. */
  readonly refused: readonly RefusedViewEvent[];
}

/** One event to fold: as a ClientSession's `PushedEvent`, or any opened event with its seq_no and signer. */
export interface CustomerViewEvent {
  readonly seqNo: bigint;
  readonly event: ShopEvent;
  readonly signer: string;
}

/** Folds a customer's events one at a time; {@link CustomerViewFold.view} is rebuilt only after a change. */
export interface CustomerViewFold {
  /** Folds one event (events must come in seq_no order); a refused event is recorded in `view.refused`. */
  add(event: CustomerViewEvent): void;
  /** The view now: a new object after each change, never changed afterwards. */
  readonly view: CustomerView;
}

/** Parameters of {@link createCustomerViewFold}. */
export interface CreateCustomerViewFoldParameters {
  /** The shop and its relay addresses (payment details and payments are signed by a relay). */
  readonly context: ShopContext;
  /** The customer's keycard: `orders` then holds only the orders it created. */
  readonly keycard?: Address | undefined;
}

/**
 * A fold of the events a subscriber sees into a {@link CustomerView}, through
 * the shop rules of src/state without stock: a guest sees no ChangeInventory,
 * so a commit neither checks nor holds stock there (the relay checked it).
 * Every other rule applies as in `createShopFold`.
 *
 * @throws FieldValueError for a bad context or keycard
 * @example
 * const fold = createCustomerViewFold({ context: { shopId, relays } });
 * session.on((e) => { if (e.type === "events") for (const pushed of e.events) fold.add(pushed); });
 * console.log(fold.view.manifest?.pricingCurrency);
 */
export function createCustomerViewFold(parameters: CreateCustomerViewFoldParameters): CustomerViewFold {
  const { context, keycard } = objectParameter(parameters);
  if (keycard !== undefined && (typeof keycard !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(keycard))) throw new FieldValueError("WRONG_TYPE", "expected a keycard address or undefined", { path: "keycard" });
  return foldFrom(createShopState({ context }), keycard);
}

/**
 * The view after `events` (a plain function over any subscriber's events, e.g. the
 * `PushedEvent`s of a filtered subscription without INVENTORY, from seq_no 1).
 *
 * @throws FieldValueError for a bad context, keycard or event list
 * @example
 * const folded = foldCustomerView({ context: { shopId, relays }, keycard, events: pushed });
 * for (const order of Object.values(folded.orders)) console.log(order.status, order.total);
 */
export function foldCustomerView(parameters: CreateCustomerViewFoldParameters & { readonly events: readonly CustomerViewEvent[] }): CustomerView {
  const { events, ...rest } = objectParameter(parameters);
  if (!Array.isArray(events)) throw new FieldValueError("WRONG_TYPE", "expected an array of events", { path: "events" });
  const fold = createCustomerViewFold(rest);
  for (const [i, event] of events.entries()) {
    try {
      fold.add(event);
    } catch (error) {
      if (isFieldValueError(error)) throw new FieldValueError(error.code as FieldValueCode, error.shortMessage, { path: `events[${i}].${error.path}`, cause: error });
      throw error;
    }
  }
  return fold.view;
}

/**
 * What an order of the view costs with a shipping region's modifiers (or
 * none): `computeOrderTotal`'s rule over the view, e.g. to show a
 * region's total before payment details, or to check the relay's `charged`.
 *
 * @throws FieldValueError for a bad id (naming `orderId`); EventRejectedError ORDER_NOT_FOUND, REGION_NOT_FOUND, VARIATION_NOT_FOUND or TOTAL_OUT_OF_RANGE
 * @example
 * const withVat: bigint = customerOrderTotal({ view, orderId: 1n, shippingRegion: "EU" });
 */
export function customerOrderTotal(parameters: { view: CustomerView; orderId: ObjectIdInput; shippingRegion?: string | undefined }): bigint {
  const { view, orderId, shippingRegion } = objectParameter(parameters);
  if (typeof view !== "object" || view === null || typeof view.orders !== "object" || typeof view.listings !== "object") throw new FieldValueError("WRONG_TYPE", "expected a CustomerView", { path: "view" });
  if (shippingRegion !== undefined && typeof shippingRegion !== "string") throw new FieldValueError("WRONG_TYPE", "expected a region name or undefined", { path: "shippingRegion" });
  return orderTotal(view, objectIdKey({ id: orderId, path: "orderId" }), shippingRegion ?? null, "orderId");
}

/** A fold whose state starts at `state` (internal: the session's guest view). */
export function foldFrom(state: ShopState, keycard: Address | undefined): CustomerViewFold {
  const fold = ownedFold({ state, stockUnseen: true });
  const refused: RefusedViewEvent[] = [];
  let lastSeqNo = 0n;
  let cached: CustomerView | undefined;
  return {
    add(given) {
      // Bad input is the caller's error, thrown; only a rule's refusal is recorded.
      if (typeof given !== "object" || given === null) throw new FieldValueError("WRONG_TYPE", "expected { seqNo, event, signer }", { path: "event" });
      const { seqNo, event, signer } = given;
      if (typeof seqNo !== "bigint" || seqNo <= lastSeqNo) throw new FieldValueError("OUT_OF_RANGE", `expected a seq_no above ${lastSeqNo}`, { path: "seqNo" });
      checkEventInput(event, "event");
      checkSignerInput(signer, "signer");
      lastSeqNo = seqNo;
      cached = undefined;
      try {
        fold.apply({ event, signer });
      } catch (error) {
        if (!isNetworkSchemaError(error)) throw error;
        const reason = (error as { reason?: string }).reason ?? error.code;
        refused.push({ seqNo, reason, path: error.path ?? "event", message: error.message });
      }
    },
    get view() {
      cached ??= customerViewOf({ state: fold.state, keycard, lastSeqNo, refused });
      return cached;
    },
  };
}

/** The view of a folded state (internal: also a full subscription's `session.view`). */
export function customerViewOf({ state, keycard, lastSeqNo, refused }: { state: ShopState; keycard: Address | undefined; lastSeqNo: bigint; refused: readonly RefusedViewEvent[] }): CustomerView {
  const orders: Record<string, CustomerOrder> = {};
  for (const [id, order] of Object.entries(state.orders)) {
    if (keycard === undefined || order.owner.toLowerCase() === keycard.toLowerCase()) orders[id] = priced(state, order);
  }
  return Object.freeze({
    shopId: state.shopId,
    lastSeqNo,
    eventCount: state.eventCount,
    manifest: state.manifest,
    listings: Object.freeze({ ...state.listings }),
    tags: Object.freeze({ ...state.tags }),
    orders: Object.freeze(orders),
    refused: Object.freeze([...refused]),
  });
}

function priced(state: ShopState, order: OrderState): CustomerOrder {
  const lines = order.items.map((line): CustomerOrderLine => {
    const price = line.unitPrice !== null ? BigInt(line.unitPrice) : priceOrNull(() => currentUnitPrice(state, line, "line"));
    return { ...line, price, lineTotal: price === null ? null : price * BigInt(line.quantity) };
  });
  const subtotal = lines.some((line) => line.lineTotal === null) ? null : lines.reduce((sum, line) => sum + (line.lineTotal as bigint), 0n);
  const region = order.paymentDetails?.shippingRegion ?? null;
  const total = subtotal === null ? null : region === null ? subtotal : priceOrNull(() => orderTotal(state, order.id, region, "order"));
  const charged = order.paymentDetails === null ? null : BigInt(order.paymentDetails.total);
  return Object.freeze({ ...order, lines, subtotal, total, charged });
}

// A price the rules cannot compute (a removed variation, out of range) is unknown, not an error of the view.
function priceOrNull(price: () => bigint): bigint | null {
  try {
    return price();
  } catch (error) {
    if (isNetworkSchemaError(error)) return null;
    throw error;
  }
}
