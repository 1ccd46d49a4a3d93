// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// ClientSession without sockets: a scripted relay on the other side of a
// recording transport, and a manual clock.
import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  ClientSession,
  EnvelopeSchema,
  ErrorCodes,
  isRelayError,
  isSessionError,
  LIMIT_MAX_IN_REQUESTS,
  SESSION_CLOSE_CODES,
  type SessionProblem,
} from "../../src/index.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "./fixtures.js";
import { flush, frame, ManualClock, okResponse, Recorder } from "./harness.js";

function setup() {
  const clock = new ManualClock();
  const transport = new Recorder();
  const session = new ClientSession({ transport, domain: TEST_RELAY_DOMAIN, clock });
  return { clock, transport, session };
}

const problem = (error: unknown): SessionProblem | undefined => (isSessionError(error) ? error.problem : undefined);

describe("ClientSession requests", () => {
  it("numbers requests from 1 and matches the response with the same id", async () => {
    const { transport, session } = setup();
    const first = session.ping();
    const second = session.ping();
    expect(transport.take().map((e) => e.requestId?.raw)).toEqual([1n, 2n]);
    session.receive({ frame: okResponse(2n) });
    session.receive({ frame: okResponse(1n) });
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
  });

  it("turns an Error response into a RelayError carrying its ErrorCodes", async () => {
    const { transport, session } = setup();
    const refused = session.ping().catch((e: unknown) => e);
    transport.take();
    session.receive({ frame: frame(1n, { case: "response", value: { response: { case: "error", value: { code: ErrorCodes.OUT_OF_STOCK, message: "gone" } } } }) });
    const error = await refused;
    expect(isRelayError(error) && error.errorCode).toBe(ErrorCodes.OUT_OF_STOCK);
  });

  it("fails a request after the timeout, and drops its late answer instead of closing", async () => {
    const { clock, transport, session } = setup();
    const late = session.ping().catch((e: unknown) => e);
    clock.time = 30_000;
    session.tick();
    expect(problem(await late)).toBe("TIMEOUT");
    session.receive({ frame: okResponse(1n) });
    expect(transport.closed).toBeUndefined();
  });

  it(`keeps at most ${LIMIT_MAX_IN_REQUESTS} requests in flight and queues the rest`, async () => {
    const { transport, session } = setup();
    const all = Array.from({ length: LIMIT_MAX_IN_REQUESTS + 10 }, () => session.ping());
    expect(transport.take()).toHaveLength(LIMIT_MAX_IN_REQUESTS);
    session.receive({ frame: okResponse(1n) });
    expect(transport.take().map((e) => e.requestId?.raw)).toEqual([BigInt(LIMIT_MAX_IN_REQUESTS + 1)]);
    session.close();
    const outcomes = await Promise.allSettled(all);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").every((o) => problem((o as PromiseRejectedResult).reason) === "CLOSED")).toBe(true);
  });

  it("fails pending requests with CLOSED when the transport closes", async () => {
    const { session } = setup();
    const pending = session.ping().catch((e: unknown) => e);
    session.transportClosed({ code: 1006, reason: "" });
    expect(problem(await pending)).toBe("CLOSED");
    expect(problem(await session.ping().catch((e: unknown) => e))).toBe("CLOSED");
  });

  it("refuses to write before login and to open a second subscription", async () => {
    const { transport, session } = setup();
    const writer = new f.Writer(TEST_RELAY_DOMAIN);
    expect(problem(await session.write({ events: [await writer.sign(f.manifest())] }).catch((e: unknown) => e))).toBe("NOT_LOGGED_IN");
    const first = session.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: 2 }] });
    expect(problem(await session.subscribe({ shopId: f.SHOP_ID }).catch((e: unknown) => e))).toBe("ALREADY_SUBSCRIBED");
    session.receive({ frame: okResponse(transport.take()[0]?.requestId?.raw ?? 0n, new Uint8Array([0, 1])) });
    await expect(first).resolves.toEqual(new Uint8Array([0, 1]));
  });
});

describe("ClientSession liveness", () => {
  it("pings after 15 s of silence and closes after 45 s", () => {
    const { clock, transport, session } = setup();
    clock.time = 15_000;
    session.tick();
    expect(transport.take().map((e) => e.message.case)).toEqual(["pingRequest"]);
    clock.time = 45_000;
    session.tick();
    expect(transport.closed?.code).toBe(SESSION_CLOSE_CODES.IDLE_TIMEOUT);
  });

  it("answers the relay's ping and SyncStatus with empty responses", async () => {
    const { transport, session } = setup();
    session.receive({ frame: frame(9n, { case: "pingRequest", value: {} }) });
    session.receive({ frame: frame(10n, { case: "syncStatusRequest", value: { unpushedEvents: 0n } }) });
    expect(transport.take().map((e) => [e.requestId?.raw, e.message.case])).toEqual([
      [9n, "response"],
      [10n, "response"],
    ]);
    expect(session.unpushedEvents).toBe(0n);
    // No subscription: nothing can be synced, so synced() says so instead of resolving.
    expect(problem(await session.synced().catch((e: unknown) => e))).toBe("NOT_SUBSCRIBED");
  });
});

