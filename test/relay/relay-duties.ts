// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay duties the core holds, whichever ShopStore it runs on (issue 22,
// "The relay duties hold on every backend"): an event signed by another
// enrolled keycard than the session's is refused and never stored; the
// relay's own events get increasing nonces, continued after a restart on the
// same store, with the enrolled keycards in the store's table; choose_payment is
// answered with the relay's payment details.
// Shared by relay-duties.test.ts (memory, file) and the PostgreSQL file.
import { fromBinary } from "@bufbuild/protobuf";
import { generatePrivateKey } from "viem/accounts";
import { afterEach, expect, it } from "vitest";
import { ErrorCodes, ShopEventSchema, SignedEventSchema } from "../../src/index.js";
import { createRelayCore, type ShopStore, TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { ManualClock } from "../session/harness.js";
import { connectInMemory } from "./memory-pair.js";

/** A backend: `fresh` makes empty data for one case, whose `open` may be called again (a restart). */
export interface DutyBackend {
  readonly name: string;
  fresh(): Promise<{ open(): Promise<ShopStore>; remove(): Promise<void> }>;
}

const eventOf = (bytes: Uint8Array) => fromBinary(ShopEventSchema, fromBinary(SignedEventSchema, bytes).event!.value);

/** Registers the duty cases for `backend` (call inside a describe). */
export function relayDutyCases(fresh: DutyBackend): void {
  const backend = { name: fresh.name, data: undefined as Awaited<ReturnType<DutyBackend["fresh"]>> | undefined, open: async () => (backend.data ??= await fresh.fresh()).open() };
  afterEach(async () => {
    await backend.data?.remove();
    backend.data = undefined;
  });
  it(`${backend.name}: a session of keycard A cannot get an event signed by enrolled keycard B accepted`, async () => {
    const store = await backend.open();
    const core = await createRelayCore({ store, domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), warn: () => undefined });
    const [a, b] = [new f.Writer(TEST_RELAY_DOMAIN), new f.Writer(TEST_RELAY_DOMAIN)];
    for (const writer of [a, b]) await core.enrollKeycard({ shopId: f.SHOP_ID, publicKey: writer.account.publicKey });
    const session = connectInMemory(core, new ManualClock());
    await session.login({ account: a.account });
    await session.write({ events: [await a.sign(f.manifest())] });
    // B's valid event, sent by A's session, alone and behind one of A's own.
    await expect(session.write({ events: [await b.sign(f.tag(1))] })).rejects.toMatchObject({ errorCode: ErrorCodes.INVALID, relayMessage: expect.stringMatching(/not by the logged-in keycard/) });
    await expect(session.write({ events: [await a.sign(f.tag(2)), await b.sign(f.tag(3))] })).rejects.toMatchObject({ errorCode: ErrorCodes.INVALID });
    expect(await store.head({ shopId: f.shopRaw })).toBe(3n);
    expect(core.shopState({ shopId: f.SHOP_ID })!.tags).toEqual({});
    await core.close();
  });

  it(`${backend.name}: the relay's own events take increasing nonces, continued after a restart`, async () => {
    const privateKey = generatePrivateKey();
    const first = await createRelayCore({ store: await backend.open(), domain: TEST_RELAY_DOMAIN, privateKey });
    for (let i = 0; i < 2; i++) await first.enrollKeycard({ shopId: f.SHOP_ID, publicKey: new f.Writer(TEST_RELAY_DOMAIN).account.publicKey });
    await first.close();
    const store = await backend.open();
    const again = await createRelayCore({ store, domain: TEST_RELAY_DOMAIN, privateKey });
    await again.enrollKeycard({ shopId: f.SHOP_ID, publicKey: new f.Writer(TEST_RELAY_DOMAIN).account.publicKey });
    const records = await store.read({ shopId: f.shopRaw, afterSeqNo: 0n });
    expect(records.map((r) => [r.signer, r.nonce])).toEqual([1n, 2n, 3n].map((n) => [again.address.toLowerCase(), n]));
    expect(records.map((r) => eventOf(r.signedEvent).nonce)).toEqual([1n, 2n, 3n]);
    // The enrolled keycards travel with their batches into the store's keycard table.
    const keycards = await store.keycards({ shopId: f.shopRaw });
    expect(keycards.map((k) => [k.guest, k.revoked])).toEqual([[false, false], [false, false], [false, false]]);
    expect((await store.findKeycard({ address: keycards[0]!.address })).map((k) => k.shopId)).toEqual([f.shopRaw]);
    await again.close();
  });

  it(`${backend.name}: choose_payment is answered with the relay's payment details, stored right after it`, async () => {
    const store = await backend.open();
    const core = await createRelayCore({ store, domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey() });
    const clerk = new f.Writer(TEST_RELAY_DOMAIN);
    await core.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    const session = connectInMemory(core, new ManualClock());
    await session.login({ account: clerk.account });
    for (const union of [f.manifest(), f.updateManifest(), f.listing(1), f.changeInventory(1, 5), f.createOrder(7), f.addItems(7, 1, 2), f.commitItems(7), f.invoiceAddress(7), f.choosePayment(7)]) await session.write({ events: [await clerk.sign(union)] });
    const records = await store.read({ shopId: f.shopRaw, afterSeqNo: 0n });
    const last = records.at(-1)!;
    expect(last.signer).toBe(core.address.toLowerCase());
    const union = eventOf(last.signedEvent).union;
    expect(union.case === "updateOrder" && union.value.action.case).toBe("setPaymentDetails");
    expect(core.shopState({ shopId: f.SHOP_ID })!.orders[f.hex8(7)]?.status).toBe("unpaid");
    await core.close();
  });
}
