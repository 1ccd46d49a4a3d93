// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The v3 dialect: a relay started with it and library ClientSessions in it,
// over loopback; and its liveness rule with a manual clock.
import { create, toBinary } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { numberToBytes } from "viem";
import { generatePrivateKey, type LocalAccount, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedEvent, hashEventBytes, ObjectType, openSignedEvent, RelaySession, SESSION_CLOSE_CODES, ShopEventSchema, shopStateToJSON, signEventBytes, type SignedEvent } from "../../src/index.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { startTestRelay, TEST_RELAY_DOMAIN, type TestRelay } from "../../src/testing.js";
import * as f from "./fixtures.js";
import { flush, frame, ManualClock, okResponse, Recorder } from "./harness.js";
import { until } from "./raw-client.js";

/** Signs events the v3 way: EIP-191 over the bytes, and no shop_id. */
class V3Writer {
  readonly account: LocalAccount = privateKeyToAccount(generatePrivateKey());
  nonce = 0n;
  async sign(union: f.UnionInit): Promise<SignedEvent> {
    const eventBytes = toBinary(ShopEventSchema, create(ShopEventSchema, { nonce: ++this.nonce, timestamp: timestampFromMs(Date.now()), union }));
    return createSignedEvent({ event: eventBytes, signature: await signEventBytes({ eventBytes, account: this.account }), scheme: "eip191" });
  }
}

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay({ dialect: "v3" });
});
afterAll(async () => {
  await relay.close();
});

describe("v3 dialect over loopback", () => {
  it("EIP-191 events without shop_id are accepted, relay events are EIP-191, and two v3 ClientSessions fold to the relay's state", async () => {
    const clerk = new V3Writer();
    const guest = new V3Writer();
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: guest.account.publicKey, guest: true });
    const a = await relay.connect();
    const b = await relay.connect();
    await a.login({ account: clerk.account }); // EIP-191 challenge by default in this dialect
    await b.login({ account: guest.account });
    await a.subscribe({ shopId: f.SHOP_ID });
    for (const union of [f.manifest(), f.listing(1), f.changeInventory(1, 10), f.tag(2), f.updateTag(2, 1)]) await a.write({ events: [await clerk.sign(union)] });
    for (const union of [f.createOrder(9), f.addItems(9, 1, 3), f.invoiceAddress(9), f.commitItems(9), f.choosePayment(9)]) await b.write({ events: [await guest.sign(union)] });
    await relay.simulatePayment({ shopId: f.SHOP_ID, orderId: f.hex8(9) });
    const length = relay.logLength({ shopId: f.SHOP_ID });
    expect(length).toBe(14);
    await until(() => a.lastSeqNo === BigInt(length));
    expect(shopStateToJSON({ state: a.state! })).toBe(shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! }));
    expect(a.state?.orders[f.hex8(9)]?.status).toBe("paid");
    expect(a.state?.inventory[f.hex8(1)]).toEqual({ stock: 7, committed: 0 });
    // A late joiner resumes as v3 did: events after start_shop_seq_no.
    const c = await relay.connect({ state: undefined });
    const seen: bigint[] = [];
    c.on((e) => e.type === "events" && seen.push(...e.events.map((x) => x.seqNo)));
    await c.subscribe({ shopId: f.SHOP_ID, filters: [ObjectType.MANIFEST, ObjectType.ACCOUNT, ObjectType.LISTING, ObjectType.TAG].map((objectType) => ({ objectType })), startShopSeqNo: 5n });
    await until(() => seen.length > 0 && seen.at(-1)! >= 5n);
    expect(seen[0]).toBeGreaterThan(5n);
    a.close();
    b.close();
    c.close();
  });

  it("the relay's own events verify as EIP-191 over their bytes, to the relay's address", async () => {
    const shopId = 77n;
    const clerk = new V3Writer();
    await relay.enrollKeycard({ shopId, publicKey: clerk.account.publicKey });
    const session = await relay.connect();
    const pushed: SignedEvent[] = [];
    session.on((e) => e.type === "events" && pushed.push(...e.events.map((x) => x.signedEvent)));
    await session.subscribe({ shopId, filters: [{ objectType: ObjectType.ACCOUNT }] });
    await until(() => pushed.length === 1);
    const bytes = pushed[0]!.event!.value;
    expect(hashEventBytes({ eventBytes: bytes })).toMatch(/^0x/);
    expect(openSignedEvent({ signedEvent: pushed[0]!, scheme: "eip191" }).signer).toBe(relay.relayAddress);
    session.close();
  });

  it("cross-shop replay: a keycard key is enrolled in one shop only", async () => {
    const card = new V3Writer();
    await relay.enrollKeycard({ shopId: 101n, publicKey: card.account.publicKey });
    await expect(relay.enrollKeycard({ shopId: 102n, publicKey: card.account.publicKey })).rejects.toMatchObject({ relayMessage: expect.stringContaining("one shop per keycard key") });
    await expect(relay.enrollKeycard({ shopId: 101n, publicKey: card.account.publicKey })).rejects.toMatchObject({ relayMessage: expect.stringContaining("already enrolled") });
  });

  it("an event naming another shop is still refused (SHOP_MISMATCH)", async () => {
    const clerk = new f.Writer(TEST_RELAY_DOMAIN);
    const v3 = new V3Writer();
    await relay.enrollKeycard({ shopId: 103n, publicKey: v3.account.publicKey });
    const session = await relay.connect();
    await session.login({ account: v3.account });
    const eventBytes = toBinary(ShopEventSchema, create(ShopEventSchema, { nonce: 1n, shopId: { raw: f.shopRaw }, timestamp: timestampFromMs(Date.now()), union: f.manifest() }));
    const wrongShop = createSignedEvent({ event: eventBytes, signature: await signEventBytes({ eventBytes, account: v3.account }), scheme: "eip191" });
    await expect(session.write({ events: [wrongShop] })).rejects.toMatchObject({ relayMessage: expect.stringContaining("SHOP_MISMATCH") });
    // An EIP-712 event is not a v3 event: its signature recovers another address.
    await expect(session.write({ events: [await clerk.sign(f.manifest(numberBytes(103n)))] })).rejects.toMatchObject({ errorName: "INVALID" });
    session.close();
  });
});

