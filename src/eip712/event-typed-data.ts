// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { EventDomain } from "./domain.js";
import { shopEventPrimary } from "./primary-types.js";
import { type TypedData, typedDataOf } from "./typed-data.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface EventTypedDataParameters {
  /** The shop event to sign, a protobuf-es `ShopEvent` (made with `create(ShopEventSchema, …)`). */
  readonly event: ShopEvent;
  /** Chain id and shop registry address; name and version default to the library's. */
  readonly domain: EventDomain;
}

export type EventTypedDataReturnType = TypedData<typeof shopEventPrimary>;

/**
 * EIP-712 typed data of a shop event, as viem's `hashTypedData`/`signTypedData`
 * and a wallet's `eth_signTypedData_v4` take it. Every field of the event is in
 * `message`; absent optional fields are empty arrays. Integers above 32 bits
 * are bigints: for a raw JSON-RPC request use viem's `serializeTypedData`
 * (viem's wallet clients do that themselves).
 *
 * @throws FieldValueError, UnknownFieldsError, DomainError
 * @example
 * const typedData = eventTypedData({ event, domain: { chainId: 1, verifyingContract: registry } });
 * const signature = await walletClient.signTypedData({ account, ...typedData });
 */
export function eventTypedData(parameters: EventTypedDataParameters): EventTypedDataReturnType {
  const { event, domain } = objectParameter(parameters);
  return typedDataOf({ primary: shopEventPrimary, message: event, domain, root: "event" });
}
