// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a shop fills the log with large listings. Pushes grouped by count
// (64 events) put three 53 KB listings, or 70 listings of 2.3 KB, into one
// frame over the client's 128 KiB limit: every full subscription and every
// unauthenticated LISTING subscription closed with 1009, on every retry, so
// no client could sync the shop. Pushes are now cut by bytes to the peer's
// frame limit; an event no frame can carry closes with EVENT_TOO_BIG.
import { numberToBytes } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_EVENT_BYTES, ObjectType, SESSION_CLOSE_CODES } from "../../src/index.js";
import { RelaySession } from "../../src/session/relay-session.js";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { longListing, signedListing } from "../support/long-listing.js";
import { frame, ManualClock, okResponse, openRelay, Recorder } from "../session/harness.js";

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay();
});
afterAll(async () => {
  await relay.close();
});

/** A shop of `count` listings of `bytes` each, written by its clerk. */
async function shopOfListings(shopNumber: number, count: number, bytes: number) {
  const shopId = BigInt(shopNumber);
  const raw = numberToBytes(shopId, { size: 32 });
  const clerk = new f.Writer(relay.domain, undefined, raw);
  await relay.enrollKeycard({ shopId, publicKey: clerk.account.publicKey });
  const session = await relay.connect();
  await session.login({ account: clerk.account });
  await session.write({ events: [await clerk.sign(f.manifest(raw))] });
  for (let n = 1; n <= count; n++) {
    await session.write({ events: [await signedListing(clerk, n, bytes)] });
  }
  session.close();
  return { shopId, clerk };
}

/** A reader syncs the shop: a full subscription (logged in as `login`) or a filtered one without login. */
async function syncs(shopId: bigint, filters: { objectType: ObjectType }[] | undefined, expected: number, login?: f.Writer): Promise<void> {
  const reader = await relay.connect();
  if (login !== undefined) await reader.login({ account: login.account });
  let received = 0;
  reader.on((e) => {
    if (e.type === "events") received += e.events.length;
  });
  await reader.subscribe({ shopId, filters });
  await reader.synced();
  expect(reader.closed).toBeUndefined();
  expect(received).toBe(expected);
  reader.close();
}

describe("a shop of big listings syncs without a 1009 close", () => {
  it("3 listings of 53 KB: a full subscription and an unauthenticated LISTING subscription", async () => {
    const { shopId, clerk } = await shopOfListings(501, 3, 53_000);
    await syncs(shopId, undefined, relay.logLength({ shopId }), clerk);
    await syncs(shopId, [{ objectType: ObjectType.LISTING }], 3);
  });

  it("70 listings of 2.3 KB: a full subscription and an unauthenticated LISTING subscription", async () => {
    const { shopId, clerk } = await shopOfListings(502, 70, 2_300);
    await syncs(shopId, undefined, relay.logLength({ shopId }), clerk);
    await syncs(shopId, [{ objectType: ObjectType.LISTING }], 70);
  });
});

describe("an event no push frame can carry", () => {
  it("closes the relay's session with EVENT_TOO_BIG instead of stalling the subscription", async () => {
    const backend = await openRelay();
    const clerk = new f.Writer(backend.domain);
    await backend.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    const transport = new Recorder();
    // A peer that takes frames of 1 KiB at most: the enrollment and manifest fit, a 2 KB listing cannot.
    const session = new RelaySession({ transport, backend, clock: new ManualClock(), peerMaxFrameBytes: 1024 });
    await backend.write({ keycard: { address: clerk.account.address, shopId: f.shopRaw, guest: false }, events: [await clerk.sign(f.manifest())] });
    await backend.write({ keycard: { address: clerk.account.address, shopId: f.shopRaw, guest: false }, events: [await clerk.sign(longListing(1, 2_000))] });
    session.receive({ frame: frame(1n, { case: "subscriptionRequest", value: { shopId: { raw: f.shopRaw }, filters: [{ objectType: ObjectType.LISTING }] } }) });
    expect(transport.closed?.code).toBe(SESSION_CLOSE_CODES.EVENT_TOO_BIG);
    expect(transport.closed?.reason).toMatch(/seq_no 3 needs a \d+-byte push, over the peer's 1024-byte frame limit/);
  });

  it("cannot happen with the defaults: the largest event a relay accepts (64 KiB) is pushed in one 128 KiB frame, a larger one is refused at write", async () => {
    const { shopId } = await shopOfListings(503, 1, DEFAULT_MAX_EVENT_BYTES - 100);
    await syncs(shopId, [{ objectType: ObjectType.LISTING }], 1);
    await expect(shopOfListings(504, 1, DEFAULT_MAX_EVENT_BYTES + 1_000)).rejects.toMatchObject({ errorName: "INVALID" });
  });
});
