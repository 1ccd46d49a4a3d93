// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { ShopState } from "./shop-state.js";

type Collections = "keycards" | "listings" | "tags" | "inventory" | "orders";

/** A state being built: the root and the collections it writes are its own copies, entities are replaced, never edited. */
export interface Draft {
  state: { -readonly [K in keyof ShopState]: ShopState[K] };
  readonly copied: Set<Collections>;
}

const ALL: readonly Collections[] = ["keycards", "listings", "tags", "inventory", "orders"];

/**
 * Starts a draft over `state` without touching it. `owned` copies every
 * collection now (a log fold, many writes); otherwise each is copied on its first write.
 */
export function beginDraft({ state, owned }: { state: ShopState; owned: boolean }): Draft {
  const draft: Draft = { state: { ...state }, copied: new Set() };
  if (owned) for (const name of ALL) writable(draft, name);
  return draft;
}

/** The draft's own, writable copy of one collection. */
export function writable<C extends Collections>(draft: Draft, name: C): Record<string, ShopState[C][string]> {
  if (!draft.copied.has(name)) {
    (draft.state as Record<Collections, unknown>)[name] = { ...draft.state[name] };
    draft.copied.add(name);
  }
  return draft.state[name] as Record<string, ShopState[C][string]>;
}
