// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay's internal way to fold an event whose signature a verification
// worker checked on these exact bytes. Never exported from the package: no
// caller outside the relay can hand a fold a signer it did not check.
import type { Address } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { Dialect } from "../wire/dialect.js";
import type { ShopFold } from "./shop-fold.js";

type ApplyOpened = (event: ShopEvent, signer: Address, dialect: Dialect) => void;

const appliers = new WeakMap<ShopFold, ApplyOpened>();

/** Called by createShopFold only. */
export function registerOpenedApplier(fold: ShopFold, apply: ApplyOpened): void {
  appliers.set(fold, apply);
}

/** The state rules for an event opened elsewhere (ShopFold.verify without the opening), atomically. */
export function applyOpenedEvent(fold: ShopFold, event: ShopEvent, signer: Address, dialect: Dialect): void {
  const apply = appliers.get(fold);
  if (apply === undefined) throw new Error("not a fold made by createShopFold");
  apply(event, signer, dialect);
}
