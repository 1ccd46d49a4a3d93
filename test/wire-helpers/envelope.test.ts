// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Envelope frames, request ids, response matching and the request builders.
import { create, toBinary } from "@bufbuild/protobuf";
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { ObjectType } from "../../gen/market/mass/subscription_pb.js";
import { EventWriteRequestSchema, PingRequestSchema } from "../../gen/market/mass/transport_pb.js";
import {
  assertBatchSize,
  createAuthenticateRequest,
  createChallengeSolvedRequest,
  createEventWriteRequest,
  createRequestEnvelope,
  createRequestId,
  createResponseEnvelope,
  createSignedEvent,
  createSubscriptionPushRequest,
  createSubscriptionRequest,
  decodeEnvelope,
  DEFAULT_MAX_ENVELOPE_BYTES,
  encodeEnvelope,
  isBatchLimitError,
  isRelayError,
  isSizeLimitError,
  isUnexpectedResponseError,
  LIMIT_MAX_IN_BATCH_SIZE,
  LIMIT_MAX_IN_REQUESTS,
  LIMIT_MAX_OUT_BATCH_SIZE,
  LIMIT_MAX_OUT_REQUESTS,
  matchResponse,
  openSignedEvent,
  signAuthChallenge,
  signEvent,
} from "../../src/index.js";
import { domain, highS, keycard, SHOP_ID, tagEvent } from "./fixtures.js";
import { thrown } from "../support/thrown.js";

const signedEvents = await Promise.all(
  Array.from({ length: 65 }, async (_, i) => {
    const event = tagEvent(BigInt(i + 1));
    return createSignedEvent({ event, signature: await signEvent({ event, domain, account: keycard }) });
  }),
);

describe("protocol limits", () => {
  it("are the values of the v3 network", () => {
    expect({ LIMIT_MAX_IN_REQUESTS, LIMIT_MAX_IN_BATCH_SIZE, LIMIT_MAX_OUT_REQUESTS, LIMIT_MAX_OUT_BATCH_SIZE }).toEqual({
      LIMIT_MAX_IN_REQUESTS: 1024,
      LIMIT_MAX_IN_BATCH_SIZE: 64,
      LIMIT_MAX_OUT_REQUESTS: 1024,
      LIMIT_MAX_OUT_BATCH_SIZE: 64,
    });
  });
});

describe("request ids", () => {
  it("are fresh, non-zero sint64 values", () => {
    const ids = Array.from({ length: 1000 }, () => createRequestId().raw);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(id).not.toBe(0n);
      expect(BigInt.asIntN(64, id)).toBe(id);
    }
    // Both signs occur: all 64 bits are random.
    expect(ids.some((id) => id < 0n) && ids.some((id) => id > 0n)).toBe(true);
  });
});