const numberBytes = (n: bigint) => numberToBytes(n, { size: 32 });

describe("v3 dialect liveness (manual clock)", () => {
  it("an unanswered SyncStatus and a push acknowledged only after 40 s do not close the session; 45 s of silence does", async () => {
    const backend = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), dialect: "v3" });
    const card = privateKeyToAccount(generatePrivateKey());
    await backend.enrollKeycard({ shopId: f.SHOP_ID, publicKey: card.publicKey });
    const clock = new ManualClock();
    const wire = new Recorder();
    const session = new RelaySession({ transport: wire, backend, clock });
    session.receive({ frame: frame(1n, { case: "subscriptionRequest", value: { shopId: { raw: f.shopRaw }, filters: [{ objectType: ObjectType.ACCOUNT }], startShopSeqNo: 0n } }) });
    await flush();
    const sent = wire.take();
    const kinds = sent.map((e) => (e.message.case === "response" ? "response" : e.message.case));
    expect(kinds).toEqual(["response", "syncStatusRequest", "subscriptionPushRequest"]);
    const push = sent[2]!;
    // 40 s pass with pings answered, SyncStatus never answered, the push not yet acknowledged.
    for (let t = 0; t < 40; t += 10) {
      clock.time += 10_000;
      session.tick();
      session.receive({ frame: frame(100n + BigInt(t), { case: "pingRequest", value: {} }) });
      wire.take();
    }
    expect(session.closed).toBeUndefined();
    session.receive({ frame: okResponse(push.requestId!.raw) });
    expect(session.closed).toBeUndefined();
    clock.time += 45_000;
    session.tick();
    expect(session.closed?.code).toBe(SESSION_CLOSE_CODES.IDLE_TIMEOUT);
    await backend.close();
  });

  it("the default dialect still closes on an unanswered SyncStatus after the request timeout", async () => {
    const backend = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey() });
    await backend.enrollKeycard({ shopId: f.SHOP_ID, publicKey: privateKeyToAccount(generatePrivateKey()).publicKey });
    const clock = new ManualClock();
    const wire = new Recorder();
    const session = new RelaySession({ transport: wire, backend, clock });
    session.receive({ frame: frame(1n, { case: "subscriptionRequest", value: { shopId: { raw: f.shopRaw }, filters: [{ objectType: ObjectType.ACCOUNT }], startShopSeqNo: 1n } }) });
    await flush();
    for (let t = 0; t < 40; t += 10) {
      clock.time += 10_000;
      session.tick();
      session.receive({ frame: frame(100n + BigInt(t), { case: "pingRequest", value: {} }) });
    }
    expect(session.closed?.code).toBe(SESSION_CLOSE_CODES.IDLE_TIMEOUT);
    await backend.close();
  });
});

