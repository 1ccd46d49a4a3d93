// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Fuzz suite for every decode entry: random bytes, truncated and bit-flipped
// valid messages, wrong type URLs, wrong wrapper lengths, oversized input.
// Every outcome must be a success or one of this package's typed errors (no
// raw TypeError/RangeError), no case may take long, and inputs are never
// modified. FUZZ_RUNS sets the runs per property (default 1,500 × 8
// properties = 12,000 cases); e.g. FUZZ_RUNS=20000 npx vitest run test/wire-helpers/fuzz.test.ts
// Success is not enough: event bytes changed in any way (bits flipped, an
// unknown field appended, the message repeated so it decodes to the same
// values) must never open to the original signer: that would be a forgery.
import { create, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import fc from "fast-check";
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { SignatureSchema, Uint256Schema } from "../../gen/market/mass/base_types_pb.js";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import {
  createEventWriteRequest,
  createRequestEnvelope,
  createSignedEvent,
  decodeEnvelope,
  decodeShopEvent,
  encodeEnvelope,
  isNetworkSchemaError,
  isSignatureError,
  isSizeLimitError,
  isTypeUrlError,
  openSignedEvent,
  SHOP_EVENT_TYPE_URL,
  signEvent,
} from "../../src/index.js";
import { arbitraries } from "../support/arbitraries.js";
import { loadV3Vectors } from "../support/load-v3-vectors.js";
import { domain, keycard } from "./fixtures.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const PROPERTIES = 9;
const SLOW_MS = 2000;
let cases = 0;
let slowest = 0;

// ---------------------------------------------------------------- corpus of valid messages

const sampleEvents = fc.sample(arbitraries.event, { numRuns: 24, seed: 712 });
const signed712 = await Promise.all(sampleEvents.map(async (event) => createSignedEvent({ event, signature: await signEvent({ event, domain, account: keycard }) })));
const v3 = loadV3Vectors().events.slice(0, 24);
const v3Signatures = loadV3Vectors().events.map((e) => e.signature);
const signed191 = v3.map((v, i) =>
  create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: hexToBytes(v.encoded) }), signature: create(SignatureSchema, { raw: hexToBytes(v3Signatures[i] as `0x${string}`) }) }),
);
const signedBytes = [...signed712, ...signed191].map((s) => toBinary(SignedEventSchema, s));
const envelopeBytes = [0, 6, 12, 18].map((start) =>
  encodeEnvelope({ envelope: createRequestEnvelope({ request: { case: "eventWriteRequest", value: createEventWriteRequest({ events: [...signed712.slice(start, start + 3), signed191[start]!] }) } }) }),
);
const eventBytes = [...signed712, ...signed191].map((s) => s.event!.value);

// ---------------------------------------------------------------- the oracle

/** Runs every decode entry on `bytes`; each must succeed or throw a typed error, quickly, leaving `bytes` unchanged. */
function everyEntry(bytes: Uint8Array, maxBytes?: number): void {
  const cap = maxBytes === undefined ? {} : { maxBytes };
  outcome(bytes, () => openSignedEvent({ signedEvent: bytes, domain, ...cap }));
  outcome(bytes, () => openSignedEvent({ signedEvent: bytes, scheme: "eip191", ...cap }));
  outcome(bytes, () => decodeShopEvent({ bytes, ...cap }));
  outcome(bytes, () => {
    const envelope = decodeEnvelope({ bytes, ...cap });
    if (envelope.message.case === "eventWriteRequest") {
      for (const signedEvent of envelope.message.value.events) {
        outcome(signedEvent.event?.value, () => openSignedEvent({ signedEvent, domain }));
        outcome(signedEvent.event?.value, () => openSignedEvent({ signedEvent, scheme: "eip191" }));
      }
    }
  });
}

