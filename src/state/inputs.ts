// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import { getAddress, isAddress } from "../crypto/checksum-address.js";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { SHOP_STATE_VERSION, type ShopState } from "./shop-state.js";

// Parameter checks shared by the public state functions: junk fails with a typed error, never a TypeError.

export function checkStateInput(state: unknown, path: string): asserts state is ShopState {
  if (typeof state !== "object" || state === null || (state as { version?: unknown }).version !== SHOP_STATE_VERSION) {
    throw new FieldValueError("WRONG_TYPE", `expected a ShopState (version ${SHOP_STATE_VERSION}) from createShopState or shopStateFromJSON`, { path });
  }
}

export function checkEventInput(event: unknown, path: string): asserts event is ShopEvent {
  if (typeof event !== "object" || event === null || (event as { $typeName?: unknown }).$typeName !== "market.mass.ShopEvent") {
    throw new FieldValueError("WRONG_TYPE", "expected a ShopEvent message", { path });
  }
}

export function checkSignerInput(signer: unknown, path: string): Address {
  if (typeof signer !== "string" || !isAddress(signer, { strict: false })) {
    throw new FieldValueError("WRONG_TYPE", "expected the signer's address (0x + 40 hex digits)", { path });
  }
  return getAddress(signer);
}
