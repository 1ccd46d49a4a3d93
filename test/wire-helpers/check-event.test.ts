// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// checkEvent: each relay-policy failure by its code, several reported
// together, keycard sets from addresses and public keys in every form.
import { create } from "@bufbuild/protobuf";
import { TimestampSchema, timestampFromDate } from "@bufbuild/protobuf/wkt";
import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex, hexToBytes, numberToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { Uint256Schema } from "../../gen/market/mass/base_types_pb.js";
import {
  assertEventAccepted,
  type CheckEventParameters,
  checkEvent,
  createKeycardSet,
  createNonceTracker,
  isEventRejectedError,
  isKeycardSet,
  isPublicKeyError,
  keycardAddress,
} from "../../src/index.js";
import { accountEvent, keycard, NOW, otherKeycard, SHOP_ID, tagEvent, uint256, WINDOW } from "./fixtures.js";

const base: CheckEventParameters = {
  event: tagEvent(5n),
  signer: keycard.address,
  shopId: SHOP_ID,
  keycards: [keycard.address],
  nonces: createNonceTracker({ lastNonces: { [keycard.address]: 4n } }),
  timestampWindow: WINDOW,
};
const last = (nonce: bigint) => createNonceTracker({ lastNonces: { [keycard.address]: nonce } });
const codes = (parameters: Partial<CheckEventParameters>) => checkEvent({ ...base, ...parameters }).failures.map((f) => f.code);

