// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The wire error kinds follow the package's one error scheme: stable code,
// fixed name, short message, field path, cause, and one guard each that
// recognises its own kind only.
import { describe, expect, it } from "vitest";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import {
  BatchLimitError,
  DecodeError,
  EventRejectedError,
  isBatchLimitError,
  isDecodeError,
  isEventRejectedError,
  isNetworkSchemaError,
  isPublicKeyError,
  isRelayError,
  isSizeLimitError,
  isTypeUrlError,
  isUnexpectedResponseError,
  PublicKeyError,
  RelayError,
  SizeLimitError,
  TypeUrlError,
  UnexpectedResponseError,
} from "../../src/index.js";

const cause = new RangeError("premature EOF");
const kinds = [
  { error: new DecodeError({ typeName: "market.mass.Envelope", path: "bytes", cause }), guard: isDecodeError, name: "DecodeError", code: "DECODE_FAILED", path: "bytes" },
  { error: new SizeLimitError({ path: "bytes", size: 10, limit: 9 }), guard: isSizeLimitError, name: "SizeLimitError", code: "TOO_LARGE", path: "bytes" },
  { error: new TypeUrlError({ path: "signedEvent.event.type_url", expected: "a", actual: "b" }), guard: isTypeUrlError, name: "TypeUrlError", code: "WRONG_TYPE_URL", path: "signedEvent.event.type_url" },
  { error: new BatchLimitError({ path: "events", count: 65, limit: 64 }), guard: isBatchLimitError, name: "BatchLimitError", code: "BATCH_TOO_LARGE", path: "events" },
  { error: new RelayError({ errorCode: ErrorCodes.NOT_FOUND, relayMessage: "no shop", rule: "LISTING_NOT_FOUND", path: "event_write_request.events[0].event.update_listing.id" }), guard: isRelayError, name: "RelayError", code: "RELAY_ERROR", path: "event_write_request.events[0].event.update_listing.id" },
  {
    error: new UnexpectedResponseError({ problem: "NOT_A_RESPONSE", expected: "expected a GenericResponse", path: "response.message" }),
    guard: isUnexpectedResponseError,
    name: "UnexpectedResponseError",
    code: "UNEXPECTED_RESPONSE",
    path: "response.message",
  },
  { error: new PublicKeyError({ path: "keycards[0]", expected: "expected a point", cause }), guard: isPublicKeyError, name: "PublicKeyError", code: "INVALID_PUBLIC_KEY", path: "keycards[0]" },
  {
    // One failure: the error's path is the failure's field.
    error: new EventRejectedError({ failures: [{ code: "SHOP_MISMATCH", message: "other shop", path: "event.shop_id" }] }),
    guard: isEventRejectedError,
    name: "EventRejectedError",
    code: "EVENT_REJECTED",
    path: "event.shop_id",
  },
] as const;

describe.each(kinds)("$name", ({ error, guard, name, code, path }) => {
  it("has its fixed name, stable code, path, and a message starting with the path", () => {
    expect(error).toBeInstanceOf(Error);
    expect(isNetworkSchemaError(error)).toBe(true);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.shortMessage.length).toBeGreaterThan(0);
    expect(error.message).toBe(`${path}: ${error.shortMessage}`);
  });

  it("is recognised by its own guard only", () => {
    for (const other of kinds) expect(other.guard(error)).toBe(other.name === name);
    expect(guard(new Error(name))).toBe(false);
    expect(guard(Object.assign(new Error("x"), { name }))).toBe(false);
    expect(guard(null)).toBe(false);
  });
});

describe("details", () => {
  it("DecodeError keeps the decoder's error as cause and names the type", () => {
    const error = kinds[0].error;
    expect(error.cause).toBe(cause);
    expect(error.typeName).toBe("market.mass.Envelope");
    expect(error.shortMessage).toContain("premature EOF");
  });

  it("RelayError carries the wire ErrorCodes value, its name and the peer's text", () => {
    expect(kinds[4].error).toMatchObject({ errorCode: 1, errorName: "NOT_FOUND", relayMessage: "no shop" });
    expect(kinds[4].error.message).toBe("event_write_request.events[0].event.update_listing.id: NOT_FOUND LISTING_NOT_FOUND: no shop");
  });

  it("RelayError without the peer's rule, path or hint (a relay before Error fields 3–5) is its code and text alone", () => {
    const older = new RelayError({ errorCode: ErrorCodes.INVALID, relayMessage: "event_write_request.events[0]: bad nonce" });
    expect(older).toMatchObject({ rule: undefined, path: undefined, hint: undefined });
    expect(older.message).toBe("INVALID: event_write_request.events[0]: bad nonce");
  });
});