describe("dialect chosen per shop", () => {
  it("one relay serves a v3 shop and a default shop side by side, each by its own rules", async () => {
    const v3Shop = `0x${(301n).toString(16).padStart(64, "0")}`;
    const mixed = await startTestRelay({ dialect: ({ shopId }) => (shopId === v3Shop ? "v3" : "eip712") });
    try {
      expect(mixed.dialect).toBeUndefined();
      const v3 = new V3Writer();
      const clerk = new f.Writer(mixed.domain);
      await mixed.enrollKeycard({ shopId: 301n, publicKey: v3.account.publicKey });
      await mixed.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
      // The key of a v3 shop's keycard may not join any other shop.
      await expect(mixed.enrollKeycard({ shopId: f.SHOP_ID, publicKey: v3.account.publicKey })).rejects.toMatchObject({ relayMessage: expect.stringContaining("one shop per keycard key") });
      const a = await mixed.connect({ dialect: "v3" });
      const aPushed: SignedEvent[] = [];
      a.on((e) => e.type === "events" && aPushed.push(...e.events.map((x) => x.signedEvent)));
      await a.login({ account: v3.account });
      await a.write({ events: [await v3.sign(f.manifest(numberBytes(301n)))] });
      await a.subscribe({ shopId: 301n });
      const b = await mixed.connect();
      const bPushed: SignedEvent[] = [];
      b.on((e) => e.type === "events" && bPushed.push(...e.events.map((x) => x.signedEvent)));
      await b.login({ account: clerk.account });
      await b.write({ events: [await clerk.sign(f.manifest())] });
      await b.subscribe({ shopId: f.SHOP_ID });
      await until(() => a.lastSeqNo === 2n && b.lastSeqNo === 2n);
      // Each shop's relay event (the enrollment, seq_no 1) is signed in its shop's dialect.
      expect(openSignedEvent({ signedEvent: aPushed[0]!, scheme: "eip191" }).signer).toBe(mixed.relayAddress);
      expect(openSignedEvent({ signedEvent: bPushed[0]!, domain: mixed.domain }).signer).toBe(mixed.relayAddress);
      expect(shopStateToJSON({ state: a.state! })).toBe(shopStateToJSON({ state: mixed.shopState({ shopId: 301n })! }));
      expect(shopStateToJSON({ state: b.state! })).toBe(shopStateToJSON({ state: mixed.shopState({ shopId: f.SHOP_ID })! }));
      // A v3 event (no shop_id, EIP-191) is not taken by the default shop.
      const v3InDefault = new V3Writer();
      await mixed.enrollKeycard({ shopId: f.SHOP_ID, publicKey: v3InDefault.account.publicKey });
      const c = await mixed.connect({ dialect: "v3" });
      await c.login({ account: v3InDefault.account });
      await expect(c.write({ events: [await v3InDefault.sign(f.tag(5))] })).rejects.toMatchObject({ errorName: "INVALID" });
      a.close();
      b.close();
      c.close();
    } finally {
      await mixed.close();
    }
  });
});
