// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// ClientSession in real Chromium over the browser's own WebSocket, against the
// reference relay the global setup runs on loopback: login, a full
// subscription verified through the shop state machine, writes, a refusal.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { type Address, type Hex, numberToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, inject, it } from "vitest";
import { connectClientSession, createSignedEvent, ErrorCodes, type EventDomain, isRelayError, ShopEventSchema, signEvent } from "../../src/index.js";

const relay = inject("relay");
const domain: EventDomain = { chainId: relay.chainId, verifyingContract: relay.verifyingContract as Address };
const shopId = numberToBytes(23n, { size: 32 });
const eth = { chainId: 1n, address: { raw: new Uint8Array(20) } };

describe("ClientSession in Chromium against the loopback relay", () => {
  it("logs in, writes, follows the shop and sees the relay's refusal", async () => {
    expect(typeof globalThis.WebSocket).toBe("function");
    const clerk = privateKeyToAccount(relay.clerkKey as Hex);
    const session = await connectClientSession({ url: relay.url, domain, relays: [relay.relayAddress as Address] });
    await session.login({ account: clerk });
    await session.subscribe({ shopId: 23n });
    const sign = async (nonce: bigint, union: NonNullable<MessageInitShape<typeof ShopEventSchema>["union"]>) => {
      const event = create(ShopEventSchema, { nonce, shopId: { raw: shopId }, timestamp: timestampFromMs(Date.now()), union });
      return createSignedEvent({ event, signature: await signEvent({ event, domain, account: clerk }) });
    };
    await session.write({ events: [await sign(1n, { case: "manifest", value: { tokenId: { raw: shopId }, acceptedCurrencies: [eth], pricingCurrency: eth } })] });
    await session.write({ events: [await sign(2n, { case: "tag", value: { id: { raw: numberToBytes(1n, { size: 8 }) }, name: "from the browser" } })] });
    await session.synced();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(session.state?.tags["0x0000000000000001"]?.name).toBe("from the browser");
    expect(session.state?.manifest).not.toBeNull();
    const refused = await session.write({ events: [await sign(2n, { case: "tag", value: { id: { raw: numberToBytes(2n, { size: 8 }) }, name: "replayed nonce" } })] }).catch((e: unknown) => e);
    expect(isRelayError(refused) && refused.errorCode).toBe(ErrorCodes.INVALID);
    session.close();
  });

  it("a guest keycard is refused a clerk-only event with NOT_FOUND", async () => {
    const guest = privateKeyToAccount(relay.guestKey as Hex);
    const session = await connectClientSession({ url: relay.url, domain, relays: [relay.relayAddress as Address] });
    await session.login({ account: guest });
    const event = create(ShopEventSchema, { nonce: 1n, shopId: { raw: shopId }, timestamp: timestampFromMs(Date.now()), union: { case: "tag", value: { id: { raw: numberToBytes(3n, { size: 8 }) }, name: "guest" } } });
    const refused = await session.write({ events: [createSignedEvent({ event, signature: await signEvent({ event, domain, account: guest }) })] }).catch((e: unknown) => e);
    expect(isRelayError(refused) && refused.errorCode).toBe(ErrorCodes.NOT_FOUND);
    session.close();
  });
});
