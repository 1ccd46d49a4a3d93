// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a hostile relay answers AuthenticateRequest with a "challenge" that
// is really the bytes of a shop event, hoping the keycard's login signature
// doubles as a signature over that event. The default login signs the
// domain-separated AuthChallenge type, which never verifies as an event; the
// v3 EIP-191 form signs only a 32-byte challenge, and every event a shop
// accepts is longer (its shop_id alone takes 34 bytes).
import { toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  ClientSession,
  createSignedEvent,
  decodeEnvelope,
  isFieldValueError,
  openSignedEvent,
  ShopEventSchema,
} from "../../src/index.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { ManualClock, okResponse, Recorder } from "../session/harness.js";

/** Runs a login against a relay that returns `challenge`; resolves with the signature the client sent, or the error. */
async function loginAgainst(challenge: Uint8Array, scheme: "eip712" | "eip191") {
  const keycard = new f.Writer(TEST_RELAY_DOMAIN);
  const transport = new Recorder();
  const session = new ClientSession({ transport, domain: TEST_RELAY_DOMAIN, clock: new ManualClock() });
  const login = session.login({ account: keycard.account, scheme }).catch((e: unknown) => e);
  session.receive({ frame: okResponse(1n, challenge) });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const sent = transport.frames.map((bytes) => decodeEnvelope({ bytes }));
  const solution = sent.find((e) => e.message.case === "challengeSolutionRequest");
  return { keycard, login, signature: solution?.message.case === "challengeSolutionRequest" ? solution.message.value.signature?.raw : undefined };
}

describe("event bytes smuggled in as the login challenge", () => {
  it("the EIP-712 login signature does not verify as a signature over those event bytes", async () => {
    const writer = new f.Writer(TEST_RELAY_DOMAIN);
    const { event } = openSignedEvent({ signedEvent: await writer.sign(f.tag(1)), domain: TEST_RELAY_DOMAIN });
    const eventBytes = toBinary(ShopEventSchema, event);
    const { keycard, signature } = await loginAgainst(eventBytes, "eip712");
    expect(signature).toBeDefined();
    const forged = createSignedEvent({ event: eventBytes, signature: signature as Uint8Array });
    expect(openSignedEvent({ signedEvent: forged, domain: TEST_RELAY_DOMAIN }).signer).not.toBe(keycard.account.address);
    expect(openSignedEvent({ signedEvent: forged, scheme: "eip191" }).signer).not.toBe(keycard.account.address);
  });

  it("the v3 EIP-191 login refuses to sign anything but a 32-byte challenge", async () => {
    const writer = new f.Writer(TEST_RELAY_DOMAIN);
    const { event } = openSignedEvent({ signedEvent: await writer.sign(f.tag(1)), domain: TEST_RELAY_DOMAIN });
    const eventBytes = toBinary(ShopEventSchema, event);
    expect(eventBytes.length).toBeGreaterThan(32);
    const { login, signature } = await loginAgainst(eventBytes, "eip191");
    expect(signature).toBeUndefined();
    expect(isFieldValueError(await login)).toBe(true);
  });

  it("a v3 EIP-191 login over a real 32-byte challenge goes through", async () => {
    const { signature } = await loginAgainst(new Uint8Array(32).fill(7), "eip191");
    expect(signature?.length).toBe(65);
  });
});
