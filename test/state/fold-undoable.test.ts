// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay's undoable step (src/state/fold-undoable.ts, internal): events
// folded while a step is open are undone exactly (orders, stock, nonces,
// keycards), kept for good, and a refused event inside the step undoes only itself.
import { describe, expect, it } from "vitest";
import { beginUndoable } from "../../src/state/fold-undoable.js";
import { createShopFold } from "../../src/state/shop-fold.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import { createShopState } from "../../src/state/create-shop-state.js";
import { context } from "../support/shop-fixtures.js";
import { buildScenario } from "../support/shop-scenario.js";

const { log } = buildScenario();
const half = Math.floor(log.entries.length / 2);

function foldedTo(count: number) {
  const fold = createShopFold({ state: createShopState({ context }) });
  for (const { event, signer } of log.entries.slice(0, count)) fold.apply({ event, signer });
  return fold;
}

const json = (fold: ReturnType<typeof foldedTo>) => JSON.stringify(shopStateToJSON({ state: fold.state }));

describe("an undoable step of a ShopFold", () => {
  it("undo gives back the state before the step, however many events it folded", () => {
    const fold = foldedTo(half);
    const before = json(fold);
    const step = beginUndoable(fold);
    for (const { event, signer } of log.entries.slice(half)) fold.apply({ event, signer });
    expect(json(fold)).toBe(json(foldedTo(log.entries.length)));
    step.undo();
    expect(json(fold)).toBe(before);
    // The fold goes on from there as if the step never happened.
    for (const { event, signer } of log.entries.slice(half)) fold.apply({ event, signer });
    expect(json(fold)).toBe(json(foldedTo(log.entries.length)));
  });

  it("keep makes the step final; a refused event inside it undoes only itself; a step closes once", () => {
    const fold = foldedTo(half);
    const step = beginUndoable(fold);
    const [first, ...rest] = log.entries.slice(half);
    fold.apply(first!);
    // The same event again: its nonce is spent, so it is refused and leaves the step as it was.
    const after = json(fold);
    expect(() => fold.apply(first!)).toThrow();
    expect(json(fold)).toBe(after);
    for (const entry of rest) fold.apply(entry);
    step.keep();
    expect(json(fold)).toBe(json(foldedTo(log.entries.length)));
    expect(() => step.undo()).toThrow(/already closed/);
  });
});
