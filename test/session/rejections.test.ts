// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Every refusal reaches the client over a real socket as a RelayError with
// the ErrorCodes value of docs/sessions.md, and the log keeps only what was accepted.
import { privateKeyToAccount, generatePrivateKey } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ClientSession,
  createAuthenticateRequest,
  createChallengeSolvedRequest,
  ErrorCodes,
  isRelayError,
  ObjectType,
  SESSION_CLOSE_CODES,
  shopStateToJSON,
} from "../../src/index.js";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import * as f from "./fixtures.js";
import { frame } from "./harness.js";
import { RawClient, until } from "./raw-client.js";

let relay: TestRelay;
let clerk: f.Writer;
let session: ClientSession;

beforeAll(async () => {
  relay = await startTestRelay();
  clerk = new f.Writer(relay.domain);
  await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
  session = await relay.connect();
  await session.login({ account: clerk.account });
  for (const union of [f.manifest(), f.listing(1), f.changeInventory(1, 2), f.createOrder(5), f.addItems(5, 1, 3)]) await session.write({ events: [await clerk.sign(union)] });
});
afterAll(async () => {
  await relay.close();
});

async function codeOf(promise: Promise<unknown>): Promise<ErrorCodes | string> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    return isRelayError(error) ? error.errorCode : String(error);
  }
}

describe("refusals carry their ErrorCodes", () => {
  it("OUT_OF_STOCK: committing more than the stock", async () => {
    expect(await codeOf(session.write({ events: [await clerk.sign(f.commitItems(5))] }))).toBe(ErrorCodes.OUT_OF_STOCK);
  });

  it("INVALID: a reused nonce", async () => {
    expect(await codeOf(session.write({ events: [await clerk.sign(f.tag(7), { nonce: 1n })] }))).toBe(ErrorCodes.INVALID);
  });

  it("INVALID: an event for another shop", async () => {
    expect(await codeOf(session.write({ events: [await clerk.sign(f.tag(7), { shopId: new Uint8Array(32).fill(9) })] }))).toBe(ErrorCodes.INVALID);
  });

  it("NOT_FOUND: an update of a listing that does not exist", async () => {
    expect(await codeOf(session.write({ events: [await clerk.sign(f.updateListing(99, 5n))] }))).toBe(ErrorCodes.NOT_FOUND);
  });

  it("INVALID: a keycard writing a relay-only event (payment details)", async () => {
    const union: f.UnionInit = { case: "updateOrder", value: { id: { raw: f.id8(5) }, action: { case: "addPaymentTx", value: {} } } };
    expect(await codeOf(session.write({ events: [await clerk.sign(union)] }))).toBe(ErrorCodes.INVALID);
  });

  it("UNLINKED_KEYCARD: an event signed by a key that is not enrolled", async () => {
    const stranger = new f.Writer(relay.domain);
    expect(await codeOf(session.write({ events: [await stranger.sign(f.tag(7))] }))).toBe(ErrorCodes.UNLINKED_KEYCARD);
  });

  it("INVALID: an event signed by another enrolled keycard than the session's", async () => {
    const other = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: other.account.publicKey });
    expect(await codeOf(session.write({ events: [await other.sign(f.tag(7))] }))).toBe(ErrorCodes.INVALID);
  });

  it("INVALID for the whole batch when one event fails: nothing of it is stored", async () => {
    const before = relay.logLength({ shopId: f.SHOP_ID });
    const good = await clerk.sign(f.tag(20));
    const bad = await clerk.sign(f.updateListing(99, 5n));
    const state = shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! });
    expect(await codeOf(session.write({ events: [good, bad] }))).toBe(ErrorCodes.NOT_FOUND);
    expect(relay.logLength({ shopId: f.SHOP_ID })).toBe(before);
    // The state is as before too: no tag 20, and the good event's nonce is not used up.
    expect(shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! })).toBe(state);
    expect(await codeOf(session.write({ events: [good] }))).toBe("accepted");
    expect(relay.shopState({ shopId: f.SHOP_ID })?.tags[f.hex8(20)]?.name).toBe("tag 20");
  });

  it("ALREADY_AUTHENTICATED: a second login on the same session", async () => {
    expect(await codeOf(session.login({ account: clerk.account }))).toBe(ErrorCodes.ALREADY_AUTHENTICATED);
  });

  it("NOT_FOUND: login with a keycard that is not enrolled", async () => {
    const other = await relay.connect();
    expect(await codeOf(other.login({ account: privateKeyToAccount(generatePrivateKey()) }))).toBe(ErrorCodes.NOT_FOUND);
    other.close();
  });

  it("NOT_FOUND: a subscription to an unknown shop; NOT_AUTHENTICATED: ORDER without login", async () => {
    const other = await relay.connect();
    expect(await codeOf(other.subscribe({ shopId: 999n, filters: [{ objectType: ObjectType.LISTING }] }))).toBe(ErrorCodes.NOT_FOUND);
    expect(await codeOf(other.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: ObjectType.ORDER }] }))).toBe(ErrorCodes.NOT_AUTHENTICATED);
    other.close();
  });

  it("INVALID: ORDER of a shop other than the login's", async () => {
    const owner = new f.Writer(relay.domain, undefined, new Uint8Array(32).fill(4));
    await relay.enrollKeycard({ shopId: new Uint8Array(32).fill(4), publicKey: owner.account.publicKey });
    const other = await relay.connect();
    await other.login({ account: owner.account });
    expect(await codeOf(other.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: ObjectType.ORDER }] }))).toBe(ErrorCodes.INVALID);
    other.close();
  });

  it("NOT_AUTHENTICATED and INVALID from raw frames: a write before login, a wrong challenge signature, an unknown subscription id", async () => {
    const raw = await RawClient.open(relay.url);
    raw.send(frame(1n, { case: "eventWriteRequest", value: { events: [await clerk.sign(f.tag(30))] } }));
    raw.send(frame(2n, { case: "subscriptionCancelRequest", value: { subscriptionId: new Uint8Array([0, 9]) } }));
    raw.send(frame(3n, { case: "authRequest", value: createAuthenticateRequest({ publicKey: clerk.account.publicKey }) }));
    await raw.waitFor(() => raw.received.length === 3);
    raw.send(frame(4n, { case: "challengeSolutionRequest", value: createChallengeSolvedRequest({ signature: await clerk.account.signMessage({ message: "not the challenge" }) }) }));
    await raw.waitFor(() => raw.received.length === 4);
    const codes = raw.received.map((e) => (e.message.case === "response" && e.message.value.response.case === "error" ? e.message.value.response.value.code : "ok"));
    expect(codes).toEqual([ErrorCodes.NOT_AUTHENTICATED, ErrorCodes.NOT_FOUND, "ok", ErrorCodes.INVALID]);
    raw.socket.close();
  });

  it("a second login of the same keycard closes the first session with REPLACED", async () => {
    const first = await relay.connect();
    const guest = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: guest.account.publicKey, guest: true });
    await first.login({ account: guest.account });
    const second = await relay.connect();
    await second.login({ account: guest.account });
    await until(() => first.closed !== undefined);
    expect(first.closed?.code).toBe(SESSION_CLOSE_CODES.REPLACED);
    await second.ping();
    second.close();
  });
});
