// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A relay with verification workers that never start (stuck loading, as a
// worker with a broken module resolution can be): ReferenceRelay.open waits a
// bounded time for them, says so, and serves, checking writes on its own
// thread; it used to wait for them forever.
import { hexToBytes } from "viem";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";

vi.mock("../../src/relay/verify-pool.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/relay/verify-pool.js")>();
  return {
    ...actual,
    createVerifyPool: (options: Parameters<typeof actual.createVerifyPool>[0]) => actual.createVerifyPool({ ...options, entry: new URL("./workers/silent-verify-worker.ts", import.meta.url) }),
  };
});

afterEach(() => {
  vi.useRealTimers();
});

describe("verification workers that never start", () => {
  it("do not keep the relay from serving: open warns after its wait and writes are checked on the relay's thread", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const warnings: string[] = [];
    let opened: ReferenceRelay | undefined;
    const opening = ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: `0x${"44".repeat(32)}`, verifyWorkers: 1, warn: (line) => warnings.push(line) }).then((relay) => (opened = relay));
    // Fake time moves a second per real turn of the event loop, for at most a minute of it.
    for (let second = 0; opened === undefined && second < 60; second++) await vi.advanceTimersByTimeAsync(1_000);
    vi.useRealTimers();
    const relay = await opening;
    expect(warnings.filter((line) => line.includes("have not started"))).toHaveLength(1);

    const clerk = new f.Writer(TEST_RELAY_DOMAIN);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    const keycard = relay.findKeycard({ publicKey: hexToBytes(clerk.account.publicKey).slice(1) });
    if (keycard === undefined) throw new Error("not enrolled");
    await expect(relay.write({ keycard, events: [await clerk.sign(f.manifest())] })).resolves.toBeUndefined();
    expect(relay.shopLog({ shopId: f.SHOP_ID })).toHaveLength(2);
    await relay.close();
  }, 30_000);
});
