// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// End to end: a v3-dialect relay driven by v3-style client code
// (test/support/v3-style-client.ts, written from the upstream notes, not from
// this library's client). Enrollment by sign-in over HTTP (clerk, guest and
// the refusals), a clerk's manifest, listing, inventory and tags, a guest's
// order through payment, pushes recovered to the right signers, 90 s of
// simulated time with pings, SyncStatus never answered and acks 40 s late;
// and a library ClientSession in the v3 dialect on the same shop ending with
// the relay's state.
import { type Address, bytesToHex, hexToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { WebSocket } from "ws";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClientSession, createSignedEvent, RelaySession, ShopEventSchema, shopStateToJSON, signEventBytes } from "../../src/index.js";
import { type RelayServer, startRelayServer } from "../../src/relay/start-relay-server.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { signIn, type SignInParameters } from "../support/sign-in.js";
import { V3StyleClient } from "../support/v3-style-client.js";
import { flush, ManualClock } from "./harness.js";
import { until } from "./raw-client.js";

const SHOP = 23n;
const shopRaw = hexToBytes(`0x${SHOP.toString(16).padStart(64, "0")}`);
const id8 = (n: number) => hexToBytes(`0x${n.toString(16).padStart(16, "0")}`);
const owner = privateKeyToAccount(generatePrivateKey());
const shopper = privateKeyToAccount(generatePrivateKey());
const stranger = privateKeyToAccount(generatePrivateKey());
const clerkCard = privateKeyToAccount(generatePrivateKey());
const guestCard = privateKeyToAccount(generatePrivateKey());
const libraryCard = privateKeyToAccount(generatePrivateKey());
// What v3 clients wrote: every field that was set, `callAsContract: false` included.
const eth = { chainId: 1, address: { raw: new Uint8Array(20) } };
const payee = { name: "main", address: { raw: hexToBytes("0x00000000000000000000000000000000000000aa") }, chainId: 1, callAsContract: false };
const now = () => Math.floor(Date.now() / 1000);

let server: RelayServer;
beforeAll(async () => {
  server = await startRelayServer({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), dialect: "v3", log: () => undefined });
});
afterAll(async () => {
  await server.close();
});

const signInAs = (wallet: typeof owner, card: typeof owner, change: Partial<SignInParameters> = {}) =>
  signIn({ httpUrl: server.httpUrl, wallet, keycardPublicKey: card.publicKey, shopId: SHOP, relayTokenId: server.relayTokenId, ...change });

/** A v3-style client on its own RelaySession of the relay, with a manual clock. */
function attach(clock: ManualClock): { client: V3StyleClient; session: RelaySession } {
  let client: V3StyleClient | undefined;
  const session = new RelaySession({
    transport: { send: (frame) => queueMicrotask(() => client?.receive(frame)), close: () => undefined },
    backend: server.relay,
    clock,
  });
  client = new V3StyleClient((frame) => session.receive({ frame }), [server.relay.address]);
  return { client, session };
}

async function ok(response: Promise<{ error?: { message: string } | null }>): Promise<void> {
  const { error } = await response;
  expect(error?.message ?? null).toBeNull();
}

