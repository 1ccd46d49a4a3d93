// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// CreateOrder and UpdateOrder: docs/shop-state.md, "Orders".
import { bytesToHex } from "../crypto/hex.js";
import type { CreateOrder, UpdateOrder } from "../../gen/market/mass/shop_events_pb.js";
import { type RuleInput, snake } from "./apply-to-draft.js";
import { sameData } from "./same-data.js";
import { findVariation } from "./combination.js";
import { activeOrders, type Draft, writable } from "./draft.js";
import { addressDetails, currency, hash32, objectId, payee, region, sameCurrency, text, uint256 } from "./fields.js";
import { keyOf } from "./inventory-key.js";
import { changeLines } from "./order-lines.js";
import { MAX_GUEST_ACTIVE_ORDERS } from "./order-limits.js";
import { holdLapsesAt, nanosOf, ttlSeconds } from "./hold.js";
import { currentUnitPrice, orderTotal } from "./pricing.js";
import { reject } from "./reject.js";
import { shippingRegionFor } from "./shipping-region-rule.js";
import type { OrderLineState, OrderState, OrderStatus, ShopState, StateTimestamp } from "./shop-state.js";

const U = "event.update_order";

/** The statuses each action may start from: docs/shop-state.md, table "Order transitions". */
export const ORDER_TRANSITIONS = {
  change_items: ["open"],
  commit_items: ["open"],
  set_invoice_address: ["open", "committed", "payment_chosen", "unpaid", "paid"],
  set_shipping_address: ["open", "committed", "payment_chosen", "unpaid", "paid"],
  choose_payment: ["committed", "payment_chosen"],
  set_payment_details: ["payment_chosen"],
  add_payment_tx: ["unpaid", "paid"],
  cancel: ["committed", "payment_chosen", "unpaid"],
  set_shipping_status: ["paid"],
} as const satisfies Record<string, readonly OrderStatus[]>;

export function applyCreateOrder(draft: Draft, create: CreateOrder, input: RuleInput): void {
  const id = objectId(create.id, "event.create_order.id");
  if (draft.state.orders[id] !== undefined) reject("ORDER_EXISTS", "event.create_order.id", `order ${id} exists`);
  if (input.role === "guest" && activeOrders(draft, input.signer) >= MAX_GUEST_ACTIVE_ORDERS) {
    reject("ACTIVE_ORDER_LIMIT", "event.create_order", `keycard ${input.signer} has ${MAX_GUEST_ACTIVE_ORDERS} active orders; pay or cancel one first`);
  }
  writable(draft, "orders")[id] = {
    id, owner: input.signer, status: "open", items: [], createdAt: input.at, committedAt: null, canceledAt: null,
    invoiceAddress: null, shippingAddress: null, addressUpdatedAt: null, chosenPayee: null, chosenCurrency: null,
    paymentDetails: null, paymentDetailsCreatedAt: null, paymentTransactions: [], shippingStatus: null,
  };
}

