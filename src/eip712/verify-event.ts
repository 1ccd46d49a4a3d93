// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address, Hex } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { EventDomain } from "./domain.js";
import { recoverEventSigner } from "./recover-event-signer.js";
import { expectedAddress, sameAddress } from "./expected-address.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface VerifyEventParameters {
  readonly event: ShopEvent;
  readonly domain: EventDomain;
  readonly signature: Hex | Uint8Array;
  /** The keycard (or wallet) address expected to have signed. */
  readonly address: Address;
}

/**
 * True when `signature` is a canonical EIP-712 signature of `event` by
 * `address`; false when it was made by another key or over other data.
 * Malformed input (bad signature encoding, high s, bad event or domain)
 * throws instead of returning false, so bugs are not mistaken for forgeries.
 * Synchronous (no I/O): the result is a boolean, never an always-truthy Promise.
 *
 * @throws SignatureError, FieldValueError, UnknownFieldsError, DomainError
 * @example
 * if (!verifyEvent({ event, domain, signature, address: keycard })) console.log("not signed by this keycard");
 */
export function verifyEvent(parameters: VerifyEventParameters): boolean {
  const { event, domain, signature, address } = objectParameter(parameters);
  const expected = expectedAddress({ address });
  return sameAddress({ a: recoverEventSigner({ event, domain, signature }), b: expected });
}
