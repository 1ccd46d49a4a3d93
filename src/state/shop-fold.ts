// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { objectParameter } from "../errors/object-parameter.js";
import { openSignedEvent, type OpenSignedEventParameters } from "../wire/open-signed-event.js";
import { createKeycardSet, type KeycardSet } from "../wire/keycards.js";
import { applyToDraft } from "./apply-to-draft.js";
import { activeOrders, beginDraft, type Journal } from "./draft.js";
import { checkEventInput, checkSignerInput, checkStateInput } from "./inputs.js";
import type { ShopState } from "./shop-state.js";
import type { ShopEventOpening, VerifyShopEventReturnType } from "./verify-shop-event.js";
import { type Dialect, dialectScheme } from "../wire/dialect.js";
import { registerOpenedApplier } from "./fold-opened.js";

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
  const journal: Journal = [];
  const draft = beginDraft({ state: ownCopy(state), owned: true, journal });
  // The order index is built now, with the copy: else the first event needing it would pay a scan of the shop.
  activeOrders(draft, "");
  let depth = 0;
  let ownKeycards: KeycardSet | undefined;
  const atomically = <T>(step: () => T): T => {
    const mark = journal.length;
    const root = { ...draft.state };
    depth += 1;
    try {
      return step();
    } catch (error) {
      while (journal.length > mark) (journal.pop() as () => void)();
      Object.assign(draft.state, root);
      throw error;
    } finally {
      depth -= 1;
      // Once the outermost step is done nothing can undo it: drop its steps.
      if (depth === 0) journal.length = 0;
    }
  };
  const fold: ShopFold = {
    get state(): ShopState {
      return draft.state;
    },
    apply(parameters) {
      const { event, signer } = objectParameter(parameters);
      checkEventInput(event, "event");
      const address = checkSignerInput(signer, "signer");
      atomically(() => applyToDraft(draft, event, address));
    },
    verify(parameters) {
      const { signedEvent, domain, dialect, maxBytes, hashingBudget, keycards } = objectParameter(parameters);
      const scheme = dialectScheme({ dialect, scheme: parameters.scheme });
      // Every opening option travels on, as in verifyShopEvent.
      // Without the caller's keycards, the fold's own (empty) set carries its table LRU from event to event.
      ownKeycards ??= createKeycardSet({ keycards: [] });
      const opened = openSignedEvent({ signedEvent, scheme, domain, maxBytes, hashingBudget, keycards: keycards ?? ownKeycards } as OpenSignedEventParameters);
      atomically(() => applyToDraft(draft, opened.event, opened.signer as Address, dialect));
      return { event: opened.event, signer: opened.signer, eventBytes: opened.eventBytes, scheme };
    },
    atomically,
    snapshot: () => ownCopy(draft.state),
  };
  registerOpenedApplier(fold, (event, signer, dialect) => atomically(() => applyToDraft(draft, event, signer, dialect)));
  return fold;
}

// Collections and the nonce map are the fold's own (entities are replaced, never edited, so they are shared).
function ownCopy(state: ShopState): ShopState {
  return {
    ...state,
    keycards: { ...state.keycards },
    listings: { ...state.listings },
    tags: { ...state.tags },
    inventory: { ...state.inventory },
    orders: { ...state.orders },
    nonces: { lastNonces: { ...state.nonces.lastNonces } },
  };
}
