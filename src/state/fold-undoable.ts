// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay's internal way to keep a fold's step undoable past an await (a
// shared store's append). Never exported from the package: only the relay
// holds a shop's turn while a step is open. Undo replays the step's own
// journal, so its cost is the step's writes, never the shop's size.
import type { ShopFold } from "./shop-fold.js";

/** An open step: everything folded since it began is kept or undone, once. */
export interface UndoableStep {
  keep(): void;
  undo(): void;
}

type Begin = () => UndoableStep;

const beginners = new WeakMap<ShopFold, Begin>();

/** Called by createShopFold only. */
export function registerUndoableStep(fold: ShopFold, begin: Begin): void {
  beginners.set(fold, begin);
}

/** Opens a step on `fold`: until keep() or undo(), nothing folded into it is final. */
export function beginUndoable(fold: ShopFold): UndoableStep {
  const begin = beginners.get(fold);
  if (begin === undefined) throw new Error("not a fold made by createShopFold");
  return begin();
}
