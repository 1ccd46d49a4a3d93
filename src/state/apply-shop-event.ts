// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { objectParameter } from "../errors/object-parameter.js";
import { applyToDraft } from "./apply-to-draft.js";
import { beginDraft } from "./draft.js";
import { checkEventInput, checkSignerInput, checkStateInput } from "./inputs.js";
import type { ShopState } from "./shop-state.js";

/** Parameters of {@link applyShopEvent}. */
export interface ApplyShopEventParameters {
  /** The state before the event; never modified. */
  readonly state: ShopState;
  /** The event, already opened (its signature checked), e.g. `openSignedEvent(…).event`. */
  readonly event: ShopEvent;
  /** The address that signed it, e.g. `openSignedEvent(…).signer`; its role comes from `state`. */
  readonly signer: string;
}

/**
 * The shop rules (docs/shop-state.md) in one step: checks that `signer` may
 * sign `event` in `state` (role, relay sandbox, nonce) and that the event is
 * valid there, and returns the next state. The input state is not modified;
 * unchanged parts are shared with the result.
 *
 * @throws EventRejectedError with the rule's stable `reason`, the field `path` and the relay's `errorCode`; FieldValueError for bad parameters
 * @example
 * const next = applyShopEvent({ state, event, signer });
 */
export function applyShopEvent(parameters: ApplyShopEventParameters): ShopState {
  const { state, event, signer } = objectParameter(parameters);
  checkStateInput(state, "state");
  checkEventInput(event, "event");
  const draft = beginDraft({ state, owned: false });
  applyToDraft(draft, event, checkSignerInput(signer, "signer"));
  return draft.state;
}
