// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { openSignedEvent, type OpenSignedEventParameters } from "../wire/open-signed-event.js";
import type { HashingBudget } from "../wire/hashing-cost.js";
import { createKeycardSet, type KeycardSet } from "../wire/keycards.js";
import type { EventDomain } from "../eip712/domain.js";
import type { VerifyShopEventParameters } from "./verify-shop-event.js";
import { atLogIndex } from "./at-log-index.js";
import { checkStateInput } from "./inputs.js";
import { createShopFold } from "./shop-fold.js";
import type { ShopState } from "./shop-state.js";

/** Parameters of {@link verifyShopLog}: like {@link VerifyShopEventParameters}, with a list of events. */
export type VerifyShopLogParameters = {
  /** The state to start from (`createShopState(…)` or a restored snapshot); never modified. */
  readonly state: ShopState;
  /** Pushed history in log order: SignedEvent messages or their bytes. */
  readonly signedEvents: readonly (SignedEvent | Uint8Array)[];
  /** Size cap per event, as in `openSignedEvent`. */
  readonly maxBytes?: number | undefined;
  /** Hashing-work budget per event, as in `openSignedEvent`. */
  readonly hashingBudget?: Partial<HashingBudget> | undefined;
  /** Keycards known by public key, checked before recovering, as in `openSignedEvent`. */
  readonly keycards?: KeycardSet | undefined;
} & (
  | { readonly scheme?: "eip712" | undefined; readonly domain: EventDomain }
  | { readonly scheme: "eip191"; readonly domain?: EventDomain | undefined }
);

/**
 * {@link verifyShopEvent} over pushed history: every signature, role, nonce
 * and rule in one pass, in one {@link createShopFold} (the state is copied once). Stops at the first bad event.
 *
 * @throws EventRejectedError for the first refused event, its `path` prefixed with `signedEvents[i].`; SignatureError, DecodeError, … (unprefixed) for one that does not open
 * @example
 * const state = verifyShopLog({ state: createShopState({ context }), signedEvents, domain });
 */
export function verifyShopLog(parameters: VerifyShopLogParameters): ShopState {
  const { state, signedEvents, domain, scheme = "eip712", maxBytes, hashingBudget, keycards } = objectParameter(parameters);
  checkStateInput(state, "state");
  if (!Array.isArray(signedEvents)) throw new FieldValueError("WRONG_TYPE", "expected an array of SignedEvent messages or bytes", { path: "signedEvents" });
  const fold = createShopFold({ state });
  // One set for the whole log: its table LRU serves every event (the caller's, or an empty one).
  const known = keycards ?? createKeycardSet({ keycards: [] });
  signedEvents.forEach((signedEvent: SignedEvent | Uint8Array, i) => {
    const opened = openSignedEvent({ signedEvent, scheme, domain, maxBytes, hashingBudget, keycards: known } as OpenSignedEventParameters);
    atLogIndex(`signedEvents[${i}]`, () => fold.apply(opened));
  });
  return fold.state;
}
