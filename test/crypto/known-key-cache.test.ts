// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Per-keycard tables on the @noble/curves path (where WebAssembly is refused):
// a small LRU per verifier that builds a table only for a keycard that signs
// often, never one per event when signers alternate or rotate, and names the
// same signers as recovery. On WebAssembly no table is ever built.
import { toBinary } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createKeycardSet, createShopFold, createShopState, createSignedEvent, openSignedEvent, selectSecp256k1Path, shopStateToJSON, SignedEventSchema, signEvent, verifyShopLog } from "../../src/index.js";
import { KNOWN_KEY_BUILD_AFTER, KNOWN_KEY_TABLES } from "../../src/signature/known-key-cache.js";
import { buildStateLog, stateContext } from "../../bench/state-log.js";
import { domain as benchDomain } from "../../bench/fixtures.js";
import { domain, tagEvent } from "../wire-helpers/fixtures.js";

const signers = Array.from({ length: 20 }, (_, i) => privateKeyToAccount(`0x${(0xab00 + i).toString(16).padStart(64, "0")}`));
const log = await buildStateLog(400);

/** `count` Tag events signed by `pattern(i)`. */
async function events(count: number, pattern: (i: number) => number): Promise<{ bytes: Uint8Array; signer: string }[]> {
  const out = [];
  for (let i = 0; i < count; i++) {
    const account = signers[pattern(i)] as (typeof signers)[number];
    const event = tagEvent(BigInt(i + 1));
    out.push({ bytes: toBinary(SignedEventSchema, createSignedEvent({ event, signature: await signEvent({ event, domain, account }) })), signer: account.address });
  }
  return out;
}

/** Opens every event with one keycard set (one cache), counting tables built and recoveries. */
function openCounting(list: { bytes: Uint8Array; signer: string }[], keycards = createKeycardSet({ keycards: [] })) {
  const tables = vi.spyOn(secp256k1.utils, "precompute");
  const recoveries = vi.spyOn(secp256k1.Signature.prototype, "recoverPublicKey");
  for (const { bytes, signer } of list) expect(openSignedEvent({ signedEvent: bytes, domain, keycards }).signer).toBe(signer);
  const counts = { tables: tables.mock.calls.length, recoveries: recoveries.mock.calls.length };
  vi.restoreAllMocks();
  return counts;
}

describe("keycard tables on the @noble/curves path", () => {
  beforeAll(async () => {
    expect(await selectSecp256k1Path({ path: "js" })).toEqual({ path: "js" });
  });
  afterAll(async () => {
    await selectSecp256k1Path({ path: "wasm" });
  });
  afterEach(() => vi.restoreAllMocks());

  it(`builds one table for a keycard that signs on, once it signed ${KNOWN_KEY_BUILD_AFTER} times, and checks it instead of recovering`, async () => {
    const counts = openCounting(await events(40, () => 0));
    expect(counts.tables).toBe(1);
    expect(counts.recoveries).toBe(KNOWN_KEY_BUILD_AFTER);
  });

  it("builds no table per event when two signers alternate", async () => {
    const counts = openCounting(await events(40, (i) => i % 2));
    // Guessing the last signer never pays here, so no table is built at all; every event is recovered once.
    expect(counts.tables).toBe(0);
    expect(counts.recoveries).toBe(40);
  });

  it("builds at most one table per keycard when signers take turns in runs (a shop's usual pattern)", async () => {
    const counts = openCounting(await events(60, (i) => Math.floor(i / 10) % 2));
    expect(counts.tables).toBeLessThanOrEqual(2);
    expect(counts.recoveries).toBeLessThan(30);
  });

  it(`builds no table while ${signers.length} keycards rotate, more than the ${KNOWN_KEY_TABLES} tables kept`, async () => {
    const counts = openCounting(await events(60, (i) => i % signers.length));
    expect(counts.tables).toBe(0);
    expect(counts.recoveries).toBe(60);
  });

  it("checks a relay's expected keycard (the session's) once it pays, with one table per set", async () => {
    const list = await events(30, (i) => i % 2);
    const [a, b] = [0, 1].map((k) => createKeycardSet({ keycards: [(signers[k] as (typeof signers)[number]).publicKey] }));
    const tables = vi.spyOn(secp256k1.utils, "precompute");
    list.forEach(({ bytes, signer }, i) => expect(openSignedEvent({ signedEvent: bytes, domain, keycards: i % 2 === 0 ? a : b }).signer).toBe(signer));
    expect(tables).toHaveBeenCalledTimes(2);
  });

  it("verifyShopLog and a ShopFold (as ClientSession uses) name the same signers as WebAssembly, with few tables", async () => {
    const tables = vi.spyOn(secp256k1.utils, "precompute");
    const expected = shopStateToJSON({ state: log.state });
    expect(shopStateToJSON({ state: verifyShopLog({ state: createShopState({ context: stateContext }), signedEvents: log.signedEvents, domain: benchDomain }) })).toBe(expected);
    const fold = createShopFold({ state: createShopState({ context: stateContext }) });
    for (const signedEvent of log.signedEvents) fold.verify({ signedEvent, domain: benchDomain });
    expect(shopStateToJSON({ state: fold.state })).toBe(expected);
    // 22 keycards sign this log; tables go only to the few that sign in runs, never one per event.
    expect(tables.mock.calls.length).toBeLessThanOrEqual(2 * KNOWN_KEY_TABLES);
    expect(tables.mock.calls.length).toBeGreaterThan(0);
  });
});

describe("keycard tables on WebAssembly", () => {
  it("are never built: recovery is the cheaper", async () => {
    expect(await selectSecp256k1Path({ path: "wasm" })).toEqual({ path: "wasm" });
    const list = await events(20, () => 3);
    const tables = vi.spyOn(secp256k1.utils, "precompute");
    const keycards = createKeycardSet({ keycards: [(signers[3] as (typeof signers)[number]).publicKey] });
    for (const { bytes, signer } of list) expect(openSignedEvent({ signedEvent: bytes, domain, keycards }).signer).toBe(signer);
    expect(tables).not.toHaveBeenCalled();
  });

  it(`names each event's own signer while ${signers.length} keycards rotate through the ${KNOWN_KEY_TABLES} addresses kept, and hashes a known key again only once it left them`, async () => {
    expect(await selectSecp256k1Path({ path: "wasm" })).toEqual({ path: "wasm" });
    const list = await events(80, (i) => (i < 40 ? i % signers.length : [0, 1, 0, 2][i % 4]) as number);
    const keycards = createKeycardSet({ keycards: [] });
    const addresses = vi.spyOn(await import("../../src/signature/recover-digest-signer.js"), "publicKeyToAddress");
    list.forEach(({ bytes, signer }) => expect(openSignedEvent({ signedEvent: bytes, domain, keycards }).signer).toBe(signer));
    // The 40 rotating events miss every time (20 keys, 8 kept); then keys 0, 1 and 2, none of them among the 8 kept, miss once each.
    expect(addresses.mock.calls.length).toBe(40 + 3);
  });
});
