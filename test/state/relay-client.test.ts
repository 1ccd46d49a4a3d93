// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A relay and clients built on the package, given the same log, hold
// byte-identical snapshots: the relay accepts signed writes with
// verifyShopEvent (refusing bad ones), signs its own sandboxed events through
// the same path, and clients rebuild from the pushed SignedEvents, whole or
// from a snapshot plus live pushes.
import { toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { signEvent } from "../../src/eip712/sign-event.js";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { isEventRejectedError } from "../../src/errors/event-rejected-error.js";
import { createShopState } from "../../src/state/create-shop-state.js";
import { shopStateFromJSON } from "../../src/state/shop-state-from-json.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import type { ShopState } from "../../src/state/shop-state.js";
import { verifyShopEvent } from "../../src/state/verify-shop-event.js";
import { verifyShopLog } from "../../src/state/verify-shop-log.js";
import { createSignedEvent } from "../../src/wire/create-signed-event.js";
import { signEventBytes } from "../../src/wire/sign-event-bytes.js";
import { clerk, context, guest, guest2, type Party, relay, retired, stranger } from "../support/shop-fixtures.js";
import { buildScenario } from "../support/shop-scenario.js";

const domain = { chainId: 1, verifyingContract: "0x0000000000000000000000000000000000000a11" } as const;
const parties = [relay, clerk, guest, guest2, retired, stranger];
const partyOf = (address: string): Party => parties.find((p) => p.address === address) as Party;

async function sign(event: ShopEvent, by: Party): Promise<Uint8Array> {
  const signature = await signEvent({ event, domain, account: by.account });
  return toBinary(SignedEventSchema, createSignedEvent({ event, signature }));
}

/** The relay: one state, one log of accepted SignedEvent bytes, an answer per write. */
function relayProcess() {
  let state: ShopState = createShopState({ context });
  const log: Uint8Array[] = [];
  return {
    write(bytes: Uint8Array): ErrorCodes | "ok" {
      try {
        state = verifyShopEvent({ state, signedEvent: bytes, domain }).state;
      } catch (error) {
        if (isEventRejectedError(error)) return error.errorCode;
        throw error;
      }
      log.push(bytes);
      return "ok";
    },
    get state() {
      return state;
    },
    log,
  };
}

describe("relay and clients on the same log", async () => {
  const { log: scenario } = buildScenario();
  const writes: Uint8Array[] = [];
  for (const entry of scenario.entries) writes.push(await sign(entry.event, partyOf(entry.signer)));
  const relayState = relayProcess();
  const answers = writes.map((bytes) => relayState.write(bytes));
  // Hostile writes between the good ones: a replay, an unknown signer, a revoked keycard, another shop.
  const replay = relayState.write(writes[10] as Uint8Array);
  const forged = relayState.write(await sign(scenario.next(stranger, { case: "createOrder", value: { id: { raw: new Uint8Array(8).fill(9) } } }).event, stranger));
  const revoked = relayState.write(await sign(scenario.next(retired, { case: "tag", value: { id: { raw: new Uint8Array(8).fill(9) }, name: "x" } }).event, retired));
  const otherShop = relayState.write(await sign(scenario.next(clerk, { case: "tag", value: { id: { raw: new Uint8Array(8).fill(9) }, name: "x" } }, { shopId: new Uint8Array(32) }).event, clerk));

  it("the relay accepts the scenario and answers the hostile writes with the table's ErrorCodes", () => {
    expect(answers.every((a) => a === "ok")).toBe(true);
    expect([replay, forged, revoked, otherShop]).toEqual([ErrorCodes.INVALID, ErrorCodes.UNLINKED_KEYCARD, ErrorCodes.UNLINKED_KEYCARD, ErrorCodes.INVALID]);
    expect(relayState.log).toHaveLength(writes.length);
  });

  it("a client folding the pushed history holds a byte-identical snapshot", () => {
    const client = verifyShopLog({ state: createShopState({ context }), signedEvents: relayState.log, domain });
    expect(shopStateToJSON({ state: client })).toBe(shopStateToJSON({ state: relayState.state }));
  });

  it("a client resuming from a stored snapshot with live pushes holds a byte-identical snapshot", () => {
    const half = Math.floor(relayState.log.length / 2);
    const stored = shopStateToJSON({ state: verifyShopLog({ state: createShopState({ context }), signedEvents: relayState.log.slice(0, half), domain }) });
    let state = shopStateFromJSON({ json: stored });
    for (const pushed of relayState.log.slice(half)) state = verifyShopEvent({ state, signedEvent: pushed, domain }).state;
    expect(shopStateToJSON({ state })).toBe(shopStateToJSON({ state: relayState.state }));
  });

  it("a client refuses a history in which the relay signs outside its sandbox", async () => {
    const outside = await sign(scenario.next(relay, { case: "tag", value: { id: { raw: new Uint8Array(8).fill(7) }, name: "relay tag" } }).event, relay);
    const history = [...relayState.log, outside];
    let error: unknown;
    try {
      verifyShopLog({ state: createShopState({ context }), signedEvents: history, domain });
    } catch (e) {
      error = e;
    }
    expect(isEventRejectedError(error) && error.reason).toBe("RELAY_NOT_ALLOWED");
    expect(isEventRejectedError(error) && error.path).toBe(`signedEvents[${relayState.log.length}].event.tag`);
  });

  it("a client refuses a history with a relay-only action signed by a keycard", async () => {
    const fake = await sign(scenario.next(clerk, { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: stranger.publicKey }, userWallet: { raw: new Uint8Array(20).fill(1) } } } } }).event, clerk);
    expect(() => verifyShopLog({ state: createShopState({ context }), signedEvents: [...relayState.log, fake], domain })).toThrow(/RELAY_ONLY/);
  });
});

describe("version-3 peers (EIP-191 over the event bytes) on the same path", () => {
  it("a v3-signed history folds to the same state as the EIP-712 one", async () => {
    const { log: scenario, state } = buildScenario();
    const signedEvents: Uint8Array[] = [];
    for (const { event, signer } of scenario.entries) {
      const eventBytes = toBinary(ShopEventSchema, event);
      const signature = await signEventBytes({ eventBytes, account: partyOf(signer).account });
      signedEvents.push(toBinary(SignedEventSchema, createSignedEvent({ event: eventBytes, signature })));
    }
    const folded = verifyShopLog({ state: createShopState({ context }), signedEvents, scheme: "eip191" });
    expect(shopStateToJSON({ state: folded })).toBe(shopStateToJSON({ state }));
  });
});
