// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a hostile relay pushes into a filtered subscription (where no state
// is folded, so only the signature was checked) an event of another shop,
// an event signed by a key that is no keycard of the shop, or an event the
// filters do not ask for. Each one was delivered as a valid event of the
// shop. Now the client drops it, reports it in a `dropped` event with the
// reason, acknowledges the push, and delivers only the honest events.
import { create } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { type Address, hexToBytes, numberToBytes } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { ClientSession, type ClientSessionEvent, createShopState, ObjectType, ShopEventSchema, type ShopState, type SignedEvent, verifyShopEvent } from "../../src/index.js";
import { createRelaySigner } from "../../src/relay/relay-signer.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { frame, ManualClock, okResponse, Recorder } from "../session/harness.js";

const relaySigner = createRelaySigner({ privateKey: generatePrivateKey(), domain: TEST_RELAY_DOMAIN });
const clerk = new f.Writer(TEST_RELAY_DOMAIN);
const otherShop = numberToBytes(24n, { size: 32 });
const otherClerk = new f.Writer(TEST_RELAY_DOMAIN, undefined, otherShop);
const stranger = new f.Writer(TEST_RELAY_DOMAIN);

/** The shop as a client saved it: the clerk's keycard enrolled by the relay. */
function savedState(): ShopState {
  const enroll = relaySigner.sign(create(ShopEventSchema, {
    nonce: 1n,
    shopId: { raw: f.shopRaw },
    timestamp: timestampFromMs(Date.now()),
    union: { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: hexToBytes(clerk.account.publicKey).slice(1) }, userWallet: { raw: hexToBytes(clerk.account.address) } } } } },
  }));
  return verifyShopEvent({ state: createShopState({ context: { shopId: f.shopRaw, relays: [relaySigner.address] } }), signedEvent: enroll, domain: TEST_RELAY_DOMAIN }).state;
}

const LISTINGS_AND_ACCOUNTS = [{ objectType: ObjectType.LISTING }, { objectType: ObjectType.ACCOUNT }];

/** A client with a filtered subscription (LISTING by default) from seq_no 2; the relay pushes `events` as seq_no 2, 3, …. */
async function pushInto(events: SignedEvent[], options: { state?: ShopState; signers?: Address[]; filters?: { objectType: ObjectType }[] }) {
  const transport = new Recorder();
  const seen: ClientSessionEvent[] = [];
  const session = new ClientSession({ transport, domain: TEST_RELAY_DOMAIN, relays: [relaySigner.address], clock: new ManualClock(), state: options.state, lastSeqNo: 1n, onEvent: (e) => seen.push(e) });
  const subscribed = session.subscribe({ shopId: f.SHOP_ID, filters: options.filters ?? [{ objectType: ObjectType.LISTING }], startShopSeqNo: 2n, signers: options.signers });
  session.receive({ frame: okResponse(1n, new Uint8Array([0, 1])) });
  await subscribed;
  session.receive({ frame: frame(100n, { case: "subscriptionPushRequest", value: { subscriptionId: new Uint8Array([0, 1]), events: events.map((event, i) => ({ event, seqNo: BigInt(i + 2) })) } }) });
  const [ack] = transport.take().slice(-1);
  const delivered = seen.flatMap((e) => (e.type === "events" ? e.events.map((x) => x.seqNo) : []));
  const dropped = seen.flatMap((e) => (e.type === "dropped" ? e.events.map((x) => ({ seqNo: x.seqNo, reason: x.reason })) : []));
  return { session, transport, ack, delivered, dropped };
}

describe("a hostile relay pushing into a filtered subscription", () => {
  it("another shop's listing, validly signed by that shop's clerk: dropped as WRONG_SHOP and reported", async () => {
    const honest = await clerk.sign(f.listing(1));
    const foreign = await otherClerk.sign(f.listing(2));
    const { transport, ack, delivered, dropped } = await pushInto([honest, foreign], {});
    expect(delivered).toEqual([2n]);
    expect(dropped).toEqual([{ seqNo: 3n, reason: "WRONG_SHOP" }]);
    // Acknowledged without error: the subscription goes on.
    expect(ack?.message.case === "response" && ack.message.value.response.case).toBeUndefined();
    expect(transport.closed).toBeUndefined();
  });

  it("a listing signed by a stranger, to a client resuming a saved state of the shop and following its keycards: dropped as UNKNOWN_SIGNER", async () => {
    const honest = await clerk.sign(f.listing(1));
    const forged = await stranger.sign(f.listing(2));
    const { delivered, dropped, session } = await pushInto([honest, forged], { state: savedState(), filters: LISTINGS_AND_ACCOUNTS });
    expect(delivered).toEqual([2n]);
    expect(dropped).toEqual([{ seqNo: 3n, reason: "UNKNOWN_SIGNER" }]);
    expect(session.lastSeqNo).toBe(3n);
  });

  it("a listing signed by a stranger, to a client given the shop's signers: dropped as UNKNOWN_SIGNER", async () => {
    const forged = await stranger.sign(f.listing(2));
    const honest = await clerk.sign(f.listing(3));
    const { delivered, dropped } = await pushInto([forged, honest], { signers: [clerk.account.address, relaySigner.address] });
    expect(delivered).toEqual([3n]);
    expect(dropped).toEqual([{ seqNo: 2n, reason: "UNKNOWN_SIGNER" }]);
  });

  it("keycards enrolled and revoked inside the subscription are followed: the new one's listing is delivered, the revoked one's dropped", async () => {
    const newcomer = new f.Writer(TEST_RELAY_DOMAIN);
    const account = (nonce: bigint, action: f.UnionInit) => relaySigner.sign(create(ShopEventSchema, { nonce, shopId: { raw: f.shopRaw }, timestamp: timestampFromMs(Date.now()), union: action }));
    const enroll = account(2n, { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: hexToBytes(newcomer.account.publicKey).slice(1) }, userWallet: { raw: hexToBytes(newcomer.account.address) } } } } });
    const revoke = account(3n, { case: "account", value: { action: { case: "revokeKeycard", value: { raw: hexToBytes(clerk.account.publicKey).slice(1) } } } });
    const events = [enroll, await newcomer.sign(f.listing(1)), revoke, await clerk.sign(f.listing(2))];
    const { delivered, dropped } = await pushInto(events, { state: savedState(), filters: LISTINGS_AND_ACCOUNTS });
    expect(delivered).toEqual([2n, 3n, 4n]);
    expect(dropped).toEqual([{ seqNo: 5n, reason: "UNKNOWN_SIGNER" }]);
  });

  it("an event the filters do not ask for (a Tag into a LISTING subscription): dropped as NOT_IN_FILTERS", async () => {
    const { delivered, dropped } = await pushInto([await clerk.sign(f.tag(1))], { state: savedState() });
    expect(delivered).toEqual([]);
    expect(dropped).toEqual([{ seqNo: 2n, reason: "NOT_IN_FILTERS" }]);
  });
});
