// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay load benches' raw writer, without timing: its pre-encoded frames
// are accepted and stored in order, every write reports its acknowledgement
// once, and a refused write fails the run instead of counting as accepted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRawWriter } from "../../bench/raw-writer.js";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import * as f from "../session/fixtures.js";

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay();
});
afterAll(async () => {
  await relay.close();
});

describe("bench raw writer", () => {
  it("writes every event in two runs, several in flight, each timed run's write acknowledged once, all stored", async () => {
    const clerk = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    const events = [await clerk.sign(f.manifest())];
    for (let n = 1; n <= 60; n++) events.push(await clerk.sign(f.tag(n)));
    const before = relay.logLength({ shopId: f.SHOP_ID });
    const writer = await connectRawWriter({ url: relay.url, account: clerk.account, events });
    const acks: number[] = [];
    await writer.write({ count: 21, window: 8 });
    await writer.write({ count: 40, window: 8, acked: (ms) => acks.push(ms) });
    await expect(writer.write({ count: 1, window: 1 })).rejects.toThrow(/1 more writes asked for, 0 left/);
    writer.close();
    expect(acks).toHaveLength(40);
    expect(acks.every((ms) => ms >= 0)).toBe(true);
    expect(relay.logLength({ shopId: f.SHOP_ID })).toBe(before + 61);
    expect(Object.keys(relay.shopState({ shopId: f.SHOP_ID })?.tags ?? {})).toHaveLength(60);
  });

  it("fails on a refused write (a nonce used twice) rather than counting it", async () => {
    const clerk = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    const tag = await clerk.sign(f.tag(500));
    const writer = await connectRawWriter({ url: relay.url, account: clerk.account, events: [tag, tag] });
    const acks: number[] = [];
    await expect(writer.write({ count: 2, window: 1, acked: (ms) => acks.push(ms) })).rejects.toThrow(/relay refused a raw peer's request/);
    expect(acks).toHaveLength(1);
    writer.close();
  });
});
