// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The shop state golden vectors, test/vectors/shop-state.json (written by
// `npm run vectors`): logs of signed events with, after every event, the
// keccak-256 of the state snapshot or the rejection (code, path, ErrorCodes).
// The base logs carry their final state in full; each rule case (one per row
// of docs/shop-state.md, test/support/shop-rule-cases.ts) starts from a base
// log and lists the state members it changed.
import { toBinary, toJson } from "@bufbuild/protobuf";
import { bytesToHex, keccak256, stringToBytes } from "viem";
import { ShopEventSchema, type ShopEvent } from "../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../gen/market/mass/transport_pb.js";
import { type EventDomain, signEvent } from "../src/index.js";
import { isEventRejectedError } from "../src/errors/event-rejected-error.js";
import { applyShopEvent, createShopState, shopStateToJSON, type ShopState } from "../src/state/index.js";
import { createSignedEvent } from "../src/wire/create-signed-event.js";
import type { JsonValue } from "../test/eip712/typed-data-json.js";
import { clerk, context, guest, guest2, type Party, relay, retired, SHOP_ID_BYTES, stranger } from "../test/support/shop-fixtures.js";
import { prepareRuleCase, RULE_CASES } from "../test/support/shop-rule-cases.js";
import { buildEveryMember } from "../test/support/shop-every-member.js";
import { buildFresh, buildScenario } from "../test/support/shop-scenario.js";

/** The domain every vector event is signed for. */
export const STATE_VECTORS_DOMAIN: EventDomain = { chainId: 1n, verifyingContract: "0x0000000000000000000000000000000000000a11" };
const PARTIES: Record<string, Party> = { relay, clerk, guest, guest2, retired, stranger };
const nameOf = (address: string) => Object.entries(PARTIES).find(([, p]) => p.address === address)?.[0] ?? address;

/** keccak-256 of the snapshot's UTF-8 bytes. */
export const stateDigest = (state: ShopState) => keccak256(stringToBytes(shopStateToJSON({ state })));

// Events the typed data cannot carry (a short id, no union, …) are given unsigned: apply them with their signer.
async function signed(event: ShopEvent, signer: string): Promise<string | null> {
  const party = PARTIES[nameOf(signer)];
  if (party === undefined) return null;
  try {
    const signature = await signEvent({ event, domain: STATE_VECTORS_DOMAIN, account: party.account });
    return bytesToHex(toBinary(SignedEventSchema, createSignedEvent({ event, signature })));
  } catch {
    return null;
  }
}

// proto3 JSON cannot write every value a case needs (nanos out of range): those carry only `encoded`.
function eventJson(event: ShopEvent): JsonValue {
  try {
    return toJson(ShopEventSchema, event) as JsonValue;
  } catch {
    return null;
  }
}

async function vectorEvent(event: ShopEvent, signer: string, before: ShopState): Promise<{ json: JsonValue; after: ShopState }> {
  const base = { signer: nameOf(signer), signerAddress: signer, event: eventJson(event), encoded: bytesToHex(toBinary(ShopEventSchema, event)), signedEvent: await signed(event, signer) };
  try {
    const after = applyShopEvent({ state: before, event, signer });
    return { json: { ...base, expect: { result: "accepted", stateKeccak: stateDigest(after) } }, after };
  } catch (error) {
    if (!isEventRejectedError(error)) throw error;
    return { json: { ...base, expect: { result: "rejected", code: error.reason ?? null, path: error.path ?? null, errorCode: error.errorCode } }, after: before };
  }
}

async function baseLog(name: string, build: () => { log: { entries: { event: ShopEvent; signer: string }[] }; state: ShopState }): Promise<JsonValue> {
  const { log } = build();
  let state = createShopState({ context });
  const events: JsonValue[] = [];
  for (const entry of log.entries) {
    const step = await vectorEvent(entry.event, entry.signer, state);
    events.push(step.json);
    state = step.after;
  }
  return { name, start: "empty", events, finalState: JSON.parse(shopStateToJSON({ state })) as JsonValue };
}

function changedMembers(before: ShopState, after: ShopState): JsonValue {
  const out: Record<string, JsonValue> = {};
  const a = JSON.parse(shopStateToJSON({ state: before })) as Record<string, JsonValue>;
  const b = JSON.parse(shopStateToJSON({ state: after })) as Record<string, JsonValue>;
  for (const key of Object.keys(b)) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out[key] = b[key] as JsonValue;
  return out;
}

/**
 * Builds the vectors document (deterministic: fixed keys, RFC 6979 signatures, canonical snapshots).
 * @example const json = await buildShopStateVectors(); // the file's content
 */
export async function buildShopStateVectors(): Promise<string> {
  const logs: JsonValue[] = [await baseLog("scenario", buildScenario), await baseLog("fresh", buildFresh), await baseLog("every member", buildEveryMember)];
  for (const c of RULE_CASES) {
    const { before, event, signer } = prepareRuleCase(c);
    const setupEvents: JsonValue[] = [];
    // Re-derive the setup steps as vector events: the case's own preparation applied them already.
    const start = c.base === "fresh" ? buildFresh() : buildScenario();
    let state = start.state;
    for (const step of c.setup ?? []) {
      const entry = start.log.push(step.by, step.union);
      const v = await vectorEvent(entry.event, entry.signer, state);
      setupEvents.push(v.json);
      state = v.after;
    }
    if (stateDigest(state) !== stateDigest(before)) throw new Error(`${c.rule}: setup does not reproduce`);
    const last = await vectorEvent(event, signer, before);
    const json = last.json as Record<string, JsonValue>;
    if (c.code !== undefined && (json.expect as { code?: unknown }).code !== c.code) throw new Error(`${c.rule}: expected ${c.code}`);
    const changed = last.after === before ? {} : changedMembers(before, last.after);
    logs.push({ name: `rule ${c.rule}`, start: c.base ?? "scenario", events: [...setupEvents, { ...json, changed }] });
  }
  const document: JsonValue = {
    description:
      "Shop state golden vectors (docs/shop-state.md). Each log starts from an empty shop (createShopState with `context`) or from the final " +
      "state of the named base log, and lists its events: the signer, the event as proto3 JSON (null where proto3 JSON cannot hold it) and as binary, the SignedEvent bytes signed with EIP-712 for " +
      "`domain` (null where the typed data cannot carry the event; apply it with the signer then), and what must happen: accepted with the " +
      "keccak-256 of the canonical snapshot (UTF-8) after it, or rejected with the stable code, the field path and the ErrorCodes value. " +
      "Paths are those of applyShopEvent({ event, signer }) for the one event (`event.…`, or `signer`); a fold of a whole log prefixes them with `events[i].`. " +
      "The base log `every member` ends in a snapshot holding every member of the grammar, each optional one both null and present. " +
      "The last event of a rule log also lists the top-level state members it changed. Generated by scripts/shop-state-vectors.ts; do not edit by hand.",
    generator: { script: "scripts/shop-state-vectors.ts", command: "npm run vectors" },
    domain: { chainId: STATE_VECTORS_DOMAIN.chainId.toString(), verifyingContract: STATE_VECTORS_DOMAIN.verifyingContract },
    context: { shopId: bytesToHex(SHOP_ID_BYTES), relays: [relay.address] },
    testKeys: Object.fromEntries(Object.entries(PARTIES).map(([name, p]) => [name, { address: p.address, privateKey: p.key }])),
    logs,
  };
  return `${JSON.stringify(document, null, 1)}\n`;
}
