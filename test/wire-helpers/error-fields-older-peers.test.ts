// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// How a peer built from the schema before Error's fields 3–5 (rule, path,
// hint) reads a structured refusal (docs/errors.md, "Structured refusals"):
// protobufjs with the old two-field Error skips them and sees code and
// message unchanged; and our matchResponse reads an old relay's reply (no
// fields 3–5) with rule, path and hint undefined.
import { create, toBinary } from "@bufbuild/protobuf";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { createResponseEnvelope, encodeEnvelope, ErrorCodes, ErrorSchema, isRelayError, matchResponse } from "../../src/index.js";

const older = protobuf.parse(`syntax = "proto3"; package market.mass; message Error { int32 code = 1; string message = 2; }`).root.lookupType("market.mass.Error");

describe("Error fields 3–5 and older peers", () => {
  it("an older decoder sees code and message exactly, and nothing of rule, path or hint", () => {
    const bytes = toBinary(ErrorSchema, create(ErrorSchema, { code: ErrorCodes.INVALID, message: "event_write_request.events[0].event.nonce: NONCE_NOT_INCREASING: nonce 1 is not greater than 1", rule: "NONCE_NOT_INCREASING", path: "event_write_request.events[0].event.nonce", hint: "sign with the next nonce" }));
    const seen = older.toObject(older.decode(bytes)) as Record<string, unknown>;
    expect(seen).toEqual({ code: ErrorCodes.INVALID, message: "event_write_request.events[0].event.nonce: NONCE_NOT_INCREASING: nonce 1 is not greater than 1" });
  });

  it("a reply from an older relay (code and message only) gives a RelayError without rule, path or hint", () => {
    const reply = createResponseEnvelope({ requestId: 7n, error: { code: ErrorCodes.NOT_FOUND, message: "unknown shop" } });
    expect(encodeEnvelope({ envelope: reply }).length).toBeGreaterThan(0);
    let caught: unknown;
    try {
      matchResponse({ request: 7n, response: reply });
    } catch (error) {
      caught = error;
    }
    expect(isRelayError(caught) && { rule: caught.rule, path: caught.path, hint: caught.hint, message: caught.message }).toEqual({ rule: undefined, path: undefined, hint: undefined, message: "NOT_FOUND: unknown shop" });
  });

  it("createResponseEnvelope refuses a rule, path or hint that is not a string, naming it", () => {
    expect(() => createResponseEnvelope({ requestId: 7n, error: { code: ErrorCodes.INVALID, rule: 5 as unknown as string } })).toThrow(/error\.rule/);
  });
});