/** Success or a typed error; times the run and checks the watched bytes are unchanged. Returns the error, if any. */
function outcome(watched: Uint8Array | undefined, run: () => unknown): unknown {
  const before = watched?.slice();
  const start = performance.now();
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  const elapsed = performance.now() - start;
  slowest = Math.max(slowest, elapsed);
  if (error !== undefined && !isNetworkSchemaError(error)) throw new Error(`untyped error escaped: ${String(error)}`, { cause: error });
  if (elapsed > SLOW_MS) throw new Error(`one decode took ${elapsed.toFixed(0)} ms`);
  if (before !== undefined && !sameBytes(watched as Uint8Array, before)) throw new Error("the input bytes were modified");
  return error;
}

// Plain loop: expect().toEqual on typed arrays is slow enough to dominate the suite.
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function property<Ts extends [unknown, ...unknown[]]>(name: string, arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, check: (...args: Ts) => void): void {
  it(name, () => {
    fc.assert(
      fc.property(...arbitraries, (...args: Ts) => {
        check(...args);
        // Counted after the check, so cases skipped by fc.pre do not count.
        cases++;
      }),
      { numRuns: RUNS },
    );
  });
}

// ---------------------------------------------------------------- mutations

/** The corpus of signed events with the scheme and signer each opens to. */
const signedCorpus = [
  ...signed712.map((signed) => ({ signed, scheme: "eip712" as const, signer: keycard.address as string })),
  ...signed191.map((signed) => ({ signed, scheme: "eip191" as const, signer: openSignedEvent({ signedEvent: signed, scheme: "eip191" }).signer as string })),
];

/** Other bytes for one signed event: flipped bits, an unknown field appended, or the bytes twice (same values when merged). */
const changedEventBytes = (bytes: Uint8Array) =>
  fc.oneof(
    fc.array(fc.nat(), { minLength: 1, maxLength: 4 }).map((positions) => flip(bytes, positions)),
    fc.tuple(fc.integer({ min: 100, max: 2000 }), fc.uint8Array({ maxLength: 8 })).map(([no, payload]) => concat(bytes, Uint8Array.of(((no << 3) | 2) & 0x7f | 0x80, no >> 4, payload.length), payload)),
    fc.constant(concat(bytes, bytes)),
  );

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const pick = <T>(items: readonly T[]) => fc.nat({ max: items.length - 1 }).map((i) => items[i] as T);
const anyValid = pick([...signedBytes, ...envelopeBytes, ...eventBytes]);

function flip(bytes: Uint8Array, positions: readonly number[]): Uint8Array {
  const out = bytes.slice();
  for (const p of positions) out[p % out.length] = (out[p % out.length] as number) ^ (1 << (p % 8));
  return out;
}

