// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: someone who knows a keycard's public key (it is public: it is in the
// shop log) tries to take over or kick its session. In v3 the relay stopped
// the keycard's open session as soon as an AuthenticateRequest for it came in,
// before any proof. Here only a finished login (a valid signature over a fresh
// challenge) replaces the older session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticateRequest, createChallengeSolvedRequest, ErrorCodes, signAuthChallenge } from "../../src/index.js";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { frame } from "../session/harness.js";
import { RawClient } from "../session/raw-client.js";

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay();
});
afterAll(async () => {
  await relay.close();
});

const codes = (raw: RawClient) =>
  raw.received.map((e) => (e.message.case === "response" ? (e.message.value.response.case === "error" ? e.message.value.response.value.code : "ok") : e.message.case));

describe("session takeover with only the public key", () => {
  it("an AuthenticateRequest for a logged-in keycard neither kicks the victim nor logs the attacker in", async () => {
    const keycard = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: keycard.account.publicKey });
    const victim = await relay.connect();
    await victim.login({ account: keycard.account });

    const attacker = await RawClient.open(relay.url);
    attacker.send(frame(1n, { case: "authRequest", value: createAuthenticateRequest({ publicKey: keycard.account.publicKey }) }));
    await attacker.waitFor(() => attacker.received.length === 1);
    // A signature the attacker can make: its own key over the challenge.
    const challenge = attacker.received[0]?.message.case === "response" && attacker.received[0].message.value.response.case === "payload" ? attacker.received[0].message.value.response.value : new Uint8Array(32);
    const own = new f.Writer(relay.domain);
    attacker.send(frame(2n, { case: "challengeSolutionRequest", value: createChallengeSolvedRequest({ signature: await signAuthChallenge({ challenge, domain: relay.domain, account: own.account }) }) }));
    // Then a write, which must still need a login.
    attacker.send(frame(3n, { case: "eventWriteRequest", value: { events: [await keycard.sign(f.manifest())] } }));
    await attacker.waitFor(() => attacker.received.length === 3);
    expect(codes(attacker)).toEqual(["ok", ErrorCodes.INVALID, ErrorCodes.NOT_AUTHENTICATED]);
    expect(victim.closed).toBeUndefined();
    await victim.ping();
    attacker.socket.close();
    victim.close();
  });

  it("a replayed ChallengeSolvedRequest (a signature over an earlier challenge) is refused", async () => {
    const keycard = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: keycard.account.publicKey });
    const observed = await RawClient.open(relay.url);
    observed.send(frame(1n, { case: "authRequest", value: createAuthenticateRequest({ publicKey: keycard.account.publicKey }) }));
    await observed.waitFor(() => observed.received.length === 1);
    const first = observed.received[0]?.message.case === "response" && observed.received[0].message.value.response.case === "payload" ? observed.received[0].message.value.response.value : new Uint8Array(32);
    const solved = createChallengeSolvedRequest({ signature: await signAuthChallenge({ challenge: first, domain: relay.domain, account: keycard.account }) });
    observed.send(frame(2n, { case: "challengeSolutionRequest", value: solved }));
    await observed.waitFor(() => observed.received.length === 2);
    expect(codes(observed)).toEqual(["ok", "ok"]);

    const replayer = await RawClient.open(relay.url);
    replayer.send(frame(1n, { case: "authRequest", value: createAuthenticateRequest({ publicKey: keycard.account.publicKey }) }));
    await replayer.waitFor(() => replayer.received.length === 1);
    replayer.send(frame(2n, { case: "challengeSolutionRequest", value: solved }));
    await replayer.waitFor(() => replayer.received.length === 2);
    expect(codes(replayer)).toEqual(["ok", ErrorCodes.INVALID]);
    expect(observed.closed).toBeUndefined();
    observed.socket.close();
    replayer.socket.close();
  });
});
