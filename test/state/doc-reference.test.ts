// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The fold written from docs/shop-state.md alone (doc-reference.ts) replays
// every golden vector: each event's outcome (the snapshot's keccak, or the
// code, path and ErrorCodes value of the refusal, the latter read from the
// document's table), the members a rule case changed, and each base log's
// final snapshot. It must match 100%: any difference is a document bug or a
// library bug.
import { readFileSync } from "node:fs";
import { fromBinary } from "@bufbuild/protobuf";
import { getBytes } from "ethers";
import { describe, expect, it } from "vitest";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { ReferenceRefusal, referenceApply, referenceDigest, referenceSnapshot, referenceState } from "./doc-reference.js";

interface VectorEvent {
  signerAddress: string;
  encoded: string;
  expect: { result: "accepted"; stateKeccak: string } | { result: "rejected"; code: string; path: string; errorCode: number };
  changed?: Record<string, unknown>;
}
interface VectorLog { name: string; start: string; events: VectorEvent[]; finalState?: unknown }
const vectors = JSON.parse(readFileSync(new URL("../vectors/shop-state.json", import.meta.url), "utf8")) as { context: { shopId: string; relays: string[] }; logs: VectorLog[] };
const doc = readFileSync(new URL("../../docs/shop-state.md", import.meta.url), "utf8");
// "Rejection codes": code → ErrorCodes name.
const errorCodes = new Map([...doc.slice(doc.indexOf("## Rejection codes")).matchAll(/^\| `([A-Z_]+)` \| ([A-Z_]+) \|/gm)].map((m) => [m[1]!, m[2]!]));

function step(state: unknown, v: VectorEvent): { state: unknown; outcome: VectorEvent["expect"] } {
  try {
    const next = referenceApply(state, fromBinary(ShopEventSchema, getBytes(v.encoded)), v.signerAddress);
    return { state: next, outcome: { result: "accepted", stateKeccak: referenceDigest(next) } };
  } catch (error) {
    if (!(error instanceof ReferenceRefusal)) throw error;
    const name = errorCodes.get(error.code);
    return { state, outcome: { result: "rejected", code: error.code, path: error.path, errorCode: ErrorCodes[name as keyof typeof ErrorCodes] } };
  }
}

function changedMembers(before: unknown, after: unknown): Record<string, unknown> {
  const a = JSON.parse(referenceSnapshot(before)) as Record<string, unknown>;
  const b = JSON.parse(referenceSnapshot(after)) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => [k, b[k]]));
}

describe("the fold written from docs/shop-state.md replays every golden vector", () => {
  const bases = new Map<string, unknown>();
  const mismatches: string[] = [];
  let events = 0;
  const replay = (log: VectorLog, start: unknown): unknown => {
    let state = start;
    log.events.forEach((v, i) => {
      const next = step(state, v);
      events++;
      if (JSON.stringify(next.outcome) !== JSON.stringify(v.expect)) mismatches.push(`${log.name} #${i}: ${JSON.stringify(next.outcome)} ≠ ${JSON.stringify(v.expect)}`);
      if (v.changed !== undefined && JSON.stringify(changedMembers(state, next.state)) !== JSON.stringify(v.changed)) mismatches.push(`${log.name} #${i}: changed members differ`);
      state = next.state;
    });
    return state;
  };
  for (const log of vectors.logs.filter((l) => l.start === "empty")) {
    const state = replay(log, referenceState(vectors.context));
    if (referenceSnapshot(state) !== referenceSnapshot(log.finalState)) mismatches.push(`${log.name}: final snapshot differs`);
    bases.set(log.name, state);
  }
  for (const log of vectors.logs.filter((l) => l.start !== "empty")) replay(log, bases.get(log.start));

  it("matches every event, every changed member and every final snapshot", () => {
    expect(events).toBeGreaterThan(400);
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it("reads the ErrorCodes of every code from the document", () => {
    for (const [code, name] of errorCodes) expect(ErrorCodes[name as keyof typeof ErrorCodes], code).toBeTypeOf("number");
  });
});