describe("checkEvent", () => {
  it("passes a good event, returning the tracker advanced past it", () => {
    expect(checkEvent(base)).toEqual({ accepted: true, failures: [], nonces: last(5n) });
  });

  it("SHOP_MISMATCH: another shop, or no shop id", () => {
    expect(codes({ event: tagEvent(5n, { shopId: uint256(24n) }) })).toEqual(["SHOP_MISMATCH"]);
    expect(codes({ shopId: 22n })).toEqual(["SHOP_MISMATCH"]);
    expect(codes({ event: tagEvent(5n, { shopId: undefined }) })).toEqual(["SHOP_MISMATCH"]);
    // A 31-byte shop id is not shop 23 even though it has the same numeric value.
    expect(codes({ event: tagEvent(5n, { shopId: create(Uint256Schema, { raw: numberToBytes(SHOP_ID, { size: 31 }) }) }) })).toEqual(["SHOP_MISMATCH"]);
  });

  it("accepts the expected shop as bigint, 32 bytes or hex", () => {
    const raw = numberToBytes(SHOP_ID, { size: 32 });
    for (const shopId of [SHOP_ID, raw, bytesToHex(raw)]) expect(codes({ shopId })).toEqual([]);
    expect(() => codes({ shopId: raw.subarray(1) })).toThrow(expect.objectContaining({ code: "WRONG_LENGTH", path: "shopId" }));
  });

  it("UNKNOWN_KEYCARD: signer not in the set", () => {
    expect(codes({ signer: otherKeycard.address })).toEqual(["UNKNOWN_KEYCARD"]);
    expect(codes({ keycards: [] })).toEqual(["UNKNOWN_KEYCARD"]);
  });

  it("NONCE_NOT_INCREASING: equal or smaller nonce; any nonce when nothing was seen yet", () => {
    expect(codes({ nonces: last(5n) })).toEqual(["NONCE_NOT_INCREASING"]);
    expect(codes({ nonces: last(6n) })).toEqual(["NONCE_NOT_INCREASING"]);
    expect(codes({ nonces: createNonceTracker({}), event: tagEvent(0n) })).toEqual([]);
  });

  it("TIMESTAMP_MISSING / TIMESTAMP_INVALID / TIMESTAMP_OUT_OF_WINDOW, window bounds inclusive", () => {
    expect(codes({ event: tagEvent(5n, { timestamp: undefined }) })).toEqual(["TIMESTAMP_MISSING"]);
    const at = (date: Date, extraNanos = 0) => {
      const t = timestampFromDate(date);
      return tagEvent(5n, { timestamp: create(TimestampSchema, { seconds: t.seconds, nanos: t.nanos + extraNanos }) });
    };
    expect(codes({ event: at(WINDOW.notBefore) })).toEqual([]);
    expect(codes({ event: at(WINDOW.notAfter) })).toEqual([]);
    expect(codes({ event: at(WINDOW.notAfter, 1) })).toEqual(["TIMESTAMP_OUT_OF_WINDOW"]);
    expect(codes({ event: at(new Date(WINDOW.notBefore.getTime() - 1)) })).toEqual(["TIMESTAMP_OUT_OF_WINDOW"]);
    // The v3 vectors carry an empty Timestamp (1970-01-01): set, but far outside any sane window.
    expect(codes({ event: tagEvent(5n, { timestamp: create(TimestampSchema) }) })).toEqual(["TIMESTAMP_OUT_OF_WINDOW"]);
    expect(codes({ event: tagEvent(5n, { timestamp: create(TimestampSchema, { seconds: 1n, nanos: 1_000_000_000 }) }) })).toEqual(["TIMESTAMP_INVALID"]);
    expect(codes({ event: tagEvent(5n, { timestamp: create(TimestampSchema, { seconds: 1n, nanos: -1 }) }) })).toEqual(["TIMESTAMP_INVALID"]);
  });

  it("ACCOUNT_EVENT_NOT_ALLOWED unless allowed; EVENT_EMPTY for an unset union", () => {
    expect(codes({ event: accountEvent(5n) })).toEqual(["ACCOUNT_EVENT_NOT_ALLOWED"]);
    expect(codes({ event: accountEvent(5n), allowAccountEvents: true })).toEqual([]);
    expect(codes({ event: tagEvent(5n, { union: { case: undefined } }) })).toEqual(["EVENT_EMPTY"]);
  });

  it("reports every failure together, in a fixed order, each with path and message", () => {
    const result = checkEvent({ ...base, event: tagEvent(1n, { shopId: uint256(1n), timestamp: undefined, union: accountEvent().union }), signer: otherKeycard.address, nonces: createNonceTracker({ lastNonces: { [otherKeycard.address]: 4n } }) });
    expect(result.accepted).toBe(false);
    expect(result.failures.map((f) => f.code)).toEqual(["SHOP_MISMATCH", "UNKNOWN_KEYCARD", "NONCE_NOT_INCREASING", "TIMESTAMP_MISSING", "ACCOUNT_EVENT_NOT_ALLOWED"]);
    expect(result.failures.map((f) => f.path)).toEqual(["event.shop_id", "signer", "event.nonce", "event.timestamp", "event.account"]);
    for (const f of result.failures) expect(f.message.length).toBeGreaterThan(0);
  });

  it("throws for bad parameters instead of blaming the event", () => {
    expect(() => checkEvent({ ...base, timestampWindow: { notBefore: WINDOW.notAfter, notAfter: WINDOW.notBefore } })).toThrow(
      expect.objectContaining({ path: "timestampWindow" }),
    );
    expect(() => checkEvent({ ...base, timestampWindow: { notBefore: new Date(Number.NaN), notAfter: NOW } })).toThrow(
      expect.objectContaining({ path: "timestampWindow.notBefore" }),
    );
    expect(() => checkEvent({ ...base, nonces: { lastNonces: { [keycard.address]: 4 } } as never })).toThrow(expect.objectContaining({ path: expect.stringMatching(/^nonces/) }));
    expect(() => checkEvent({ ...base, event: {} as never })).toThrow(expect.objectContaining({ path: "event" }));
    expect(() => checkEvent({ ...base, keycards: ["0x1234"] })).toThrow(expect.objectContaining({ code: "INVALID_PUBLIC_KEY", path: "keycards[0]" }));
  });

  it("assertEventAccepted throws an EventRejectedError with all failures, and returns for a good event", () => {
    expect(assertEventAccepted(base)).toEqual(last(5n));
    try {
      assertEventAccepted({ ...base, shopId: 1n, nonces: last(9n) });
      expect.unreachable();
    } catch (error) {
      expect(isEventRejectedError(error)).toBe(true);
      expect(error).toMatchObject({ code: "EVENT_REJECTED", failures: [{ code: "SHOP_MISMATCH" }, { code: "NONCE_NOT_INCREASING" }] });
    }
  });
});