describe("Envelope encode/decode", () => {
  it("round-trips a request envelope byte for byte, events intact", () => {
    const envelope = createRequestEnvelope({ request: { case: "eventWriteRequest", value: createEventWriteRequest({ events: signedEvents.slice(0, 3) }) } });
    const bytes = encodeEnvelope({ envelope });
    expect(bytes).toEqual(toBinary(EnvelopeSchema, envelope));
    const decoded = decodeEnvelope({ bytes });
    expect(decoded.requestId?.raw).toBe(envelope.requestId?.raw);
    expect(encodeEnvelope({ envelope: decoded })).toEqual(bytes);
    if (decoded.message.case !== "eventWriteRequest") throw new Error("wrong case");
    expect(decoded.message.value.events.map((e) => openSignedEvent({ signedEvent: e, domain }).event.nonce)).toEqual([1n, 2n, 3n]);
  });

  it("keeps a given request id", () => {
    const envelope = createRequestEnvelope({ request: { case: "pingRequest", value: create(PingRequestSchema) }, requestId: -42n });
    expect(decodeEnvelope({ bytes: encodeEnvelope({ envelope }) }).requestId?.raw).toBe(-42n);
  });

  it("refuses a request value of the wrong type or the response case", () => {
    expect(thrown(() => createRequestEnvelope({ request: { case: "pingRequest", value: create(EventWriteRequestSchema) as never } }))).toMatchObject({
      path: "request.value",
    });
    expect(thrown(() => createRequestEnvelope({ request: { case: "response", value: {} } as never }))).toMatchObject({ path: "request.case" });
  });

  it("refuses to encode an envelope without request id or message", () => {
    expect(thrown(() => encodeEnvelope({ envelope: create(EnvelopeSchema, { message: { case: "pingRequest", value: {} } }) }))).toMatchObject({
      code: "MISSING_FIELD",
      path: "envelope.request_id",
    });
    expect(thrown(() => encodeEnvelope({ envelope: create(EnvelopeSchema, { requestId: createRequestId() }) }))).toMatchObject({
      code: "MISSING_FIELD",
      path: "envelope.message",
    });
  });

  it("refuses to encode event batches over the limits", () => {
    const write = create(EventWriteRequestSchema, { events: signedEvents });
    const envelope = create(EnvelopeSchema, { requestId: createRequestId(), message: { case: "eventWriteRequest", value: write } });
    expect(isBatchLimitError(thrown(() => encodeEnvelope({ envelope })))).toBe(true);
  });

  it("size cap: refuses a frame over maxBytes before decoding (default 128 KiB, the v3 relay's)", () => {
    const envelope = createRequestEnvelope({ request: { case: "eventWriteRequest", value: createEventWriteRequest({ events: signedEvents.slice(0, 1) }) } });
    const bytes = encodeEnvelope({ envelope });
    expect(decodeEnvelope({ bytes, maxBytes: bytes.length }).requestId?.raw).toBe(envelope.requestId?.raw);
    const error = thrown(() => decodeEnvelope({ bytes, maxBytes: bytes.length - 1 }));
    expect(isSizeLimitError(error)).toBe(true);
    expect(error).toMatchObject({ path: "bytes", size: bytes.length, limit: bytes.length - 1 });
    expect(DEFAULT_MAX_ENVELOPE_BYTES).toBe(128 * 1024);
    expect(thrown(() => decodeEnvelope({ bytes: new Uint8Array(DEFAULT_MAX_ENVELOPE_BYTES + 1) }))).toMatchObject({ code: "TOO_LARGE" });
  });

  it("turns decoder failures into DecodeError", () => {
    expect(thrown(() => decodeEnvelope({ bytes: new Uint8Array([0x1a, 0x05, 0x0a]) }))).toMatchObject({ code: "DECODE_FAILED", typeName: "market.mass.Envelope" });
    expect(thrown(() => decodeEnvelope({ bytes: "0x00" as never }))).toMatchObject({ code: "WRONG_TYPE", path: "bytes" });
  });
});

