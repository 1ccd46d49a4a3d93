// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The ShopFold behind createShopFold and a customer's view (which folds a log without stock).
import type { Address } from "viem";
import { objectParameter } from "../errors/object-parameter.js";
import { type Dialect, dialectScheme } from "../wire/dialect.js";
import { createKeycardSet, type KeycardSet } from "../wire/keycards.js";
import { openSignedEvent, type OpenSignedEventParameters } from "../wire/open-signed-event.js";
import { applyToDraft } from "./apply-to-draft.js";
import { registerOpenedApplier } from "./fold-opened.js";
import { registerUndoableStep } from "./fold-undoable.js";
import { activeOrders, beginDraft, type Journal } from "./draft.js";
import { checkEventInput, checkSignerInput } from "./inputs.js";
import type { ShopFold } from "./shop-fold.js";
import type { ShopState } from "./shop-state.js";

/** A fold over a copy of `state`; `stockUnseen` folds a guest's log, where commits neither check nor hold stock. */
export function ownedFold({ state, stockUnseen }: { state: ShopState; stockUnseen: boolean }): ShopFold {
  const journal: Journal = [];
  const draft = beginDraft({ state: ownCopy(state), owned: true, journal, stockUnseen });
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
  // A step left open across an await: the journal is kept (depth > 0) until it is kept or undone.
  registerUndoableStep(fold, () => {
    const mark = journal.length;
    const root = { ...draft.state };
    depth += 1;
    let open = true;
    const close = (): void => {
      if (!open) throw new Error("undoable step already closed");
      open = false;
      depth -= 1;
      if (depth === 0) journal.length = 0;
    };
    return {
      keep: close,
      undo: () => {
        if (!open) throw new Error("undoable step already closed");
        while (journal.length > mark) (journal.pop() as () => void)();
        Object.assign(draft.state, root);
        close();
      },
    };
  });
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