describe("fuzz: every outcome is a success or a typed error", () => {
  property("random bytes", [fc.uint8Array({ maxLength: 600 })], (bytes) => everyEntry(bytes));

  property("random protobuf-shaped bytes (valid tags, random lengths and payloads)", [fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7), fc.uint8Array({ maxLength: 40 })), { maxLength: 8 })], (fields) => {
    const parts: number[] = [];
    for (const [no, wire, payload] of fields) parts.push((no << 3) | wire, ...(wire === 2 ? [payload.length] : []), ...payload);
    everyEntry(new Uint8Array(parts));
  });

  property("truncated valid messages", [anyValid, fc.nat()], (bytes, cut) => everyEntry(bytes.subarray(0, cut % (bytes.length + 1))));

  property("bit-flipped valid messages", [anyValid, fc.array(fc.nat(), { minLength: 1, maxLength: 6 })], (bytes, positions) => everyEntry(flip(bytes, positions)));

  property(
    "changed event bytes never open to the original signer (no wrong acceptance)",
    [fc.nat({ max: signedCorpus.length - 1 }).chain((i) => fc.tuple(fc.constant(signedCorpus[i]!), changedEventBytes(signedCorpus[i]!.signed.event!.value)))],
    ([{ signed, scheme, signer }, value]) => {
      fc.pre(!sameBytes(value, signed.event!.value));
      const forged = create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value }), signature: signed.signature! });
      let opened: { signer: string } | undefined;
      outcome(value, () => {
        opened = scheme === "eip712" ? openSignedEvent({ signedEvent: forged, domain }) : openSignedEvent({ signedEvent: forged, scheme });
      });
      if (opened !== undefined) expect(opened.signer, "changed bytes accepted under the original signature").not.toBe(signer);
    },
  );

  property("wrong type URLs are TypeUrlErrors", [pick([...signed712, ...signed191]), fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom(`${SHOP_EVENT_TYPE_URL}x`, SHOP_EVENT_TYPE_URL.toUpperCase(), "type.googleapis.com/market.mass.Envelope"))], (signed, typeUrl) => {
    fc.pre(typeUrl !== SHOP_EVENT_TYPE_URL);
    const wrong = create(SignedEventSchema, { event: create(AnySchema, { typeUrl, value: signed.event!.value }), signature: signed.signature! });
    const bytes = toBinary(SignedEventSchema, wrong);
    expect(isTypeUrlError(outcome(bytes, () => openSignedEvent({ signedEvent: bytes, domain })))).toBe(true);
    expect(isTypeUrlError(outcome(signed.event!.value, () => openSignedEvent({ signedEvent: wrong, scheme: "eip191" })))).toBe(true);
  });

  property("wrong signature lengths are SignatureErrors; 65 random bytes are refused or recover someone", [pick([...signed712, ...signed191]), fc.uint8Array({ maxLength: 140 })], (signed, raw) => {
    const bad = create(SignedEventSchema, { event: signed.event!, signature: create(SignatureSchema, { raw }) });
    for (const run of [() => openSignedEvent({ signedEvent: bad, domain }), () => openSignedEvent({ signedEvent: toBinary(SignedEventSchema, bad), scheme: "eip191" })]) {
      const error = outcome(raw, run);
      if (raw.length !== 65) expect(isSignatureError(error) && error.problem === "LENGTH").toBe(true);
    }
  });

  property("a wrong-length shop id inside the event fails EIP-712 with a typed error", [pick(sampleEvents), fc.uint8Array({ maxLength: 40 })], (event, raw) => {
    fc.pre(raw.length !== 32);
    const mutated = create(ShopEventSchema, { ...event, shopId: create(Uint256Schema, { raw }) });
    const wrapped = create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: toBinary(ShopEventSchema, mutated) }), signature: signed712[0]!.signature! });
    const error = outcome(wrapped.event!.value, () => openSignedEvent({ signedEvent: wrapped, domain }));
    expect(error).toMatchObject({ code: "WRONG_LENGTH", path: "event.shop_id.raw" });
  });

  property("oversized input is refused as TOO_LARGE before decoding", [anyValid, fc.nat()], (bytes, k) => {
    const cap = 1 + (k % (bytes.length - 1)); // 1 … length − 1
    for (const run of [
      () => openSignedEvent({ signedEvent: bytes, domain, maxBytes: cap }),
      () => openSignedEvent({ signedEvent: bytes, scheme: "eip191", maxBytes: cap }),
      () => decodeShopEvent({ bytes, maxBytes: cap }),
      () => decodeEnvelope({ bytes, maxBytes: cap }),
    ]) {
      const error = outcome(bytes, run);
      expect(isSizeLimitError(error)).toBe(true);
    }
  });
});

describe("fuzz corpus and count", () => {
  it("the corpus is valid (so mutations start from real messages)", () => {
    for (const bytes of signedBytes.slice(0, signed712.length)) expect(openSignedEvent({ signedEvent: bytes, domain }).signer).toBe(keycard.address);
    for (const bytes of signedBytes.slice(signed712.length)) expect(openSignedEvent({ signedEvent: bytes, scheme: "eip191" }).event).toBeDefined();
    for (const bytes of envelopeBytes) expect(decodeEnvelope({ bytes }).message.case).toBe("eventWriteRequest");
    expect(EnvelopeSchema.typeName).toBe("market.mass.Envelope");
  });

  it("ran every case of every property (at least 10,000 with the default FUZZ_RUNS)", () => {
    // Tests of a file run in order, so this one comes after the properties.
    expect(cases).toBe(RUNS * PROPERTIES);
    if (process.env.FUZZ_RUNS === undefined) expect(cases).toBeGreaterThanOrEqual(10_000);
    console.info(`fuzz: ${cases} cases, slowest single call ${slowest.toFixed(1)} ms`);
  });
});