describe("matchResponse", () => {
  const request = createRequestEnvelope({ request: { case: "pingRequest", value: create(PingRequestSchema) } });

  it("returns the payload of the matching response (from envelope, RequestId or raw id)", () => {
    const response = decodeEnvelope({ bytes: encodeEnvelope({ envelope: createResponseEnvelope({ requestId: request, payload: new Uint8Array([1, 2, 3]) }) }) });
    for (const req of [request, request.requestId!, request.requestId!.raw]) expect(matchResponse({ request: req, response })).toEqual(new Uint8Array([1, 2, 3]));
    expect(matchResponse({ request, response: createResponseEnvelope({ requestId: request }) })).toBeUndefined();
    expect(matchResponse({ request, response: createResponseEnvelope({ requestId: request, payload: new Uint8Array() }) })).toEqual(new Uint8Array());
  });

  it("maps an Error to a RelayError with the ErrorCodes value and name", () => {
    for (const [code, name] of [
      [ErrorCodes.INVALID, "INVALID"],
      [ErrorCodes.OUT_OF_STOCK, "OUT_OF_STOCK"],
      [ErrorCodes.MINUMUM_VERSION_NOT_REACHED, "MINUMUM_VERSION_NOT_REACHED"],
    ] as const) {
      const response = decodeEnvelope({ bytes: encodeEnvelope({ envelope: createResponseEnvelope({ requestId: request, error: { code, message: "nonce too low" } }) }) });
      const error = thrown(() => matchResponse({ request, response }));
      expect(isRelayError(error)).toBe(true);
      expect(error).toMatchObject({ code: "RELAY_ERROR", errorCode: code, errorName: name, relayMessage: "nonce too low" });
    }
  });

  it("names a code this schema does not know", () => {
    const response = createResponseEnvelope({ requestId: request, error: { code: ErrorCodes.INVALID } });
    if (response.message.case === "response" && response.message.value.response.case === "error") response.message.value.response.value.code = 77 as ErrorCodes;
    const decoded = decodeEnvelope({ bytes: encodeEnvelope({ envelope: response }) });
    expect(thrown(() => matchResponse({ request, response: decoded }))).toMatchObject({ errorCode: 77, errorName: "UNKNOWN_77" });
  });

  it("refuses a response to another request, a request, or one without id", () => {
    const other = createResponseEnvelope({ requestId: request.requestId!.raw + 1n });
    expect(thrown(() => matchResponse({ request, response: other }))).toMatchObject({ code: "UNEXPECTED_RESPONSE", problem: "REQUEST_ID_MISMATCH" });
    const notResponse = thrown(() => matchResponse({ request, response: request }));
    expect(isUnexpectedResponseError(notResponse)).toBe(true);
    expect(notResponse).toMatchObject({ problem: "NOT_A_RESPONSE" });
    const noId = create(EnvelopeSchema, { message: createResponseEnvelope({ requestId: 1n }).message });
    expect(thrown(() => matchResponse({ request, response: noId }))).toMatchObject({ problem: "MISSING_REQUEST_ID" });
  });

  it("createResponseEnvelope refuses payload and error together, UNSPECIFIED, or a request without id", () => {
    expect(thrown(() => createResponseEnvelope({ requestId: request, payload: new Uint8Array(1), error: { code: ErrorCodes.INVALID } }))).toMatchObject({ path: "error" });
    expect(thrown(() => createResponseEnvelope({ requestId: request, error: { code: ErrorCodes.UNSPECIFIED } }))).toMatchObject({ path: "error.code" });
    expect(thrown(() => createResponseEnvelope({ requestId: create(EnvelopeSchema) }))).toMatchObject({ code: "MISSING_FIELD", path: "requestId.request_id" });
  });
});

describe("request builders", () => {
  it("EventWriteRequest: 64 events accepted, 65 and 0 refused", () => {
    expect(createEventWriteRequest({ events: signedEvents.slice(0, 64) }).events).toHaveLength(64);
    const tooMany = thrown(() => createEventWriteRequest({ events: signedEvents }));
    expect(isBatchLimitError(tooMany)).toBe(true);
    expect(tooMany).toMatchObject({ code: "BATCH_TOO_LARGE", count: 65, limit: 64, path: "events" });
    expect(thrown(() => createEventWriteRequest({ events: [] }))).toMatchObject({ count: 0 });
    expect(thrown(() => createEventWriteRequest({ events: [tagEvent() as never] }))).toMatchObject({ path: "events[0]" });
  });

  it("assertBatchSize checks received batches (relay side)", () => {
    expect(assertBatchSize({ items: signedEvents.slice(0, 64) })).toBeUndefined();
    expect(thrown(() => assertBatchSize({ items: signedEvents }))).toMatchObject({ code: "BATCH_TOO_LARGE" });
  });

  it("SubscriptionPushRequest: 64 accepted, 65 refused, seq numbers must increase", () => {
    const items = signedEvents.map((signedEvent, i) => ({ signedEvent, seqNo: BigInt(i) }));
    expect(createSubscriptionPushRequest({ subscriptionId: new Uint8Array([1]), events: items.slice(0, 64) }).events).toHaveLength(64);
    expect(thrown(() => createSubscriptionPushRequest({ subscriptionId: new Uint8Array([1]), events: items }))).toMatchObject({ limit: LIMIT_MAX_OUT_BATCH_SIZE });
    expect(thrown(() => createSubscriptionPushRequest({ subscriptionId: new Uint8Array([1]), events: [items[1]!, items[0]!] }))).toMatchObject({ path: "events[1].seqNo" });
  });

  it("SubscriptionRequest: shop id as uint256, filters checked", () => {
    const request = createSubscriptionRequest({ shopId: SHOP_ID, startShopSeqNo: 10n, filters: [{ objectType: ObjectType.LISTING, objectId: "0x0000000000000007" }] });
    expect(request.shopId?.raw).toHaveLength(32);
    expect(request.shopId?.raw[31]).toBe(23);
    expect(request.filters[0]?.objectId?.raw).toEqual(hexToBytes("0x0000000000000007"));
    expect(thrown(() => createSubscriptionRequest({ shopId: SHOP_ID, filters: [{ objectType: ObjectType.UNSPECIFIED }] }))).toMatchObject({ path: "filters[0].objectType" });
    expect(thrown(() => createSubscriptionRequest({ shopId: SHOP_ID, filters: [{ objectType: ObjectType.TAG, objectId: "0x01" }] }))).toMatchObject({ path: "filters[0].objectId" });
    expect(thrown(() => createSubscriptionRequest({ shopId: -1n, filters: [{ objectType: ObjectType.TAG }] }))).toMatchObject({ path: "shopId" });
    expect(thrown(() => createSubscriptionRequest({ shopId: SHOP_ID, filters: [] }))).toMatchObject({ path: "filters" });
  });

  it("AuthenticateRequest: any public key form becomes the 64-byte x ‖ y key", () => {
    const expected = hexToBytes(keycard.publicKey).slice(1);
    expect(createAuthenticateRequest({ publicKey: keycard.publicKey }).publicKey?.raw).toEqual(expected);
    expect(createAuthenticateRequest({ publicKey: expected }).publicKey?.raw).toEqual(expected);
    expect(thrown(() => createAuthenticateRequest({ publicKey: new Uint8Array(64) }))).toMatchObject({ code: "INVALID_PUBLIC_KEY", path: "publicKey" });
  });

  it("ChallengeSolvedRequest: strict signature", async () => {
    const signature = hexToBytes(await signAuthChallenge({ challenge: new Uint8Array([9, 9]), domain, account: keycard }));
    expect(createChallengeSolvedRequest({ signature }).signature?.raw).toEqual(signature);
    expect(thrown(() => createChallengeSolvedRequest({ signature: highS(signature) }))).toMatchObject({ problem: "HIGH_S" });
  });
});