describe("ClientSession push handling", () => {
  async function subscribed() {
    const s = setup();
    const done = s.session.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: 2 }] });
    s.session.receive({ frame: okResponse(1n, new Uint8Array([0, 1])) });
    await done;
    s.transport.take();
    return s;
  }

  it("acknowledges a push by echoing its id, and reports the events", async () => {
    const { transport, session } = await subscribed();
    const writer = new f.Writer(TEST_RELAY_DOMAIN);
    const seen: bigint[] = [];
    session.on((e) => e.type === "events" && seen.push(...e.events.map((x) => x.seqNo)));
    session.receive({ frame: frame(40n, { case: "subscriptionPushRequest", value: { subscriptionId: new Uint8Array([0, 1]), events: [{ event: await writer.sign(f.tag(1)), seqNo: 3n }] } }) });
    expect(transport.take().map((e) => [e.requestId?.raw, e.message.case])).toEqual([[40n, "response"]]);
    expect(seen).toEqual([3n]);
    expect(session.lastSeqNo).toBe(3n);
  });

  it("accepts an empty subscription_id (v3 relays leave it empty)", async () => {
    const { transport, session } = await subscribed();
    const writer = new f.Writer(TEST_RELAY_DOMAIN);
    session.receive({ frame: frame(40n, { case: "subscriptionPushRequest", value: { events: [{ event: await writer.sign(f.tag(1)), seqNo: 1n }] } }) });
    expect(transport.closed).toBeUndefined();
  });

  const violations: [string, (w: f.Writer) => Promise<Uint8Array>][] = [
    ["a push for another subscription id", async (w) => frame(40n, { case: "subscriptionPushRequest", value: { subscriptionId: new Uint8Array([0, 2]), events: [{ event: await w.sign(f.tag(1)), seqNo: 1n }] } })],
    ["a push with no events", async () => frame(40n, { case: "subscriptionPushRequest", value: { subscriptionId: new Uint8Array([0, 1]) } })],
    ["a push with 65 events", async (w) => { const event = await w.sign(f.tag(1)); return frame(40n, { case: "subscriptionPushRequest", value: { events: Array.from({ length: 65 }, (_, i) => ({ event, seqNo: BigInt(i + 1) })) } }); }],
    ["seq_no going backwards", async (w) => frame(40n, { case: "subscriptionPushRequest", value: { events: [{ event: await w.sign(f.tag(1)), seqNo: 5n }, { event: await w.sign(f.tag(2)), seqNo: 4n }] } })],
    ["an EventWriteRequest from the relay", async (w) => frame(40n, { case: "eventWriteRequest", value: { events: [await w.sign(f.tag(1))] } })],
  ];
  it.each(violations)("closes with PROTOCOL_ERROR on %s", async (_name, build) => {
    const { transport, session } = await subscribed();
    session.receive({ frame: await build(new f.Writer(TEST_RELAY_DOMAIN)) });
    expect(transport.closed?.code).toBe(SESSION_CLOSE_CODES.PROTOCOL_ERROR);
    expect(session.lastSeqNo).toBe(0n);
  });

  it("closes on a push without a subscription", async () => {
    const { transport, session } = setup();
    const writer = new f.Writer(TEST_RELAY_DOMAIN);
    session.receive({ frame: frame(40n, { case: "subscriptionPushRequest", value: { events: [{ event: await writer.sign(f.tag(1)), seqNo: 1n }] } }) });
    expect(transport.closed?.code).toBe(SESSION_CLOSE_CODES.PROTOCOL_ERROR);
  });

  it("acknowledges and drops pushes that arrive while a cancel is on its way", async () => {
    const { transport, session } = await subscribed();
    const cancel = session.cancelSubscription();
    const [cancelRequest] = transport.take();
    const writer = new f.Writer(TEST_RELAY_DOMAIN);
    session.receive({ frame: frame(41n, { case: "subscriptionPushRequest", value: { events: [{ event: await writer.sign(f.tag(1)), seqNo: 1n }] } }) });
    expect(transport.take().map((e) => e.requestId?.raw)).toEqual([41n]);
    expect(session.lastSeqNo).toBe(0n);
    session.receive({ frame: okResponse(cancelRequest?.requestId?.raw ?? 0n) });
    await cancel;
    await flush();
    expect(transport.closed).toBeUndefined();
  });

  it("closes on a frame over the 128 KiB cap", () => {
    const { transport, session } = setup();
    session.receive({ frame: toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: 1n }, message: { case: "pingRequest", value: {} } })) });
    session.receive({ frame: new Uint8Array(128 * 1024 + 1) });
    expect(transport.closed?.code).toBe(SESSION_CLOSE_CODES.MESSAGE_TOO_BIG);
  });
});
