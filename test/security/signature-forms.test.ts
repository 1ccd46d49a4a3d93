// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: send the same signed event again with its signature in another
// form. v = 0/1 and v = 27/28 both recover the signer; a relay that forwards
// whichever form it got stores and pushes two different SignedEvents for one
// event, so "same signature" no longer identifies an event (deduplication,
// replay detection by signature). Every open returns and forwards one form.
import { toBinary } from "@bufbuild/protobuf";
import { bytesToHex, hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { createSignedEvent, openSignedEvent, type SignedEvent, SignedEventSchema, ShopEventSchema, signEvent, signEventBytes } from "../../src/index.js";
import { domain, highS, keycard, tagEvent } from "../wire-helpers/fixtures.js";
import { thrown } from "../support/thrown.js";

/** The attacker's copy: the signature bytes with v moved to 0/1, wrapped by hand (createSignedEvent would normalise it). */
function withV01(signedEvent: SignedEvent): SignedEvent {
  const copy = structuredClone(signedEvent);
  const raw = copy.signature!.raw.slice();
  raw[64] = (raw[64] as number) - 27;
  copy.signature!.raw = raw;
  return copy;
}

describe("one event, two signature forms", () => {
  it.each(["eip712", "eip191"] as const)("v 0/1 and v 27/28 open to the same forwarded SignedEvent (%s)", async (scheme) => {
    const event = tagEvent(3n);
    const eventBytes = toBinary(ShopEventSchema, event);
    const signature = scheme === "eip712" ? await signEvent({ event, domain, account: keycard }) : await signEventBytes({ eventBytes, account: keycard });
    const honest = createSignedEvent({ event: eventBytes, signature });
    const open = (signedEvent: SignedEvent) => (scheme === "eip712" ? openSignedEvent({ signedEvent, domain }) : openSignedEvent({ signedEvent, scheme }));
    const sent = withV01(honest);
    const a = open(honest);
    const b = open(sent);
    expect(b.signer).toBe(a.signer);
    expect(bytesToHex(toBinary(SignedEventSchema, b.signedEvent))).toBe(bytesToHex(toBinary(SignedEventSchema, a.signedEvent)));
    expect([27, 28]).toContain(a.signedEvent.signature!.raw[64]);
    // The message as sent is left alone.
    expect([0, 1]).toContain(sent.signature!.raw[64]);
  });

  it("the malleable high-s twin is refused outright", async () => {
    const event = tagEvent(4n);
    const signature = hexToBytes(await signEvent({ event, domain, account: keycard }));
    const twin = createSignedEvent({ event, signature }); // honest
    twin.signature!.raw = highS(signature);
    expect(thrown(() => openSignedEvent({ signedEvent: twin, domain }))).toMatchObject({ code: "INVALID_SIGNATURE", problem: "HIGH_S" });
  });
});