describe("matchResponse hands out a copy of the payload", () => {
  const request = createRequestEnvelope({ request: { case: "pingRequest", value: create(PingRequestSchema) } });

  it("writing to the returned payload leaves the response untouched, and the other way round", () => {
    const response = createResponseEnvelope({ requestId: request, payload: new Uint8Array([1, 2, 3]) });
    const payload = matchResponse({ request, response }) as Uint8Array;
    payload[0] = 99;
    expect(matchResponse({ request, response })).toEqual(new Uint8Array([1, 2, 3]));
    const again = matchResponse({ request, response }) as Uint8Array;
    const outcome = response.message.value as { response: { value: Uint8Array } };
    outcome.response.value[1] = 77;
    expect(again).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe("decodeEnvelope with what a WebSocket hands over", () => {
  const frame = encodeEnvelope({ envelope: createRequestEnvelope({ request: { case: "pingRequest", value: create(PingRequestSchema) } }) });

  it("refuses the 0 bytes new Uint8Array(blob) gives (binaryType left at \"blob\"), saying what to do", () => {
    const fromBlob = new Uint8Array(new Blob([new Uint8Array(frame)]) as unknown as ArrayBuffer);
    expect(fromBlob).toHaveLength(0);
    expect(thrown(() => decodeEnvelope({ bytes: fromBlob }))).toMatchObject({ code: "WRONG_LENGTH", path: "bytes", message: expect.stringContaining('binaryType = "arraybuffer"') });
  });

  it("refuses a Blob or an ArrayBuffer passed as bytes with a typed error naming the fix", () => {
    expect(thrown(() => decodeEnvelope({ bytes: new Blob([new Uint8Array(frame)]) as unknown as Uint8Array }))).toMatchObject({ code: "WRONG_TYPE", message: expect.stringContaining('binaryType = "arraybuffer"') });
    expect(thrown(() => decodeEnvelope({ bytes: frame.buffer as unknown as Uint8Array }))).toMatchObject({ code: "WRONG_TYPE", message: expect.stringContaining("new Uint8Array(buffer)") });
  });

  it("decodes the ArrayBuffer a socket with binaryType \"arraybuffer\" delivers, once wrapped", () => {
    const data: ArrayBuffer = frame.slice().buffer;
    expect(decodeEnvelope({ bytes: new Uint8Array(data) }).message.case).toBe("pingRequest");
  });
});
