// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// RelaySession without sockets: frames in, frames out, a manual clock.
import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  createAuthenticateRequest,
  createChallengeSolvedRequest,
  type Envelope,
  EnvelopeSchema,
  ErrorCodes,
  EventWriteRequestSchema,
  LIMIT_MAX_IN_REQUESTS,
  ObjectType,
  RelaySession,
  SESSION_CLOSE_CODES,
  signAuthChallenge,
  SignedEventSchema,
} from "../../src/index.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "./fixtures.js";
import { flush, frame, ManualClock, okResponse, openRelay, Recorder } from "./harness.js";

async function setup() {
  const backend = await openRelay();
  const clock = new ManualClock();
  const transport = new Recorder();
  const session = new RelaySession({ transport, backend, clock });
  return { backend, clock, transport, session };
}

async function loggedIn() {
  const s = await setup();
  const clerk = new f.Writer(TEST_RELAY_DOMAIN);
  await s.backend.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
  s.session.receive({ frame: frame(1n, { case: "authRequest", value: createAuthenticateRequest({ publicKey: clerk.account.publicKey }) }) });
  const [challengeResponse] = s.transport.take();
  const outcome = challengeResponse?.message.case === "response" ? challengeResponse.message.value.response : undefined;
  if (outcome?.case !== "payload") throw new Error("no challenge");
  const signature = await signAuthChallenge({ challenge: outcome.value, domain: TEST_RELAY_DOMAIN, account: clerk.account });
  s.session.receive({ frame: frame(2n, { case: "challengeSolutionRequest", value: createChallengeSolvedRequest({ signature }) }) });
  expect(s.transport.take()[0]?.message).toMatchObject({ case: "response", value: { response: { case: undefined } } });
  expect(s.session.loggedInAs).toBe(clerk.account.address);
  return { ...s, clerk };
}

const errorOf = (envelope: Envelope | undefined): ErrorCodes | undefined =>
  envelope?.message.case === "response" && envelope.message.value.response.case === "error" ? envelope.message.value.response.value.code : undefined;

describe("RelaySession liveness", () => {
  it("pings after 15 s without traffic and kicks after 45 s", async () => {
    const { clock, transport, session } = await setup();
    expect(session.nextDeadline()).toBe(15_000);
    clock.time = 14_999;
    session.tick();
    expect(transport.frames).toHaveLength(0);
    clock.time = 15_000;
    session.tick();
    const [ping] = transport.take();
    expect(ping?.message.case).toBe("pingRequest");
    expect(session.nextDeadline()).toBe(45_000);
    clock.time = 44_999;
    session.tick();
    expect(transport.closed).toBeUndefined();
    clock.time = 45_000;
    session.tick();
    expect(transport.closed?.code).toBe(SESSION_CLOSE_CODES.IDLE_TIMEOUT);
    expect(session.closed?.code).toBe(SESSION_CLOSE_CODES.IDLE_TIMEOUT);
  });

  it("counts the ping's answer as traffic: no kick while the client answers", async () => {
    const { clock, transport, session } = await setup();
    clock.time = 15_000;
    session.tick();
    const [ping] = transport.take();
    clock.time = 20_000;
    session.receive({ frame: okResponse(ping?.requestId?.raw ?? 0n) });
    clock.time = 50_000;
    session.tick();
    expect(transport.closed).toBeUndefined();
    expect(transport.take()[0]?.message.case).toBe("pingRequest");
    clock.time = 65_000;
    session.tick();
    expect(transport.closed?.code).toBe(SESSION_CLOSE_CODES.IDLE_TIMEOUT);
  });

  it("answers the client's ping with an empty response under the same id (not negated)", async () => {
    const { transport, session } = await setup();
    session.receive({ frame: frame(77n, { case: "pingRequest", value: {} }) });
    const [answer] = transport.take();
    expect(answer?.requestId?.raw).toBe(77n);
    expect(answer?.message).toMatchObject({ case: "response", value: { response: { case: undefined } } });
  });
});

