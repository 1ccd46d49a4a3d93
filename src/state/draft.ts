// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { advanceNonce } from "../wire/advance-nonce.js";
import { nextNonce } from "../wire/next-nonce.js";
import type { OrderState, ShopState } from "./shop-state.js";

type Collections = "keycards" | "listings" | "tags" | "inventory" | "orders";

/** Undo steps of an owned draft, newest last; a savepoint is a length plus the root fields at that time. */
export type Journal = (() => void)[];

/**
 * A state being built. Two modes: a copy draft (pure functions) copies each
 * collection on its first write; an owned draft (a ShopFold) writes its own
 * state in place and records an undo step per write in `journal`. Either way
 * entities are replaced, never edited, and every collection write goes
 * through {@link writable}, which keeps the indexes below up to date.
 */
export interface Draft {
  state: { -readonly [K in keyof ShopState]: ShopState[K] };
  readonly copied: Set<Collections>;
  /** Present in an owned draft: the undo steps since the fold's outermost savepoint. */
  readonly journal?: Journal | undefined;
  /** Write views of the collections (copy or in place), one per collection. */
  readonly views: Partial<Record<Collections, Record<string, unknown>>>;
  /** Owned draft: the write view of `state.nonces.lastNonces` (the fold's own, unfrozen map). */
  nonceView?: Record<string, unknown>;
  /** Active orders (not paid, not canceled) per owner keycard, built on first use and kept up to date. */
  active?: Map<string, number>;
  /** A guest's fold: the log it sees has no ChangeInventory, so stock is neither checked nor held (docs/shop-state.md, "A customer's view"). */
  readonly stockUnseen?: boolean | undefined;
}

/** How many active orders (not paid, not canceled) `owner` has in the draft. */
export function activeOrders(draft: Draft, owner: string): number {
  if (draft.active === undefined) {
    draft.active = new Map();
    for (const id in draft.state.orders) countActive(draft.active, draft.state.orders[id], 1);
  }
  return draft.active.get(owner) ?? 0;
}

const ALL: readonly Collections[] = ["keycards", "listings", "tags", "inventory", "orders"];

/**
 * Starts a draft over `state`. A copy draft never touches `state`: `owned`
 * copies every collection now (a log fold, many writes), otherwise each is
 * copied on its first write. With `journal`, `state` is the caller's own
 * (a ShopFold's) and is written in place.
 */
export function beginDraft({ state, owned, journal, stockUnseen }: { state: ShopState; owned: boolean; journal?: Journal; stockUnseen?: boolean }): Draft {
  if (journal !== undefined) return { state: state as Draft["state"], copied: new Set(ALL), journal, views: {}, stockUnseen };
  const draft: Draft = { state: { ...state }, copied: new Set(), views: {} };
  if (owned) for (const name of ALL) writable(draft, name);
  return draft;
}

/** The draft's writable view of one collection: assigning a key writes the draft's own copy (or, owned, the state in place with an undo step). */
export function writable<C extends Collections>(draft: Draft, name: C): Record<string, ShopState[C][string]> {
  let view = draft.views[name];
  if (view === undefined) {
    if (!draft.copied.has(name)) {
      (draft.state as Record<Collections, unknown>)[name] = { ...draft.state[name] };
      draft.copied.add(name);
    }
    view = journaled(draft, draft.state[name] as Record<string, unknown>, name === "orders");
    draft.views[name] = view;
  }
  return view as Record<string, ShopState[C][string]>;
}

/** Accepts `nonce` from `signer` (refused unless above its last one): a new tracker in a copy draft, one journaled write in an owned one. */
export function advanceDraftNonce(draft: Draft, signer: string, nonce: bigint): void {
  const nonces = draft.state.nonces;
  if (draft.journal === undefined) {
    draft.state.nonces = advanceNonce({ nonces, signer, nonce });
    return;
  }
  const { key, value } = nextNonce(nonces, signer, nonce);
  draft.nonceView ??= journaled(draft, nonces.lastNonces as Record<string, unknown>, false);
  draft.nonceView[key] = value;
}

/** A write view of `target`: each assignment is applied, reindexed (orders) and, in an owned draft, journaled. */
export function journaled(draft: Draft, target: Record<string, unknown>, orders: boolean): Record<string, unknown> {
  return new Proxy(target, {
    set(object, key, value) {
      if (typeof key !== "string") return false;
      const had = Object.hasOwn(object, key);
      const before = had ? object[key] : undefined;
      object[key] = value;
      if (orders) reindex(draft, before as OrderState | undefined, value as OrderState);
      draft.journal?.push(() => {
        if (had) object[key] = before;
        else delete object[key];
        if (orders) reindex(draft, value as OrderState, before as OrderState | undefined);
      });
      return true;
    },
    deleteProperty: () => false,
    defineProperty: () => false,
  });
}

// The order index follows every order write (and its undo), so no rule has to remember them.
function reindex(draft: Draft, before: OrderState | undefined, after: OrderState | undefined): void {
  if (draft.active !== undefined) {
    countActive(draft.active, before, -1);
    countActive(draft.active, after, 1);
  }
}

function countActive(counts: Map<string, number>, order: OrderState | undefined, by: 1 | -1): void {
  if (order === undefined || order.status === "paid" || order.status === "canceled") return;
  const next = (counts.get(order.owner) ?? 0) + by;
  if (next === 0) counts.delete(order.owner);
  else counts.set(order.owner, next);
}
