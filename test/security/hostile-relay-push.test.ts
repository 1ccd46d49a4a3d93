// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a hostile (or broken) relay pushes events its own log could not
// have accepted: signed by a stranger, tampered after signing, signed by the
// relay outside its sandbox, or an old event replayed under a new seq_no.
// The client must refuse the push with an error ack, close the session with
// BAD_PUSH, and keep its state and position as they were.
import { create, toBinary } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { hexToBytes } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { ClientSession, ErrorCodes, SESSION_CLOSE_CODES, ShopEventSchema, type SignedEvent, shopStateToJSON } from "../../src/index.js";
import { createRelaySigner } from "../../src/relay/relay-signer.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { frame, ManualClock, okResponse, Recorder } from "../session/harness.js";

const relayKey = generatePrivateKey();
const relaySigner = createRelaySigner({ privateKey: relayKey, domain: TEST_RELAY_DOMAIN });
const clerk = new f.Writer(TEST_RELAY_DOMAIN);

function relayEvent(nonce: bigint, union: f.UnionInit): SignedEvent {
  return relaySigner.sign(create(ShopEventSchema, { nonce, shopId: { raw: f.shopRaw }, timestamp: timestampFromMs(Date.now()), union }));
}

/** A client with a full subscription that already folded an enrollment and a manifest. */
async function victim() {
  const transport = new Recorder();
  const session = new ClientSession({ transport, domain: TEST_RELAY_DOMAIN, relays: [relaySigner.address], clock: new ManualClock() });
  const subscribed = session.subscribe({ shopId: f.SHOP_ID });
  session.receive({ frame: okResponse(1n, new Uint8Array([0, 1])) });
  await subscribed;
  const enroll = relayEvent(1n, { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: hexToBytes(clerk.account.publicKey).slice(1) }, userWallet: { raw: hexToBytes(clerk.account.address) } } } } });
  const manifest = await clerk.sign(f.manifest());
  session.receive({ frame: frame(100n, { case: "subscriptionPushRequest", value: { subscriptionId: new Uint8Array([0, 1]), events: [{ event: enroll, seqNo: 1n }, { event: manifest, seqNo: 2n }] } }) });
  transport.take();
  expect(session.lastSeqNo).toBe(2n);
  return { transport, session, manifest, before: shopStateToJSON({ state: session.state! }) };
}

async function attack(build: (m: SignedEvent) => Promise<SignedEvent> | SignedEvent) {
  const { transport, session, manifest, before } = await victim();
  const forged = await build(manifest);
  session.receive({ frame: frame(101n, { case: "subscriptionPushRequest", value: { subscriptionId: new Uint8Array([0, 1]), events: [{ event: forged, seqNo: 3n }] } }) });
  const [ack] = transport.take();
  expect(ack?.requestId?.raw).toBe(101n);
  expect(ack?.message.case === "response" && ack.message.value.response.case === "error" && ack.message.value.response.value.code).toBe(ErrorCodes.INVALID);
  expect(transport.closed?.code).toBe(SESSION_CLOSE_CODES.BAD_PUSH);
  expect(session.lastSeqNo).toBe(2n);
  expect(shopStateToJSON({ state: session.state! })).toBe(before);
}

describe("a hostile relay pushing events the shop rules refuse", () => {
  it("an event signed by a key that is neither an enrolled keycard nor the shop's relay", async () => {
    await attack(() => new f.Writer(TEST_RELAY_DOMAIN).sign(f.tag(1)));
  });

  it("an event whose bytes were changed after signing", async () => {
    await attack(async () => {
      const signed = await clerk.sign(f.tag(1, "original"));
      const event = create(ShopEventSchema, { nonce: clerk.nonce, shopId: { raw: f.shopRaw }, timestamp: timestampFromMs(Date.now()), union: f.tag(1, "tampered") });
      return { ...signed, event: { ...signed.event!, value: toBinary(ShopEventSchema, event) } } as SignedEvent;
    });
  });

  it("an event the relay signed outside its sandbox (a Listing)", async () => {
    await attack(() => relayEvent(2n, f.listing(1)));
  });

  it("a keycard's old event replayed under a new seq_no", async () => {
    await attack((manifest) => manifest);
  });

  it("a relay-signed payment for an order that does not exist", async () => {
    await attack(() => relayEvent(2n, { case: "updateOrder", value: { id: { raw: f.id8(9) }, action: { case: "addPaymentTx", value: {} } } }));
  });
});