describe("RelaySession protocol violations close the session", () => {
  const cases: [string, () => Uint8Array | string, number][] = [
    ["bytes that are no Envelope", () => new Uint8Array([0xff, 0xff, 0xff]), SESSION_CLOSE_CODES.PROTOCOL_ERROR],
    ["an envelope without request id", () => frame(0n, { case: "pingRequest", value: {} }), SESSION_CLOSE_CODES.PROTOCOL_ERROR],
    ["an envelope without message", () => toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: 5n } })), SESSION_CLOSE_CODES.PROTOCOL_ERROR],
    ["a response to no request", () => okResponse(99n), SESSION_CLOSE_CODES.PROTOCOL_ERROR],
    ["a SubscriptionPushRequest from the client", () => frame(3n, { case: "subscriptionPushRequest", value: {} }), SESSION_CLOSE_CODES.PROTOCOL_ERROR],
    ["a SyncStatusRequest from the client", () => frame(3n, { case: "syncStatusRequest", value: {} }), SESSION_CLOSE_CODES.PROTOCOL_ERROR],
    ["a challenge solution without a challenge", () => frame(3n, { case: "challengeSolutionRequest", value: { signature: { raw: new Uint8Array(65) } } }), SESSION_CLOSE_CODES.PROTOCOL_ERROR],
    ["a frame over 128 KiB", () => frame(3n, { case: "eventWriteRequest", value: { events: [{ signature: { raw: new Uint8Array(130 * 1024) } }] } }), SESSION_CLOSE_CODES.MESSAGE_TOO_BIG],
    ["a text frame", () => "hello", SESSION_CLOSE_CODES.UNSUPPORTED_DATA],
  ];
  it.each(cases)("%s", async (_name, bytes, code) => {
    const { transport, session } = await setup();
    session.receive({ frame: bytes() });
    expect(transport.closed?.code).toBe(code);
    expect(transport.frames).toHaveLength(0);
    // Closed is final: nothing more is processed or sent.
    session.receive({ frame: frame(8n, { case: "pingRequest", value: {} }) });
    expect(transport.frames).toHaveLength(0);
  });

  it("a request id reused while the first request is in flight, and the log keeps the first write", async () => {
    const { backend, transport, session, clerk } = await loggedIn();
    const write = frame(10n, { case: "eventWriteRequest", value: { events: [await clerk.sign(f.manifest())] } });
    session.receive({ frame: write });
    session.receive({ frame: write });
    expect(transport.closed?.code).toBe(SESSION_CLOSE_CODES.PROTOCOL_ERROR);
    expect(transport.closed?.reason).toContain("duplicate");
    await flush();
    expect(backend.shopLog({ shopId: f.SHOP_ID }).map((e) => e.event.union.case)).toEqual(["account", "manifest"]);
  });

  it("reuses an id once it was answered (ids are only unique while in flight)", async () => {
    const { transport, session } = await setup();
    session.receive({ frame: frame(10n, { case: "pingRequest", value: {} }) });
    session.receive({ frame: frame(10n, { case: "pingRequest", value: {} }) });
    expect(transport.closed).toBeUndefined();
    expect(transport.take().map((e) => e.requestId?.raw)).toEqual([10n, 10n]);
  });
});

describe("RelaySession limits", () => {
  it(`answers TOO_MANY_CONCURRENT_REQUESTS beyond ${LIMIT_MAX_IN_REQUESTS} requests in flight`, async () => {
    const { transport, session } = await loggedIn();
    const junk = create(EventWriteRequestSchema, { events: [create(SignedEventSchema)] });
    for (let id = 100n; id < 100n + BigInt(LIMIT_MAX_IN_REQUESTS) + 1n; id++) session.receive({ frame: frame(id, { case: "eventWriteRequest", value: junk }) });
    expect(session.inFlight).toBe(LIMIT_MAX_IN_REQUESTS);
    const [refused] = transport.take();
    expect(refused?.requestId?.raw).toBe(100n + BigInt(LIMIT_MAX_IN_REQUESTS));
    expect(errorOf(refused)).toBe(ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS);
    await flush();
    expect(transport.take().map(errorOf)).toEqual(Array(LIMIT_MAX_IN_REQUESTS).fill(ErrorCodes.INVALID));
    expect(transport.closed).toBeUndefined();
  });

  it("refuses an empty write batch with INVALID, and closes on 65 events (counted before decoding)", async () => {
    const { backend, transport, session, clerk } = await loggedIn();
    const event = await clerk.sign(f.manifest());
    session.receive({ frame: frame(3n, { case: "eventWriteRequest", value: { events: [] } }) });
    expect(transport.take().map(errorOf)).toEqual([ErrorCodes.INVALID]);
    session.receive({ frame: frame(4n, { case: "eventWriteRequest", value: { events: Array(65).fill(event) } }) });
    expect(transport.closed?.code).toBe(SESSION_CLOSE_CODES.PROTOCOL_ERROR);
    await flush();
    expect(backend.shopLog({ shopId: f.SHOP_ID })).toHaveLength(1);
  });

  it("pushes at most 64 events per SubscriptionPushRequest, after a SyncStatus with the backlog", async () => {
    const { backend, transport, session, clerk } = await loggedIn();
    const events = [await clerk.sign(f.manifest())];
    for (let n = 1; n <= 100; n++) events.push(await clerk.sign(f.tag(n)));
    for (let i = 0; i < events.length; i += 64) await backend.write({ keycard: { address: clerk.account.address, shopId: f.shopRaw, guest: false }, events: events.slice(i, i + 64) });
    session.receive({ frame: frame(5n, { case: "subscriptionRequest", value: { shopId: { raw: f.shopRaw }, filters: [{ objectType: ObjectType.TAG }] } }) });
    const [subscribed, sync, ...pushes] = transport.take();
    expect(subscribed?.message).toMatchObject({ case: "response", value: { response: { case: "payload", value: new Uint8Array([0, 1]) } } });
    expect(sync?.message).toMatchObject({ case: "syncStatusRequest", value: { unpushedEvents: 100n } });
    expect(pushes.map((p) => (p.message.case === "subscriptionPushRequest" ? p.message.value.events.length : -1))).toEqual([64, 36]);
    const seqNos = pushes.flatMap((p) => (p.message.case === "subscriptionPushRequest" ? p.message.value.events.map((e) => e.seqNo) : []));
    // Enrollment 1, manifest 2, tags 3…102.
    expect(seqNos).toEqual(Array.from({ length: 100 }, (_, i) => BigInt(i + 3)));
    expect(pushes.every((p) => p.message.case === "subscriptionPushRequest" && p.message.value.subscriptionId.length === 2)).toBe(true);
  });
});
