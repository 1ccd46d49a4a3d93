// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { objectParameter } from "../errors/object-parameter.js";
import { dialectScheme } from "../wire/dialect.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import type { HashingBudget } from "../wire/hashing-cost.js";
import type { KeycardSet } from "../wire/keycards.js";
import { openSignedEvent, type OpenSignedEventParameters, type SignatureScheme } from "../wire/open-signed-event.js";
import { applyToDraft } from "./apply-to-draft.js";
import { beginDraft } from "./draft.js";
import { checkStateInput } from "./inputs.js";
import type { ShopState } from "./shop-state.js";

/**
 * Parameters of {@link verifyShopEvent}: the state, the shop's dialect
 * (`"v3"`: EIP-191 and an absent shop_id is this shop), and everything
 * `openSignedEvent` takes (signedEvent, scheme, domain, maxBytes, hashingBudget, keycards).
 */
export type VerifyShopEventParameters = { readonly state: ShopState } & ShopEventOpening;

/**
 * How a shop's event is opened: `openSignedEvent`'s parameters in the
 * default dialect, or in dialect `"v3"` the same without a domain (the
 * scheme is EIP-191).
 */
export type ShopEventOpening =
  | ({ readonly dialect?: "eip712" | undefined } & OpenSignedEventParameters)
  | {
      readonly dialect: "v3";
      readonly scheme?: "eip191" | undefined;
      readonly domain?: undefined;
      readonly signedEvent: SignedEvent | Uint8Array;
      readonly maxBytes?: number | undefined;
      readonly hashingBudget?: Partial<HashingBudget> | undefined;
      readonly keycards?: KeycardSet | undefined;
    };

/** Result of {@link verifyShopEvent}. */
export interface VerifyShopEventReturnType {
  /** The state after the event. */
  readonly state: ShopState;
  /** The decoded event. */
  readonly event: ShopEvent;
  /** Checksummed address that signed it. */
  readonly signer: Address;
  /** The exact event bytes, to store and forward. */
  readonly eventBytes: Uint8Array;
  /** The signature scheme the event was opened with. */
  readonly scheme: SignatureScheme;
}

/**
 * The one path for relays (accepting a write) and clients (a live push):
 * opens the SignedEvent (signature strictly checked, signer recovered), then
 * applies the shop rules with the signer's role taken from `state` (keycards
 * enrolled in the log, relay addresses of the context).
 *
 * @throws SignatureError, DecodeError, TypeUrlError, … from opening; EventRejectedError from the rules
 * @example
 * const { state: next, signer } = verifyShopEvent({ state, signedEvent, domain });
 * // A v3 shop: EIP-191 signatures, no shop_id needed.
 * const v3 = verifyShopEvent({ state, signedEvent, dialect: "v3" });
 */
export function verifyShopEvent(parameters: VerifyShopEventParameters): VerifyShopEventReturnType {
  const { state, signedEvent, domain, dialect, maxBytes, hashingBudget, keycards } = objectParameter(parameters);
  const scheme = dialectScheme({ dialect, scheme: parameters.scheme });
  checkStateInput(state, "state");
  // Every opening option travels on: a budget or key set given here and dropped would be a check silently off.
  const opened = openSignedEvent({ signedEvent, scheme, domain, maxBytes, hashingBudget, keycards } as OpenSignedEventParameters);
  const draft = beginDraft({ state, owned: false });
  applyToDraft(draft, opened.event, opened.signer, dialect);
  return { state: draft.state, event: opened.event, signer: opened.signer, eventBytes: opened.eventBytes, scheme };
}