describe("keycard sets", () => {
  const publicKey = hexToBytes(keycard.publicKey); // 65 bytes, 0x04 ‖ x ‖ y
  const point = secp256k1.ProjectivePoint.fromHex(publicKey);
  const forms: [string, Parameters<typeof keycardAddress>[0]["keycard"]][] = [
    ["checksummed address", keycard.address],
    ["lower-case address", keycard.address.toLowerCase() as `0x${string}`],
    ["20 address bytes", hexToBytes(keycard.address)],
    ["64-byte public key (x ‖ y)", publicKey.slice(1)],
    ["64-byte public key as hex", bytesToHex(publicKey.slice(1))],
    ["65-byte public key (0x04 ‖ x ‖ y)", publicKey],
    ["33-byte compressed public key", point.toRawBytes(true)],
    ["PublicKey message { raw }", { raw: publicKey.slice(1) }],
  ];

  it.each(forms)("%s normalises to the keycard's address", (_, form) => {
    expect(keycardAddress({ keycard: form })).toBe(keycard.address);
    expect(codes({ keycards: [form] })).toEqual([]);
  });

  it("builds a reusable set without duplicates that matches addresses in any case", () => {
    const set = createKeycardSet({ keycards: forms.map(([, form]) => form).concat([otherKeycard.address]) });
    expect(isKeycardSet(set)).toBe(true);
    expect(isKeycardSet({ has: () => true })).toBe(false);
    expect(set.addresses).toEqual([keycard.address, otherKeycard.address]);
    expect(set.has(keycard.address.toUpperCase().replace("0X", "0x"))).toBe(true);
    expect(codes({ keycards: set, signer: otherKeycard.address })).toEqual([]);
  });

  it("refuses invalid keys with a PublicKeyError naming the entry", () => {
    const offCurve = publicKey.slice(1);
    offCurve[63] = (offCurve[63] as number) ^ 1;
    const bad: unknown[] = [
      offCurve,
      new Uint8Array([2, ...new Uint8Array(32).fill(0xff)]), // x ≥ p
      new Uint8Array([5, ...publicKey.subarray(1)]),
      new Uint8Array(32),
      "0x00297113F51BE97CD733D72B3FD7E3A536461D5b", // mixed case with a wrong checksum
      "not hex",
      42,
    ];
    bad.forEach((keycardInput, i) => {
      try {
        createKeycardSet({ keycards: [keycard.address, keycardInput as never] });
        expect.unreachable(`entry ${i} was accepted`);
      } catch (error) {
        expect(isPublicKeyError(error), String(error)).toBe(true);
        expect(error).toMatchObject({ code: "INVALID_PUBLIC_KEY", path: "keycards[1]" });
      }
    });
  });

  it("names the values in its messages: which shop, which signer, which window", () => {
    const messages = (parameters: Partial<CheckEventParameters>) => checkEvent({ ...base, ...parameters }).failures.map((f) => f.message);
    expect(messages({ event: tagEvent(5n, { shopId: uint256(24n) }) })).toEqual([`event is for shop 24, this session's shop is ${SHOP_ID}`]);
    expect(messages({ signer: otherKeycard.address })).toEqual([`signer ${otherKeycard.address} is not one of the 1 allowed keycards of shop ${SHOP_ID}`]);
    const late = new Date(WINDOW.notAfter.getTime() + 1000);
    expect(messages({ event: tagEvent(5n, { timestamp: timestampFromDate(late) }) })).toEqual([
      `timestamp ${late.toISOString()} is outside the accepted window ${WINDOW.notBefore.toISOString()} … ${WINDOW.notAfter.toISOString()}`,
    ]);
  });
});
