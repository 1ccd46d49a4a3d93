// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The fan-out bench's raw subscriber, without timing: it logs in, subscribes
// to the whole shop and, answering without opening the events, is pushed
// every event once (the relay goes on pushing, so its answers are right).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privateKeyToAccount, generatePrivateKey } from "viem/accounts";
import { connectRawReader } from "../../bench/raw-reader.js";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import * as f from "../session/fixtures.js";

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay();
});
afterAll(async () => {
  await relay.close();
});

describe("bench raw reader", () => {
  it("gets the history and every live event, each once", async () => {
    const clerk = new f.Writer(relay.domain);
    const account = privateKeyToAccount(generatePrivateKey());
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: account.publicKey });
    const writer = await relay.connect();
    await writer.login({ account: clerk.account });
    await writer.write({ events: [await clerk.sign(f.manifest())] });
    const reader = await connectRawReader({ url: relay.url, account, shopId: f.SHOP_ID });
    for (let n = 1; n <= 100; n++) await writer.write({ events: [await clerk.sign(f.tag(n))] });
    // Two enrollments, the manifest, 100 tags.
    await writer.subscribe({ shopId: f.SHOP_ID });
    await writer.synced();
    for (let wait = 0; wait < 100 && reader.events() < 103; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reader.events()).toBe(103);
    expect(reader.frames().pushes).toBeLessThanOrEqual(103);
    reader.close();
    writer.close();
  });
});
