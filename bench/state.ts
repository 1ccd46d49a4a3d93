// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The shop state benchmark: fold a 10,000-event log with reduceShopLog (events
// already opened) and with verifyShopLog (every signature recovered too), as
// events per second, and the snapshot bytes per listing and per order. Target:
// folding costs under 2% of verifying the same events.
import { canonicalJson } from "../src/state/canonical-json.js";
import { applyShopEvent, createShopState, reduceShopLog, shopStateToJSON, verifyShopLog } from "../src/state/index.js";
import { domain } from "./fixtures.js";
import { buildStateLog, stateContext } from "./state-log.js";

export interface StateBench {
  readonly text: string;
  readonly pass: boolean;
}

function bestOf(runs: number, fn: () => unknown): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Builds the log, checks that both folds give the generator's state, then times them.
 * @example const { text, pass } = await stateBench({ quick: false });
 */
export async function stateBench({ quick }: { quick: boolean }): Promise<StateBench> {
  const length = 10_000;
  const log = await buildStateLog(length);
  const start = createShopState({ context: stateContext });
  const expected = shopStateToJSON({ state: log.state });
  const folded = reduceShopLog({ state: start, events: log.events });
  const verified = verifyShopLog({ state: start, signedEvents: log.signedEvents, domain });
  if (shopStateToJSON({ state: folded }) !== expected || shopStateToJSON({ state: verified }) !== expected) throw new Error("bench check failed: the folds disagree");
  const foldMs = bestOf(quick ? 3 : 10, () => reduceShopLog({ state: start, events: log.events }));
  const verifyMs = bestOf(quick ? 1 : 3, () => verifyShopLog({ state: start, signedEvents: log.signedEvents, domain }));
  const ratio = foldMs / verifyMs;
  // Live path: the last 1,000 events one by one with applyShopEvent, each copying the collections it writes.
  const prefix = reduceShopLog({ state: start, events: log.events.slice(0, length - 1000) });
  const liveMs = bestOf(quick ? 1 : 3, () => log.events.slice(length - 1000).reduce((state, entry) => applyShopEvent({ state, ...entry }), prefix));
  const listings = Object.values(log.state.listings);
  const orders = Object.values(log.state.orders);
  const inventoryBytes = Object.entries(log.state.inventory).reduce((n, [k, v]) => n + k.length + canonicalJson(v).length + 4, 0);
  const perListing = (listings.reduce((n, l) => n + canonicalJson(l).length + 22, 0) + inventoryBytes) / listings.length;
  const perOrder = orders.reduce((n, o) => n + canonicalJson(o).length + 22, 0) / orders.length;
  const rate = (ms: number) => Math.round((length / ms) * 1000).toLocaleString("en-US");
  const pass = ratio < 0.02;
  const text = [
    `Log: ${length.toLocaleString("en-US")} events, ${log.listings} listings (half with 2 options × 3 variations, stock per combination), ${log.orders} orders through their whole life; snapshot ${expected.length.toLocaleString("en-US")} bytes.`,
    "",
    "| fold | time (best) | events/s |",
    "|---|---|---|",
    `| reduceShopLog (opened events, rules only) | ${foldMs.toFixed(1)} ms | ${rate(foldMs)} |`,
    `| verifyShopLog (SignedEvent bytes: signature recovery + rules) | ${verifyMs.toFixed(0)} ms | ${rate(verifyMs)} |`,
    `| applyShopEvent one by one, last 1,000 events (${Object.keys(prefix.orders).length} orders, ${Object.keys(prefix.inventory).length} stock keys held) | ${(liveMs * 10).toFixed(0)} ms per 10,000 | ${Math.round((1000 / liveMs) * 1000).toLocaleString("en-US")} |`,
    "",
    `Snapshot bytes (canonical JSON) per listing, its stock entries included: ${perListing.toFixed(0)}; per order: ${perOrder.toFixed(0)}.`,
    "",
    `Target: folding < 2% of verifying the same events: ${(ratio * 100).toFixed(2)}% — ${pass ? "pass" : "MISS"}.`,
    "One event at a time, applyShopEvent copies each top-level collection the event writes (so it never changes its input): its cost grows with the number of orders and stock keys; fold streams with createShopFold (reduceShopLog, verifyShopLog, the relay and ClientSession do; see the Scaling section).",
  ].join("\n");
  return { text, pass };
}
