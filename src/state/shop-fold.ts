// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { objectParameter } from "../errors/object-parameter.js";
import { checkStateInput } from "./inputs.js";
import { ownedFold } from "./owned-fold.js";
import type { ShopState } from "./shop-state.js";
import type { ShopEventOpening, VerifyShopEventReturnType } from "./verify-shop-event.js";

/** Parameters of {@link createShopFold}. */
export interface CreateShopFoldParameters {
  /** The state to start from (`createShopState(…)` or a restored snapshot); copied once, never modified. */
  readonly state: ShopState;
}

/** What {@link ShopFold.verify} returns: {@link VerifyShopEventReturnType} without the state (read `fold.state`). */
export type ShopFoldVerified = Omit<VerifyShopEventReturnType, "state">;

/**
 * A shop state that events change in place, at the cost of what each event
 * touches (docs/shop-state.md, "Folding a stream"). Every method is atomic:
 * a refused event, or a refused {@link ShopFold.atomically} batch, leaves
 * the state exactly as before.
 */
export interface ShopFold {
  /**
   * The fold's own state, live: the next accepted event changes it (and the
   * collections in it) in place. Read it, never write it; to keep a state
   * that later events do not change, take {@link ShopFold.snapshot}.
   */
  readonly state: ShopState;
  /** {@link applyShopEvent}'s rules for one opened event, in place. */
  apply(parameters: { readonly event: ShopEvent; readonly signer: string }): void;
  /** {@link verifyShopEvent} in place: opens the SignedEvent, applies it, returns what was opened. */
  verify(parameters: ShopEventOpening): ShopFoldVerified;
  /** Runs `step`; if it throws, every event applied during it is undone before the error propagates. */
  atomically<T>(step: () => T): T;
  /** A copy of the current state that later events do not change (costs one copy of each collection). */
  snapshot(): ShopState;
}

/**
 * An owned fold over a copy of `state` (copied once, here): relays, clients
 * and log verification fold event streams with it, each event costing what it
 * touches instead of a copy of the shop ({@link applyShopEvent} stays pure).
 *
 * @throws FieldValueError for a bad state; from its methods, what applyShopEvent and verifyShopEvent throw
 * @example
 * const fold = createShopFold({ state });
 * fold.atomically(() => {
 *   fold.verify({ signedEvent, domain });
 * });
 * const saved = fold.snapshot();
 */
export function createShopFold(parameters: CreateShopFoldParameters): ShopFold {
  const { state } = objectParameter(parameters);
  checkStateInput(state, "state");
  return ownedFold({ state, stockUnseen: false });
}
