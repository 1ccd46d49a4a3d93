// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The attack: make the relay's store fail (a full disk, a database that
// drops the connection) while a client writes. The client must be told to
// retry later (TOO_MANY_CONCURRENT_REQUESTS, rule STORE_FAILED), never that
// its event is bad (INVALID, "do not retry"): a well-behaved client would
// otherwise drop a valid write. Both storage paths: the pipelined RelayStore
// (which then stops accepting writes until it restarts) and a shared ShopStore
// (where the next write, once the store is back, is stored).
import { generatePrivateKey } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { ErrorCodes, isRelayError } from "../../src/index.js";
import { ShopStoreFailedError } from "../../src/errors/shop-store-error.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import type { RelayStore } from "../../src/relay/relay-store.js";
import { createMemoryShopStore, type ShopStore, TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { ManualClock } from "../session/harness.js";
import { connectInMemory } from "../relay/memory-pair.js";

const RETRY_LATER = { errorCode: ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS, rule: "STORE_FAILED" };

async function refusedWith(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(() => new Error("accepted"), (e: unknown) => e);
  expect(isRelayError(error)).toBe(true);
  return error;
}

// A relay with an enrolled, logged-in clerk; `failing.on` makes every later store call fail.
async function clerkOn(relay: ReferenceRelay): Promise<{ write: (union: f.UnionInit) => Promise<unknown> }> {
  const clerk = new f.Writer(TEST_RELAY_DOMAIN);
  await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
  const session = connectInMemory(relay, new ManualClock());
  await session.login({ account: clerk.account });
  await session.write({ events: [await clerk.sign(f.manifest())] });
  return { write: async (union) => session.write({ events: [await clerk.sign(union)] }) };
}

describe("a store that fails under a write", () => {
  it("pipelined RelayStore whose append rejects: retry later, and so for every write until the relay restarts", async () => {
    const failing = { on: false };
    const store: RelayStore = { load: async () => [], append: async () => (failing.on ? Promise.reject(new Error("ENOSPC: no space left on device")) : undefined), close: async () => undefined };
    const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), store, warn: () => undefined });
    const clerk = await clerkOn(relay);
    failing.on = true;
    expect(await refusedWith(clerk.write(f.tag(1)))).toMatchObject(RETRY_LATER);
    failing.on = false;
    // Later events were folded on the failed one: they stay refused, with the same retryable code.
    const later = (await refusedWith(clerk.write(f.tag(2)))) as Error;
    expect(later).toMatchObject(RETRY_LATER);
    expect(later.message).toMatch(/restart/);
    await relay.close();
  });

  for (const call of ["append", "read"] as const) {
    it(`shared ShopStore whose ${call} rejects: retry later, and the retry is stored once the store is back`, async () => {
      const failing = { on: false };
      const inner = createMemoryShopStore();
      const store: ShopStore = { ...inner, [call]: (input: never) => (failing.on ? Promise.reject(new ShopStoreFailedError({ operation: call, detail: "connection terminated" })) : (inner[call] as (input: never) => Promise<unknown>)(input)) };
      const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), shopStore: store, warn: () => undefined });
      const clerk = await clerkOn(relay);
      failing.on = true;
      expect(await refusedWith(clerk.write(f.tag(1)))).toMatchObject(RETRY_LATER);
      expect(relay.shopLog({ shopId: f.SHOP_ID })).toHaveLength(2);
      failing.on = false;
      await clerk.write(f.tag(2));
      expect(Object.keys(relay.shopState({ shopId: f.SHOP_ID })!.tags)).toHaveLength(1);
      expect(await inner.head({ shopId: f.shopRaw })).toBe(3n);
      await relay.close();
    });
  }
});
