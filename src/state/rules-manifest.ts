// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Manifest and UpdateManifest: docs/shop-state.md, "Manifest".
import { bytesToHex } from "../crypto/hex.js";
import type { Manifest, UpdateManifest } from "../../gen/market/mass/shop_events_pb.js";
import type { Draft } from "./draft.js";
import { currency, payee, region, sameCurrency } from "./fields.js";
import { reject } from "./reject.js";
import type { CurrencyState, ManifestState, PayeeState, ShippingRegionState } from "./shop-state.js";

const M = "event.manifest";
const U = "event.update_manifest";

export function applyManifest(draft: Draft, manifest: Manifest): void {
  if (draft.state.manifest !== null) reject("MANIFEST_EXISTS", M, "the shop already has a manifest; change it with UpdateManifest");
  const token = manifest.tokenId?.raw;
  if (token === undefined || token.length !== 32 || bytesToHex(token) !== draft.state.shopId) {
    reject("MANIFEST_TOKEN_MISMATCH", `${M}.token_id`, `token_id must be the shop id ${draft.state.shopId}`);
  }
  let payees: PayeeState[] = [];
  manifest.payees.forEach((p, i) => (payees = addPayee(payees, payee(p, `${M}.payees[${i}]`), `${M}.payees[${i}]`)));
  let accepted: CurrencyState[] = [];
  manifest.acceptedCurrencies.forEach((c, i) => (accepted = addCurrency(accepted, currency(c, `${M}.accepted_currencies[${i}]`), `${M}.accepted_currencies[${i}]`)));
  const pricingCurrency = manifest.pricingCurrency === undefined ? null : currency(manifest.pricingCurrency, `${M}.pricing_currency`);
  let regions: ShippingRegionState[] = [];
  manifest.shippingRegions.forEach((r, i) => (regions = addRegion(regions, region(r, `${M}.shipping_regions[${i}]`), `${M}.shipping_regions[${i}]`)));
  draft.state.manifest = { tokenId: draft.state.shopId, payees, acceptedCurrencies: accepted, pricingCurrency, shippingRegions: regions };
}

export function applyUpdateManifest(draft: Draft, update: UpdateManifest): void {
  const before = draft.state.manifest as ManifestState;
  const empty = update.addPayee === undefined && update.removePayee === undefined && update.addAcceptedCurrencies.length === 0 &&
    update.removeAcceptedCurrencies.length === 0 && update.setPricingCurrency === undefined && update.addShippingRegions.length === 0 &&
    update.removeShippingRegions.length === 0;
  if (empty) reject("UPDATE_EMPTY", U, "UpdateManifest sets no field");
  let { payees, acceptedCurrencies, pricingCurrency, shippingRegions } = before;
  if (update.addPayee !== undefined) payees = addPayee(payees, payee(update.addPayee, `${U}.add_payee`), `${U}.add_payee`);
  if (update.removePayee !== undefined) {
    const name = update.removePayee.name;
    if (!payees.some((p) => p.name === name)) reject("PAYEE_NOT_FOUND", `${U}.remove_payee.name`, `no payee named ${JSON.stringify(name)}`);
    payees = payees.filter((p) => p.name !== name);
  }
  update.addAcceptedCurrencies.forEach((c, i) => {
    const path = `${U}.add_accepted_currencies[${i}]`;
    acceptedCurrencies = addCurrency(acceptedCurrencies, currency(c, path), path);
  });
  update.removeAcceptedCurrencies.forEach((c, i) => {
    const path = `${U}.remove_accepted_currencies[${i}]`;
    const gone = currency(c, path);
    if (!acceptedCurrencies.some((a) => sameCurrency(a, gone))) reject("CURRENCY_NOT_FOUND", path, "the currency is not accepted");
    acceptedCurrencies = acceptedCurrencies.filter((a) => !sameCurrency(a, gone));
  });
  if (update.setPricingCurrency !== undefined) pricingCurrency = currency(update.setPricingCurrency, `${U}.set_pricing_currency`);
  update.addShippingRegions.forEach((r, i) => {
    const path = `${U}.add_shipping_regions[${i}]`;
    shippingRegions = addRegion(shippingRegions, region(r, path), path);
  });
  update.removeShippingRegions.forEach((name, i) => {
    if (!shippingRegions.some((r) => r.name === name)) reject("REGION_NOT_FOUND", `${U}.remove_shipping_regions[${i}]`, `no shipping region named ${JSON.stringify(name)}`);
    shippingRegions = shippingRegions.filter((r) => r.name !== name);
  });
  draft.state.manifest = { tokenId: before.tokenId, payees, acceptedCurrencies, pricingCurrency, shippingRegions };
}

function addPayee(payees: readonly PayeeState[], added: PayeeState, path: string): PayeeState[] {
  if (payees.some((p) => p.name === added.name)) reject("PAYEE_EXISTS", `${path}.name`, `a payee named ${JSON.stringify(added.name)} exists`);
  if (payees.some((p) => p.address === added.address && p.chainId === added.chainId)) reject("PAYEE_EXISTS", `${path}.address`, "a payee with this address and chain exists");
  return [...payees, added];
}

function addCurrency(accepted: readonly CurrencyState[], added: CurrencyState, path: string): CurrencyState[] {
  if (accepted.some((a) => sameCurrency(a, added))) reject("CURRENCY_EXISTS", path, "the currency is already accepted");
  return [...accepted, added];
}

function addRegion(regions: readonly ShippingRegionState[], added: ShippingRegionState, path: string): ShippingRegionState[] {
  if (regions.some((r) => r.name === added.name)) reject("REGION_EXISTS", `${path}.name`, `a shipping region named ${JSON.stringify(added.name)} exists`);
  return [...regions, added];
}
