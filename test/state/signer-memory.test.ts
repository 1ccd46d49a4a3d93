// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Verifying a log or a stream of pushes remembers keycards as they sign, with
// the public keys their enrollment put in the state, and checks their next
// events against the key instead of recovering it. A shortcut only: the state
// and every signer are those recovery gives (test/security/snapshot-key-swap.test.ts
// covers a snapshot holding a key that is not the keycard's).
import { toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { type ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { signEvent } from "../../src/eip712/sign-event.js";
import { createKeycardSet } from "../../src/wire/keycards.js";
import { createShopState } from "../../src/state/create-shop-state.js";
import { reduceShopLog } from "../../src/state/reduce-shop-log.js";
import type { ShopState } from "../../src/state/shop-state.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import { createSignerMemory, rememberShopSigner } from "../../src/state/signer-memory.js";
import { verifyShopLog } from "../../src/state/verify-shop-log.js";
import { createSignedEvent } from "../../src/wire/create-signed-event.js";
import { openEvent } from "../../src/wire/open-event.js";
import { clerk, context, guest, guest2, type Party, relay, retired, stranger } from "../support/shop-fixtures.js";
import { buildScenario } from "../support/shop-scenario.js";

const domain = { chainId: 1, verifyingContract: "0x0000000000000000000000000000000000000a11" } as const;
const parties = [relay, clerk, guest, guest2, retired, stranger];
const partyOf = (address: string): Party => parties.find((p) => p.address === address) as Party;
const sign = async (event: ShopEvent, by: Party) => toBinary(SignedEventSchema, createSignedEvent({ event, signature: await signEvent({ event, domain, account: by.account }) }));

const { log: scenario } = buildScenario();
const log: Uint8Array[] = [];
for (const entry of scenario.entries) log.push(await sign(entry.event, partyOf(entry.signer)));
const expected = reduceShopLog({ state: createShopState({ context }), events: scenario.entries });

describe("the memory of signers", () => {
  it("leaves verifyShopLog's state exactly what the rules give, with or without a caller's KeycardSet", () => {
    const remembered = verifyShopLog({ state: createShopState({ context }), signedEvents: log, domain });
    const given = verifyShopLog({ state: createShopState({ context }), signedEvents: log, domain, keycards: createKeycardSet({ keycards: [] }) });
    expect(shopStateToJSON({ state: remembered })).toBe(shopStateToJSON({ state: expected }));
    expect(shopStateToJSON({ state: given })).toBe(shopStateToJSON({ state: expected }));
  });

  it("remembers an enrolled keycard once it signed, and checks its next event by table", () => {
    let state: ShopState = createShopState({ context });
    const memory = createSignerMemory();
    let checkedByTable = 0;
    for (const [i, signedEvent] of log.entries()) {
      const recentBefore = memory.recent[0]?.address;
      const opened = openEvent({ parameters: { signedEvent, domain }, known: memory });
      expect(opened.signer).toBe(scenario.entries[i]?.signer);
      // The signer was first in memory before this event: found by its table, which now exists.
      if (recentBefore === opened.signer) {
        checkedByTable++;
        expect(memory.recent[0]?.table).toBeDefined();
      }
      state = verifyShopLog({ state, signedEvents: [signedEvent], domain });
      rememberShopSigner({ memory, state, signer: opened.signer });
    }
    // The scenario's keycards sign runs of events; the relay (known by address only) is always recovered.
    expect(checkedByTable).toBeGreaterThan(log.length / 4);
    expect(memory.byAddress.has(relay.address)).toBe(false);
    expect(memory.byAddress.has(clerk.address)).toBe(true);
  });
});
