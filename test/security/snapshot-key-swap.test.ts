// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a restored shop snapshot (shopStateFromJSON) files the guest's public
// key under the clerk's address. Verifiers remember enrolled keycards' keys from
// the state to check later signatures by table; had they trusted that entry, a
// signature by the guest would check out against "the clerk's" key and the event
// would be read as the clerk's. A key is remembered only when it hashes to the
// signer that recovery named, so the guest's event stays the guest's.
import { toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { signEvent } from "../../src/eip712/sign-event.js";
import { createShopState } from "../../src/state/create-shop-state.js";
import { shopStateFromJSON } from "../../src/state/shop-state-from-json.js";
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

describe("a snapshot that files one keycard's key under another's address", async () => {
  const { log: scenario } = buildScenario();
  const log: Uint8Array[] = [];
  for (const entry of scenario.entries) {
    log.push(toBinary(SignedEventSchema, createSignedEvent({ event: entry.event, signature: await signEvent({ event: entry.event, domain, account: partyOf(entry.signer).account }) })));
  }
  const honest = verifyShopLog({ state: createShopState({ context }), signedEvents: log, domain });
  const json = JSON.parse(shopStateToJSON({ state: honest })) as { keycards: Record<string, { publicKey: string }> };
  (json.keycards[clerk.address] as { publicKey: string }).publicKey = (json.keycards[guest.address] as { publicKey: string }).publicKey;
  const hostile = shopStateFromJSON({ json: JSON.stringify(json) });
  const guestEvent = log[scenario.entries.findIndex((entry) => entry.signer === guest.address)] as Uint8Array;

  it("never reads the guest's signature as the clerk's", () => {
    const memory = createSignerMemory();
    rememberShopSigner({ memory, state: hostile, signer: guest.address });
    // The swapped entry would go first: it is refused, as its key does not hash to the clerk.
    rememberShopSigner({ memory, state: hostile, signer: clerk.address });
    expect(openEvent({ parameters: { signedEvent: guestEvent, domain }, known: memory }).signer).toBe(guest.address);
    expect([...memory.byAddress.keys()]).toEqual([guest.address]);
  });
});
