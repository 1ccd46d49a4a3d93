// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { typedDigest } from "./digest.js";
import type { EventDomain } from "./domain.js";
import { shopEventPrimary } from "./primary-types.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface HashEventParameters {
  readonly event: ShopEvent;
  readonly domain: EventDomain;
}

/**
 * The EIP-712 digest of a shop event: equal to viem's
 * `hashTypedData(eventTypedData({ event, domain }))`, computed with the
 * generated type hashes.
 *
 * @throws FieldValueError, UnknownFieldsError, DomainError
 * @example
 * const digest = hashEvent({ event, domain: { chainId: 1, verifyingContract: registry } }); // "0x…"
 */
export function hashEvent(parameters: HashEventParameters): Hex {
  const { event, domain } = objectParameter(parameters);
  return bytesToHex(typedDigest({ primary: shopEventPrimary, message: event, domain, root: "event" }));
}