describe("a v3-style client against a v3-dialect relay", () => {
  it("enrolls by sign-in, runs a shop and an order through payment, stays connected 90 s, and shares the shop with a library client", async () => {
    // Enrollment by sign-in: the first wallet owns the shop (no access policy), a guest needs none.
    expect((await signInAs(owner, clerkCard)).status).toBe(201);
    expect((await signInAs(shopper, guestCard, { guest: true })).status).toBe(201);
    // The refusals, as v3 answered them.
    expect((await signInAs(owner, privateKeyToAccount(generatePrivateKey()), { domain: "evil.example" })).status).toBe(400);
    expect((await signInAs(owner, privateKeyToAccount(generatePrivateKey()), { relayTokenId: server.relayTokenId + 1n })).status).toBe(400);
    expect((await signInAs(owner, privateKeyToAccount(generatePrivateKey()), { signer: stranger })).status).toBe(400);
    expect((await signInAs(stranger, privateKeyToAccount(generatePrivateKey()))).status).toBe(403);
    expect((await signInAs(owner, clerkCard)).status).toBe(409);
    expect((await signInAs(owner, libraryCard)).status).toBe(201);
    const discovery = (await (await fetch(`${server.httpUrl}/testing/discovery`)).json()) as { relay_token_id: string; chain_id: number };
    expect(BigInt(discovery.relay_token_id)).toBe(server.relayTokenId);
    expect(discovery.chain_id).toBe(31337);

    const clock = new ManualClock();
    const clerk = attach(clock);
    const guest = attach(clock);
    await clerk.client.login(clerkCard);
    await guest.client.login(guestCard);
    await ok(clerk.client.subscribe(SHOP, 0, [1, 2, 3, 4, 5, 6]));

    // The clerk: manifest, a second payee, a listing, its stock, a tag holding it.
    for (const member of [
      { manifest: { tokenId: { raw: shopRaw }, payees: [payee], acceptedCurrencies: [eth], pricingCurrency: eth } },
      { updateManifest: { addPayee: { ...payee, name: "second", address: { raw: hexToBytes("0x00000000000000000000000000000000000000bb") } } } },
      { listing: { id: { raw: id8(1) }, price: { raw: hexToBytes(`0x${"00".repeat(31)}64`) }, metadata: { title: "pen", description: "a pen", images: ["https://example.com/pen.png"] }, viewState: 1 } },
      { changeInventory: { id: { raw: id8(1) }, diff: 10 } },
      { tag: { id: { raw: id8(2) }, name: "office" } },
      { updateTag: { id: { raw: id8(2) }, addListingIds: [{ raw: id8(1) }] } },
    ]) await ok(clerk.client.write(clerkCard, member, now()));

    // The guest: an order through payment (the relay sets the payment details, then the payment).
    const order = (action: Record<string, unknown>) => ({ updateOrder: { id: { raw: id8(9) }, ...action } });
    for (const member of [
      { createOrder: { id: { raw: id8(9) } } },
      order({ changeItems: { adds: [{ listingId: { raw: id8(1) }, quantity: 3 }] } }),
      order({ setInvoiceAddress: { name: "Ada", address1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE", emailAddress: "ada@example.com" } }),
      order({ commitItems: {} }),
      order({ choosePayment: { currency: eth, payee } }),
    ]) await ok(guest.client.write(guestCard, member, now()));
    const paid = await fetch(`${server.httpUrl}/testing/pay`, { method: "POST", body: JSON.stringify({ shopId: String(SHOP), orderId: bytesToHex(id8(9)) }) });
    expect(paid.status).toBe(201);

    // A library client in the v3 dialect on the same shop, writing one v3 event itself.
    const library = await connectClientSession({ url: server.url, dialect: "v3", relays: [server.relay.address], WebSocket });
    await library.login({ account: libraryCard });
    await library.subscribe({ shopId: SHOP });
    const eventBytes = toBinary(ShopEventSchema, create(ShopEventSchema, { nonce: 1n, timestamp: timestampFromMs(Date.now()), union: { case: "tag", value: { id: { raw: id8(3) }, name: "gifts" } } }));
    await library.write({ events: [createSignedEvent({ event: eventBytes, signature: await signEventBytes({ eventBytes, account: libraryCard }), scheme: "eip191" })] });

    // 90 s of simulated time: pings answered, SyncStatus never, the clerk's acks held until 40 s.
    for (let t = 5; t <= 90; t += 5) {
      clock.time = t * 1000;
      clerk.session.tick();
      guest.session.tick();
      await flush();
      if (t === 35) expect(clerk.client.received).toHaveLength(0); // nothing acknowledged yet, still open
      if (t === 40) await clerk.client.ackPushes();
    }
    await clerk.client.ackPushes();
    expect(clerk.session.closed).toBeUndefined();
    expect(guest.session.closed).toBeUndefined();
    expect(clerk.client.pingsAnswered).toBeGreaterThan(0);
    expect(guest.client.pingsAnswered).toBeGreaterThan(0);
    expect(clerk.client.syncStatusRequests).toBeGreaterThan(0);

    // Every event reached the v3 client, each recovered to the signer the relay recorded.
    const log = server.relay.shopLog({ shopId: SHOP });
    for (let i = 0; i < 10 && clerk.client.received.length < log.length; i++) {
      await flush();
      await clerk.client.ackPushes();
    }
    expect(clerk.client.received.map((e) => e.seqNo)).toEqual(log.map((e) => Number(e.seqNo)));
    expect(clerk.client.received.map((e) => e.signer)).toEqual(log.map((e) => e.signer));
    const signerOf = (kind: string) => clerk.client.received.filter((e) => kind in e.event).map((e) => e.signer);
    expect(new Set(signerOf("account"))).toEqual(new Set<Address>([server.relay.address]));
    expect(new Set(signerOf("manifest"))).toEqual(new Set([clerkCard.address]));
    expect(new Set(signerOf("createOrder"))).toEqual(new Set([guestCard.address]));
    const orderSigners = clerk.client.received.filter((e) => "updateOrder" in e.event).map((e) => e.signer);
    expect(orderSigners.filter((s) => s === server.relay.address)).toHaveLength(2); // payment details, payment
    expect(clerk.client.received.every((e) => !("shopId" in e.event) || e.signer === server.relay.address)).toBe(true);

    // protobufjs wrote explicit defaults (callAsContract: false): not the canonical bytes, accepted and pushed as signed.
    const manifestBytes = clerk.client.received.find((e) => "manifest" in e.event)!.bytes;
    expect(toBinary(ShopEventSchema, fromBinary(ShopEventSchema, manifestBytes)).length).toBeLessThan(manifestBytes.length);

    // The library client folded the same shop to the relay's state.
    await until(() => library.lastSeqNo === BigInt(log.length));
    const relayState = server.relay.shopState({ shopId: SHOP })!;
    expect(relayState.orders[bytesToHex(id8(9))]?.status).toBe("paid");
    expect(relayState.inventory[bytesToHex(id8(1))]).toEqual({ stock: 7, committed: 0 });
    expect(shopStateToJSON({ state: library.state! })).toBe(shopStateToJSON({ state: relayState }));
    library.close();
  });
});