export function applyUpdateOrder(draft: Draft, update: UpdateOrder, input: RuleInput): void {
  const state = draft.state;
  const id = objectId(update.id, `${U}.id`);
  const order = state.orders[id];
  if (order === undefined) reject("ORDER_NOT_FOUND", `${U}.id`, `no order ${id}`);
  if (input.role === "guest" && order.owner !== input.signer) reject("NOT_ORDER_OWNER", `${U}.id`, `order ${id} belongs to another keycard`);
  const action = update.action;
  if (action.case === undefined) return reject("UPDATE_EMPTY", `${U}.action`, "UpdateOrder sets no action");
  const name = snake(action.case) as keyof typeof ORDER_TRANSITIONS;
  const path = `${U}.${name}`;
  if (!(ORDER_TRANSITIONS[name] as readonly OrderStatus[]).includes(order.status)) reject("ORDER_STATUS", path, `order ${id} is ${order.status}; ${name} needs ${ORDER_TRANSITIONS[name].join(" or ")}`);
  let next: OrderState;
  switch (action.case) {
    case "changeItems": {
      if (action.value.adds.length === 0 && action.value.removes.length === 0) reject("UPDATE_EMPTY", path, "change_items has no adds and no removes");
      next = { ...order, items: changeLines(state, order.items, action.value.adds, action.value.removes, path) };
      break;
    }
    case "commitItems": {
      if (order.items.length === 0) reject("ORDER_EMPTY", path, `order ${id} has no items`);
      const inventory = writable(draft, "inventory");
      const items: OrderLineState[] = [];
      for (const line of order.items) {
        const listing = state.listings[line.listingId];
        if (listing === undefined || listing.viewState === "deleted") reject("LISTING_DELETED", path, `listing ${line.listingId} is deleted`);
        const missing = line.variationIds.find((v) => findVariation(listing, v) === undefined);
        if (missing !== undefined) reject("VARIATION_NOT_FOUND", path, `listing ${line.listingId} no longer has variation ${missing}`);
        // Prices are frozen here: a later price change does not change what this order pays.
        const unitPrice = currentUnitPrice(state, line, path).toString();
        items.push({ ...line, unitPrice });
        // A guest's view has no stock to check: the relay's acceptance of the commit is its evidence.
        if (draft.stockUnseen === true) continue;
        const key = keyOf(line.listingId, line.variationIds);
        const stock = inventory[key] ?? { stock: 0, committed: 0 };
        if (stock.stock - stock.committed < line.quantity) reject("OUT_OF_STOCK", path, `${key}: ${stock.stock - stock.committed} available, ${line.quantity} ordered`);
        inventory[key] = { stock: stock.stock, committed: stock.committed + line.quantity };
      }
      next = { ...order, items, status: "committed", committedAt: input.at };
      break;
    }
    case "setInvoiceAddress":
      next = { ...order, invoiceAddress: addressDetails(action.value, path), addressUpdatedAt: input.at };
      break;
    case "setShippingAddress":
      next = { ...order, shippingAddress: addressDetails(action.value, path), addressUpdatedAt: input.at };
      break;
    case "choosePayment": {
      const manifest = state.manifest;
      if (order.invoiceAddress === null && order.shippingAddress === null) reject("ADDRESS_MISSING", path, `order ${id} has neither an invoice nor a shipping address`);
      if (manifest?.pricingCurrency == null) reject("PRICING_CURRENCY_MISSING", path, "the manifest sets no pricing currency");
      const chosen = currency(action.value.currency, `${path}.currency`);
      if (!manifest.acceptedCurrencies.some((c) => sameCurrency(c, chosen))) reject("CURRENCY_NOT_ACCEPTED", `${path}.currency`, "the shop does not accept this currency");
      const to = payee(action.value.payee, `${path}.payee`);
      const known = manifest.payees.find((p) => p.name === to.name);
      if (known === undefined || known.address !== to.address || known.chainId !== to.chainId || known.callAsContract !== to.callAsContract) {
        reject("PAYEE_NOT_FOUND", `${path}.payee`, `no payee ${JSON.stringify(to.name)} with this address and chain`);
      }
      if (to.chainId !== chosen.chainId) reject("CHAIN_MISMATCH", `${path}.payee.chain_id`, "payee and currency are on different chains");
      next = { ...order, status: "payment_chosen", chosenPayee: known, chosenCurrency: chosen };
      break;
    }
    case "setPaymentDetails": {
      const details = action.value;
      const paymentId = hash32(details.paymentId, `${path}.payment_id`);
      const total = uint256(details.total, `${path}.total`);
      const listingHashes = details.listingHashes.map((h, i) => text(h.cid, "listingHash", `${path}.listing_hashes[${i}].cid`));
      const ttl = ttlSeconds(details.ttl, `${path}.ttl`);
      const shopSignature = details.shopSignature === undefined ? null : bytesToHex(details.shopSignature.raw);
      let regionName: string | null = null;
      if (details.shippingRegion !== undefined) {
        const given = region(details.shippingRegion, `${path}.shipping_region`);
        const known = state.manifest?.shippingRegions.find((r) => r.name === given.name);
        // Compared as data, not by key order: a restored state's objects have their keys in another order.
        if (known === undefined || !sameData(known, given)) {
          reject("REGION_NOT_FOUND", `${path}.shipping_region`, `the manifest has no shipping region equal to ${JSON.stringify(given.name)}`);
        }
        regionName = given.name;
      }
      // The relay charges the region the rule picks, and a client checks it with the same rule.
      const ruled = shippingRegionFor(state.manifest?.shippingRegions ?? [], order)?.name ?? null;
      if (regionName !== ruled) {
        reject("REGION_MISMATCH", `${path}.shipping_region`, `the order's address is in ${ruled === null ? "no shipping region" : `shipping region ${JSON.stringify(ruled)}`}, not ${regionName === null ? "none" : JSON.stringify(regionName)}`);
      }
      const expected = orderTotal(state, id, regionName, path);
      const pricing = state.manifest?.pricingCurrency;
      // Totals in another currency depend on an exchange rate that is not in the log.
      if (pricing != null && order.chosenCurrency !== null && sameCurrency(pricing, order.chosenCurrency) && total !== expected) {
        reject("TOTAL_MISMATCH", `${path}.total`, `total ${total} differs from ${expected}, the order's price`);
      }
      next = {
        ...order, status: "unpaid", paymentDetailsCreatedAt: input.at,
        paymentDetails: { paymentId, total: total.toString(), listingHashes, ttl, shopSignature, shippingRegion: regionName },
      };
      break;
    }
    case "addPaymentTx": {
      const tx = action.value;
      const txHash = tx.txHash === undefined ? null : hash32(tx.txHash, `${path}.tx_hash`);
      const blockHash = tx.blockHash === undefined ? null : hash32(tx.blockHash, `${path}.block_hash`);
      // The payment itself takes the order's lines out of stock, once: the first one, which ends the hold.
      if (order.status === "unpaid") releaseHold(draft, order, true);
      next = { ...order, status: "paid", paymentTransactions: [...order.paymentTransactions, { txHash, blockHash }] };
      break;
    }
    case "cancel": {
      if (input.role === "relay" && !hasRemovedVariation(state, order) && !lapsed(order, input.at)) {
        reject("CANCEL_NOT_JUSTIFIED", path, `order ${id} has no variation that was removed and its hold has not lapsed at ${input.at.seconds} s; a relay cancels only such orders`);
      }
      releaseHold(draft, order, false);
      next = { ...order, status: "canceled", canceledAt: input.at };
      break;
    }
    case "setShippingStatus":
      next = { ...order, shippingStatus: text(action.value, "shippingStatus", path) };
      break;
  }
  writable(draft, "orders")[id] = next;
}

// Ends an order's hold: committed −= quantity per line, and stock too when the order was paid.
function releaseHold(draft: Draft, order: OrderState, sold: boolean): void {
  if (draft.stockUnseen === true) return;
  const inventory = writable(draft, "inventory");
  for (const line of order.items) {
    const key = keyOf(line.listingId, line.variationIds);
    const stock = inventory[key] as { stock: number; committed: number };
    inventory[key] = { stock: sold ? stock.stock - line.quantity : stock.stock, committed: stock.committed - line.quantity };
  }
}

// The cancel's own timestamp judges the lapse: the state has no clock.
function lapsed(order: OrderState, at: StateTimestamp): boolean {
  const lapsesAt = holdLapsesAt(order);
  return lapsesAt !== null && nanosOf(at) >= lapsesAt;
}

function hasRemovedVariation(state: ShopState, order: OrderState): boolean {
  return order.items.some((line) => {
    const listing = state.listings[line.listingId];
    return listing !== undefined && line.variationIds.some((v) => findVariation(listing, v) === undefined);
  });
}
