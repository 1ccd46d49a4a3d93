// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { typedDigest } from "./digest.js";
import type { EventDomain } from "./domain.js";
import { shopEventPrimary } from "./primary-types.js";
import { type Signer, signDigest } from "./sign-digest.js";
import { typedDataOf } from "./typed-data.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface SignEventParameters {
  readonly event: ShopEvent;
  readonly domain: EventDomain;
  /** A viem LocalAccount (keycard key) or a WalletClient with an account. */
  readonly account: Signer;
}

/**
 * Signs a shop event with EIP-712. Local accounts sign the digest directly;
 * wallets get the typed data (and their signature is checked to recover to
 * their account). Resolves to a 65-byte low-s signature with v 27/28.
 *
 * @throws FieldValueError, UnknownFieldsError, DomainError, AccountError, SignatureError
 * @example
 * const account = privateKeyToAccount(generatePrivateKey());
 * const signature = await signEvent({ event, domain, account });
 */
export async function signEvent(parameters: SignEventParameters): Promise<Hex> {
  const { event, domain, account } = objectParameter(parameters);
  const digest = typedDigest({ primary: shopEventPrimary, message: event, domain, root: "event" });
  return signDigest({ account, digest, typedData: () => typedDataOf({ primary: shopEventPrimary, message: event, domain, root: "event" }) });
}
