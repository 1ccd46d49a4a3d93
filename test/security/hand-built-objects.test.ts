// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: objects that were never made by create() or a decoder reach the
// API (JSON from a peer parsed by hand, plain JavaScript callers): `$unknown`
// that is not an array, no `union` at all, `seconds` as a number. Each entry
// point must answer with a typed error naming the field, never a raw
// TypeError (which a relay's error handling would not recognise) and never a
// silent pass.
import { describe, expect, it } from "vitest";
import {
  assertEventAccepted,
  checkEvent,
  createNonceTracker,
  createSignedEvent,
  eventTypedData,
  hashEvent,
  isNetworkSchemaError,
  recoverEventSigner,
  type ShopEvent,
  signEvent,
  verifyEvent,
} from "../../src/index.js";
import { domain, keycard, SHOP_ID, tagEvent, WINDOW } from "../wire-helpers/fixtures.js";

const signature = `0x${"11".repeat(32)}${"22".repeat(32)}1b` as const;

/** A valid Tag event with one part replaced by what a hand-built object might carry. */
const tampered = (patch: (event: Record<string, unknown>) => void): ShopEvent => {
  const event = { ...tagEvent(1n) } as unknown as Record<string, unknown>;
  patch(event);
  return event as unknown as ShopEvent;
};
const objects: [string, ShopEvent][] = [
  ["$unknown is a string", tampered((e) => (e.$unknown = "x"))],
  ["$unknown is an object", tampered((e) => (e.$unknown = { length: 1 }))],
  ["$unknown holds junk", tampered((e) => (e.$unknown = [null]))],
  ["union is undefined", tampered((e) => (e.union = undefined))],
  ["union is null", tampered((e) => (e.union = null))],
  ["timestamp.seconds is a number", tampered((e) => (e.timestamp = { ...(e.timestamp as object), seconds: 1_700_000_000 }))],
  ["timestamp is a Date", tampered((e) => (e.timestamp = new Date()))],
  ["nonce is a number", tampered((e) => (e.nonce = 1))],
  ["shopId.raw is a string", tampered((e) => (e.shopId = { $typeName: "market.mass.Uint256", raw: "0x17" }))],
];

const entryPoints: [string, (event: ShopEvent) => unknown][] = [
  ["hashEvent", (event) => hashEvent({ event, domain })],
  ["eventTypedData", (event) => eventTypedData({ event, domain })],
  ["signEvent", (event) => signEvent({ event, domain, account: keycard })],
  ["verifyEvent", (event) => verifyEvent({ event, domain, signature, address: keycard.address })],
  ["recoverEventSigner", (event) => recoverEventSigner({ event, domain, signature })],
  ["createSignedEvent", (event) => createSignedEvent({ event, signature })],
  ["checkEvent", (event) => checkEvent({ event, signer: keycard.address, shopId: SHOP_ID, keycards: [keycard.address], nonces: createNonceTracker({}), timestampWindow: WINDOW })],
  ["assertEventAccepted", (event) => assertEventAccepted({ event, signer: keycard.address, shopId: SHOP_ID, keycards: [keycard.address], nonces: createNonceTracker({}), timestampWindow: WINDOW })],
];

describe("hand-built objects get typed errors", () => {
  it.each(entryPoints)("%s", async (_name, run) => {
    const untyped: string[] = [];
    for (const [what, event] of objects) {
      try {
        const result = await run(event);
        // createSignedEvent encodes what protobuf can; checkEvent may refuse by policy. Neither may accept junk silently.
        if (result !== undefined && typeof result === "object" && "accepted" in (result as object)) {
          if ((result as { accepted: boolean }).accepted) untyped.push(`${what}: accepted`);
        } else untyped.push(`${what}: no error`);
      } catch (error) {
        if (!isNetworkSchemaError(error)) untyped.push(`${what}: ${String(error)}`);
      }
    }
    expect(untyped).toEqual([]);
  });
});
