// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Replays test/vectors/shop-state.json through the public verify path and
// checks every expectation; the file must also equal a fresh build.
import { readFileSync } from "node:fs";
import { fromBinary } from "@bufbuild/protobuf";
import { type Hex, hexToBytes, keccak256, stringToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { buildShopStateVectors } from "../../scripts/shop-state-vectors.js";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { EVENT_REJECTION_ERROR_CODES } from "../../src/errors/rejection-codes.js";
import { applyShopEvent, createShopState, reduceShopLog, shopStateToJSON, type ShopState, verifyShopEvent } from "../../src/state/index.js";
import { thrown } from "../support/thrown.js";

interface VectorEvent {
  signer: string;
  signerAddress: Hex;
  encoded: Hex;
  signedEvent: Hex | null;
  expect: { result: "accepted"; stateKeccak: Hex } | { result: "rejected"; code: string; path: string; errorCode: number };
  changed?: Record<string, unknown>;
}
interface VectorLog {
  name: string;
  start: "empty" | "scenario" | "fresh";
  events: VectorEvent[];
  finalState?: unknown;
}
const FILE = new URL("../vectors/shop-state.json", import.meta.url);
const doc = JSON.parse(readFileSync(FILE, "utf8")) as {
  domain: { chainId: string; verifyingContract: Hex };
  context: { shopId: Hex; relays: Hex[] };
  logs: VectorLog[];
};
const domain = { chainId: BigInt(doc.domain.chainId), verifyingContract: doc.domain.verifyingContract };
const context = { shopId: doc.context.shopId, relays: doc.context.relays };
const digest = (state: ShopState) => keccak256(stringToBytes(shopStateToJSON({ state })));

/** One step through the public path; returns the next state and what happened. */
function step(state: ShopState, v: VectorEvent): { state: ShopState; outcome: VectorEvent["expect"] } {
  try {
    let next: ShopState;
    if (v.signedEvent !== null) {
      const opened = verifyShopEvent({ state, signedEvent: hexToBytes(v.signedEvent), domain });
      expect(opened.signer).toBe(v.signerAddress);
      next = opened.state;
    } else {
      next = applyShopEvent({ state, event: fromBinary(ShopEventSchema, hexToBytes(v.encoded)), signer: v.signerAddress });
    }
    return { state: next, outcome: { result: "accepted", stateKeccak: digest(next) } };
  } catch (error) {
    if (!isEventRejectedError(error)) throw error;
    return { state, outcome: { result: "rejected", code: error.reason ?? "", path: error.path ?? "", errorCode: error.errorCode } };
  }
}

function replay(log: VectorLog, start: ShopState): ShopState {
  let state = start;
  log.events.forEach((v, i) => {
    const before = state;
    const next = step(state, v);
    expect(next.outcome, `${log.name} event ${i}`).toEqual(v.expect);
    if (v.changed !== undefined) {
      const a = JSON.parse(shopStateToJSON({ state: before })) as Record<string, unknown>;
      const b = JSON.parse(shopStateToJSON({ state: next.state })) as Record<string, unknown>;
      const changed = Object.fromEntries(Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => [k, b[k]]));
      expect(changed, `${log.name}: changed members`).toEqual(v.changed);
    }
    state = next.state;
  });
  return state;
}

describe("shop state golden vectors", () => {
  const bases = new Map<string, ShopState>();
  for (const log of doc.logs.filter((l) => l.start === "empty")) {
    it(`base log ${log.name} replays to its final state`, () => {
      const state = replay(log, createShopState({ context }));
      expect(JSON.parse(shopStateToJSON({ state }))).toEqual(log.finalState);
      bases.set(log.name, state);
    });
  }

  it("every rule log replays from its base as expected", () => {
    for (const log of doc.logs.filter((l) => l.start !== "empty")) replay(log, bases.get(log.start) as ShopState);
  });

  it("a fold of a whole log gives each refusal's path prefixed with its entry (events[i].)", () => {
    const entries = (log: VectorLog) => log.events.map((v) => ({ event: fromBinary(ShopEventSchema, hexToBytes(v.encoded)), signer: v.signerAddress }));
    let checked = 0;
    for (const log of doc.logs.filter((l) => l.start !== "empty" && l.events.at(-1)?.expect.result === "rejected")) {
      const base = doc.logs.find((l) => l.name === log.start)!;
      const all = [...entries(base), ...entries(log)];
      const last = log.events.at(-1)!.expect as { code: string; path: string };
      expect(thrown(() => reduceShopLog({ state: createShopState({ context }), events: all })), log.name).toMatchObject({ reason: last.code, path: `events[${all.length - 1}].${last.path}` });
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
  });

  it("cover every rejection code of the shop rules and every event kind and action", () => {
    const events = doc.logs.flatMap((l) => l.events);
    const codes = new Set(events.flatMap((e) => (e.expect.result === "rejected" ? [e.expect.code] : [])));
    for (const e of events) if (e.expect.result === "rejected") expect(e.expect.errorCode).toBe(EVENT_REJECTION_ERROR_CODES[e.expect.code as keyof typeof EVENT_REJECTION_ERROR_CODES]);
    const policyOnly = ["TIMESTAMP_OUT_OF_WINDOW", "ACCOUNT_EVENT_NOT_ALLOWED"];
    expect(Object.keys(EVENT_REJECTION_ERROR_CODES).filter((c) => !codes.has(c) && !policyOnly.includes(c))).toEqual([]);
    const kinds = new Set(events.filter((e) => e.expect.result === "accepted").map((e) => {
      const event = fromBinary(ShopEventSchema, hexToBytes(e.encoded));
      const u = event.union;
      return u.case === "account" || u.case === "updateOrder" ? `${u.case}.${u.value.action.case}` : String(u.case);
    }));
    const all = [
      "manifest", "updateManifest", "listing", "updateListing", "changeInventory", "tag", "updateTag", "createOrder",
      "account.enrollKeycard", "account.revokeKeycard", "account.add", "account.remove",
      ...["cancel", "changeItems", "commitItems", "setInvoiceAddress", "setShippingAddress", "choosePayment", "setPaymentDetails", "addPaymentTx", "setShippingStatus"].map((a) => `updateOrder.${a}`),
    ];
    expect(all.filter((k) => !kinds.has(k))).toEqual([]);
  });

  it("the committed file equals a fresh build (npm run vectors)", async () => {
    expect(await buildShopStateVectors()).toBe(readFileSync(FILE, "utf8"));
  }, 120_000);
});
