// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Refusals over a real socket carry their rule code, ErrorCodes value and
// request path in the Error's fields 3–5, and hints for the cases that read
// like something else (issue 21, point 4): a wrong EIP-712 domain, a resumed
// state without its lastSeqNo, the real rule in the BAD_PUSH close reason.
import { numberToBytes } from "viem";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientSession, connectClientSession, ErrorCodes, isFieldValueError, isRelayError, isSessionError, type RelayError, SESSION_CLOSE_CODES } from "../../src/index.js";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import * as f from "../session/fixtures.js";

let relay: TestRelay;
let clerk: f.Writer;
let session: ClientSession;

beforeAll(async () => {
  relay = await startTestRelay({ log: () => undefined });
  ({ clerk, session } = await f.loggedInClerk(relay));
  for (const union of [f.manifest(), f.listing(1, 100n)]) await session.write({ events: [await clerk.sign(union)] });
});
afterAll(async () => {
  await relay.close();
});

async function refusal(promise: Promise<unknown>): Promise<RelayError> {
  try {
    await promise;
  } catch (error) {
    if (isRelayError(error)) return error;
    throw error;
  }
  throw new Error("accepted");
}

const minus = (n: bigint) => ({ plusSign: false, diff: { raw: numberToBytes(n, { size: 32 }) } });

describe("a refused write names its rule and path", () => {
  it("a variation that makes a unit price negative: UNIT_PRICE_NEGATIVE at the variation's diff", async () => {
    const union: f.UnionInit = { case: "updateListing", value: { id: { raw: f.id8(1) }, addOptions: [{ id: { raw: f.id8(10) }, title: "Size", variations: [{ id: { raw: f.id8(11) } }, { id: { raw: f.id8(12) }, diff: minus(101n) }] }] } };
    const error = await refusal(session.write({ events: [await clerk.sign(union)] }));
    expect(error).toMatchObject({ errorCode: ErrorCodes.INVALID, errorName: "INVALID", rule: "UNIT_PRICE_NEGATIVE", path: "event_write_request.events[0].event.update_listing.add_options[0].variations[1].diff" });
    expect(error.message).toMatch(/^event_write_request\.events\[0\]\.event\.update_listing\.add_options\[0\]\.variations\[1\]\.diff: INVALID UNIT_PRICE_NEGATIVE: /);
    expect(error.message).not.toContain("UNIT_PRICE_NEGATIVE: UNIT_PRICE_NEGATIVE");
    // Peers that read only `message` (older ones) still find the path and the rule there.
    expect(error.relayMessage).toMatch(/^event_write_request\.events\[0\]\.event\.update_listing\.add_options\[0\]\.variations\[1\]\.diff: UNIT_PRICE_NEGATIVE: /);
    expect(error.message).not.toContain("response.response.error");
    expect(error.message).not.toContain("peer refused the request");
  });

  it("the second event of a batch: its index in the path, OUT_OF_STOCK as both code and rule", async () => {
    const events = [await clerk.sign(f.createOrder(5)), await clerk.sign(f.addItems(5, 1, 3)), await clerk.sign(f.commitItems(5))];
    const error = await refusal(session.write({ events }));
    expect(error).toMatchObject({ errorCode: ErrorCodes.OUT_OF_STOCK, rule: "OUT_OF_STOCK", path: "event_write_request.events[2].event.update_order.commit_items" });
  });
});

describe("hints", () => {
  const otherDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000bEEF" } as const;

  it("an enrolled keycard signing for another domain: UNKNOWN_KEYCARD at the signature, with the relay's domain in the hint", async () => {
    const confused = new f.Writer(otherDomain, undefined);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: confused.account.publicKey });
    const own = await relay.connect();
    // The login is EIP-712 too: the session's domain is the relay's here, so only the event is signed wrongly.
    await own.login({ account: confused.account });
    const error = await refusal(own.write({ events: [await confused.sign(f.tag(7))] }));
    expect(error).toMatchObject({ errorCode: ErrorCodes.UNLINKED_KEYCARD, rule: "UNKNOWN_KEYCARD", path: "event_write_request.events[0].signature" });
    expect(error.hint).toContain("another EIP-712 domain");
    expect(error.hint).toContain(`chainId ${relay.domain.chainId}`);
    expect(error.message).toContain("(hint: ");
    own.close();
  });

  it("a login signed for another domain: the challenge refusal says so, with the relay's domain", async () => {
    const writer = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: writer.account.publicKey });
    const wrong = await connectClientSession({ url: relay.url, domain: otherDomain, relays: [relay.relayAddress], WebSocket });
    const error = await refusal(wrong.login({ account: writer.account }));
    expect(error).toMatchObject({ errorCode: ErrorCodes.INVALID, path: "challenge_solution_request.signature" });
    expect(error.hint).toContain(`verifyingContract ${relay.domain.verifyingContract}`);
    wrong.close();
  });

  it("a keycard unknown to the relay: NOT_FOUND at the public key, with a hint", async () => {
    const stranger = new f.Writer(relay.domain);
    const other = await relay.connect();
    const error = await refusal(other.login({ account: stranger.account }));
    expect(error).toMatchObject({ errorCode: ErrorCodes.NOT_FOUND, path: "auth_request.public_key" });
    expect(error.hint).toContain("enrol the keycard");
    other.close();
  });

  it("a saved state without its lastSeqNo is refused before connecting, naming lastSeqNo", async () => {
    const state = relay.shopState({ shopId: f.SHOP_ID });
    let caught: unknown;
    try {
      await relay.connect({ state });
    } catch (error) {
      caught = error;
    }
    expect(isFieldValueError(caught) && caught.code === "MISSING_FIELD" && caught.path === "lastSeqNo").toBe(true);
  });

  it("a relay push the saved state refuses closes with BAD_PUSH naming the rule and field, and pending calls say why", async () => {
    const reader = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: reader.account.publicKey });
    const state = relay.shopState({ shopId: f.SHOP_ID });
    // One too low: the relay pushes the state's own last event again.
    const resumed = await relay.connect({ state, lastSeqNo: BigInt(relay.logLength({ shopId: f.SHOP_ID }) - 1) });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => resumed.on((e) => e.type === "closed" && resolve(e)));
    await resumed.login({ account: reader.account });
    await resumed.subscribe({ shopId: f.SHOP_ID }).catch(() => undefined);
    const { code, reason } = await closed;
    expect(code).toBe(SESSION_CLOSE_CODES.BAD_PUSH);
    expect(reason).toMatch(/failed verification: [A-Z_]+ at event\.[a-z_.]+/);
    expect(reason).not.toMatch(/failed verification: EVENT_REJECTED$/);
    let after: unknown;
    try {
      await resumed.synced();
    } catch (error) {
      after = error;
    }
    expect(isSessionError(after) && after.message.includes(reason)).toBe(true);
  });
});
