// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a logged-in client floods the relay: more requests in flight than
// the 1024 allowed, then frames over the 128 KiB cap. The excess is refused
// with TOO_MANY_CONCURRENT_REQUESTS, the oversized frame closes only the
// attacker's session, and an honest client keeps writing and reading.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticateRequest, createChallengeSolvedRequest, ErrorCodes, LIMIT_MAX_IN_REQUESTS, SESSION_CLOSE_CODES, signAuthChallenge } from "../../src/index.js";
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

describe("request flood", () => {
  it("refuses requests beyond the limit and keeps serving an honest client", async () => {
    const honest = new f.Writer(relay.domain);
    const hostile = new f.Writer(relay.domain);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: honest.account.publicKey });
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: hostile.account.publicKey });
    const good = await relay.connect();
    await good.login({ account: honest.account });
    await good.write({ events: [await honest.sign(f.manifest())] });

    const raw = await RawClient.open(relay.url);
    raw.send(frame(1n, { case: "authRequest", value: createAuthenticateRequest({ publicKey: hostile.account.publicKey }) }));
    await raw.waitFor(() => raw.received.length === 1);
    const first = raw.received[0]?.message;
    const challenge = first?.case === "response" && first.value.response.case === "payload" ? first.value.response.value : new Uint8Array(32);
    raw.send(frame(2n, { case: "challengeSolutionRequest", value: createChallengeSolvedRequest({ signature: await signAuthChallenge({ challenge, domain: relay.domain, account: hostile.account }) }) }));
    await raw.waitFor(() => raw.received.length === 2);

    // 1,200 writes of one (validly signed, but replayed) event, sent in one go.
    const replayed = await hostile.sign(f.tag(1));
    const total = 1_200;
    for (let id = 10n; id < 10n + BigInt(total); id++) raw.send(frame(id, { case: "eventWriteRequest", value: { events: [replayed] } }));
    const during = good.write({ events: [await honest.sign(f.tag(500))] });
    await raw.waitFor(() => raw.received.length === 2 + total, 20_000);
    const codes = raw.received.slice(2).map((e) => (e.message.case === "response" && e.message.value.response.case === "error" ? e.message.value.response.value.code : "ok"));
    // At most one copy is accepted; every other is a replay (INVALID) or over the limit.
    expect(codes.filter((c) => c === "ok").length).toBeLessThanOrEqual(1);
    expect(codes.every((c) => c === "ok" || c === ErrorCodes.INVALID || c === ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS)).toBe(true);
    expect(codes.filter((c) => c !== ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS).length).toBeGreaterThanOrEqual(Math.min(total, LIMIT_MAX_IN_REQUESTS) - 1);
    await during;

    raw.send(new Uint8Array(200 * 1024));
    expect(await raw.closedWith()).toBe(SESSION_CLOSE_CODES.MESSAGE_TOO_BIG);
    await good.write({ events: [await honest.sign(f.tag(501))] });
    const tags = relay.shopState({ shopId: f.SHOP_ID })?.tags ?? {};
    expect(Object.keys(tags).sort()).toEqual([f.hex8(1), f.hex8(500), f.hex8(501)].filter((id) => id !== f.hex8(1) || codes.includes("ok")).sort());
    good.close();
  }, 60_000);
});
