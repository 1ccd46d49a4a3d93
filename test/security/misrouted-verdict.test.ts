// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a guest copies the signature of its own accepted event onto a new
// event, hoping that the relay's verification workers answer for the wrong
// bytes (a worker's verdict for the earlier event applied to the new one).
// Here every worker does exactly that: it answers every batch with its first
// batch's signers. A verdict counts only for the exact bytes the worker was
// given, so the forged event is checked on the relay's thread and refused.
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { createVerifyPool } from "../../src/relay/verify-pool.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";

describe("a verification result delivered for other bytes", () => {
  it("is not applied: the forged event is refused and never stored", async () => {
    const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: `0x${"33".repeat(32)}`, verifyWorkers: 1 });
    const clerk = new f.Writer(TEST_RELAY_DOMAIN);
    const guest = new f.Writer(TEST_RELAY_DOMAIN);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: guest.account.publicKey, guest: true });
    const keycardOf = (who: f.Writer) => {
      const found = relay.findKeycard({ publicKey: hexToBytes(who.account.publicKey).slice(1) });
      if (found === undefined) throw new Error("not enrolled");
      return found;
    };
    const keycard = keycardOf(guest);
    await relay.write({ keycard: keycardOf(clerk), events: [await clerk.sign(f.manifest())] });
    // From here on the workers answer every batch with their first one: the guest's honest event.
    const pool = await createVerifyPool({ size: 1, domain: TEST_RELAY_DOMAIN, crypto: "js", warn: () => undefined, entry: new URL("../relay/workers/stale-verify-worker.ts", import.meta.url) });
    await pool.ready();
    await (Reflect.get(relay, "pool") as { close(): Promise<void> }).close();
    Reflect.set(relay, "pool", pool);

    const honest = await guest.sign(f.createOrder(1));
    await expect(relay.write({ keycard, events: [honest] })).resolves.toBeUndefined();
    // Same length, another order id and nonce, the honest event's signature.
    const forged = { ...(await guest.sign(f.createOrder(2))), signature: honest.signature };
    await expect(relay.write({ keycard, events: [forged] })).rejects.toThrow(/UNKNOWN_KEYCARD/);

    const log = relay.shopLog({ shopId: f.SHOP_ID });
    expect(log).toHaveLength(4);
    expect(Object.keys(relay.shopState({ shopId: f.SHOP_ID })?.orders ?? {})).toEqual([f.hex8(1)]);
    await relay.close();
  });
});
