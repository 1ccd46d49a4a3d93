// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import type { Address } from "viem";
import { SignatureSchema } from "../../gen/market/mass/base_types_pb.js";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { typedDigest } from "../eip712/digest.js";
import type { EventDomain } from "../eip712/domain.js";
import { shopEventPrimary } from "../eip712/primary-types.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { TypeUrlError } from "../errors/type-url-error.js";
import { parseSignature } from "../signature/parse-signature.js";
import { DEFAULT_MAX_EVENT_BYTES, SHOP_EVENT_TYPE_URL } from "./constants.js";
import { checkBytes, checkMaxBytes, decodeBounded } from "./decode-bounded.js";
import { eventSigner } from "./event-signer.js";
import { personalMessageDigest } from "./hash-event-bytes.js";
import { isKeycardSet, type KeycardSet } from "./keycards.js";
import { withSignaturePath } from "./signature-path.js";
import { decodeCanonicalEvent } from "./decode-canonical-event.js";
import { type SignedEventParts, signedEventParts } from "./signed-event-parts.js";
import { decodeOneReadingEvent } from "./decode-one-reading-event.js";
import { type HashingBudget, resolveBudget } from "./hashing-cost.js";
import { objectParameter } from "../errors/object-parameter.js";

/**
 * How the event was signed: `"eip712"` (this schema's typed data, the
 * default) or `"eip191"` (version 3: personal-message hash of the exact event bytes).
 */
export type SignatureScheme = "eip712" | "eip191";

export type OpenSignedEventParameters = {
  /** A SignedEvent message or its binary encoding. */
  readonly signedEvent: SignedEvent | Uint8Array;
  /**
   * Size cap in bytes, checked before decoding, for the SignedEvent bytes
   * (when bytes are given) and for the event bytes inside it. Defaults to
   * {@link DEFAULT_MAX_EVENT_BYTES} (64 KiB).
   */
  readonly maxBytes?: number | undefined;
  /**
   * Hashing-work budget (keccak calls, bytes hashed, items per repeated
   * field), counted in one pass before decoding; defaults to {@link DEFAULT_HASHING_BUDGET}.
   */
  readonly hashingBudget?: Partial<HashingBudget> | undefined;
  /**
   * The shop's keycards, built once with {@link createKeycardSet} and reused.
   * The first one given as a public key is checked against the signature
   * before recovering: about 3× cheaper in JavaScript, same signer. A relay
   * puts the session's keycard first (its writes must come from it); the
   * others never cost a check, whatever the set's size. Membership is not
   * enforced here ({@link checkEvent} does that).
   */
  readonly keycards?: KeycardSet | undefined;
} & (
  | { readonly scheme?: "eip712" | undefined; readonly domain: EventDomain }
  // A v3 signature covers the bytes, not a domain: a domain here would be silently ignored, so it is refused.
  | { readonly scheme: "eip191"; readonly domain?: undefined }
);

export interface OpenSignedEventReturnType {
  /** The decoded event (its own memory: changing it changes nothing else). */
  readonly event: ShopEvent;
  /** Checksummed address of the keycard that signed. */
  readonly signer: Address;
  /** A copy of the exact event bytes received (`Any.value`); store and forward these, never a re-encoding. */
  readonly eventBytes: Uint8Array;
  /**
   * The SignedEvent to store and push on: `eventBytes` and the signature
   * with `v` normalised to 27/28, so one event has one signature form whichever was sent.
   */
  readonly signedEvent: SignedEvent;
}

/**
 * Checks and opens a SignedEvent: the type URL must be {@link SHOP_EVENT_TYPE_URL},
 * the signature must be strict (65 bytes, v 27/28 or 0/1, r and s in range,
 * low s), the event must decode, and the signer is recovered from the digest
 * of the chosen scheme. With `"eip712"` the event must carry no unknown
 * fields (they would not be covered by the signature) and its bytes must be
 * the canonical encoding (so one signature has one byte form); with `"eip191"` the
 * bytes are hashed exactly as received, so unknown fields are covered and
 * kept in `event.$unknown`, and any byte form is taken (explicit defaults,
 * any field order) as long as every protobuf decoder reads it one way:
 * bytes that protobuf-go or protobufjs would read as a different event are refused. Relay policy (shop, keycard, nonce, time) is
 * {@link checkEvent}'s job. The input is never modified.
 *
 * @throws SizeLimitError, HashingBudgetError, DecodeError, NonCanonicalEncodingError, TypeUrlError, SignatureError, FieldValueError, UnknownFieldsError, DomainError
 * @example
 * const { event, signer, eventBytes } = openSignedEvent({ signedEvent, domain });
 */
export function openSignedEvent(parameters: OpenSignedEventParameters): OpenSignedEventReturnType {
  const { signedEvent: input, domain, scheme = "eip712", maxBytes: cap = DEFAULT_MAX_EVENT_BYTES, hashingBudget, keycards } = objectParameter(parameters);
  const maxBytes = checkMaxBytes({ maxBytes: cap, path: "maxBytes" });
  const budget = resolveBudget({ budget: hashingBudget });
  if (scheme !== "eip712" && scheme !== "eip191") {
    throw new FieldValueError("WRONG_TYPE", 'expected "eip712" or "eip191"', { path: "scheme" });
  }
  if (scheme === "eip191" && domain !== undefined) {
    throw new FieldValueError("WRONG_TYPE", 'expected no domain with scheme "eip191": a v3 signature covers the event bytes, not a domain, so the domain would not be checked', {
      path: "domain",
    });
  }
  if (keycards !== undefined && !isKeycardSet(keycards)) throw new FieldValueError("WRONG_TYPE", "expected a KeycardSet from createKeycardSet", { path: "keycards" });
  // Honest bytes are read in place; any other layout is decoded as a message, which reads the same parts from them.
  const parts = input instanceof Uint8Array ? signedEventParts(checkBytes({ bytes: input, maxBytes, path: "signedEvent" })) : undefined;
  const { value, raw } = parts ?? messageParts(input, maxBytes);
  const signature = withSignaturePath("signedEvent.signature.raw", () => parseSignature({ signature: raw }));

  const eventBytes = value.slice();
  // EIP-712 signs values: one byte form per event. EIP-191 signs the bytes: any form, if every decoder reads it alike.
  const decode = scheme === "eip191" ? decodeOneReadingEvent : decodeCanonicalEvent;
  const event = decode({ bytes: eventBytes, maxBytes, path: "signedEvent.event.value", budget });
  const digest = scheme === "eip191" ? personalMessageDigest({ bytes: eventBytes }) : typedDigest({ primary: shopEventPrimary, message: event, domain, root: "event" });
  const signer = eventSigner(digest, signature, keycards);
  // Fresh memory for the forwarded copy (the caller may keep `eventBytes` and change it); its message is built on first read, as a fold never reads it.
  const forwardBytes = eventBytes.slice();
  let forwarded: SignedEvent | undefined;
  return {
    event,
    signer,
    eventBytes,
    get signedEvent() {
      return (forwarded ??= forwardable(forwardBytes, signature.bytes));
    },
  };
}

// `eventBytes` and `signature` are this call's own copies, shared with nothing the caller holds.
function forwardable(eventBytes: Uint8Array, signature: Uint8Array): SignedEvent {
  return create(SignedEventSchema, {
    event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: eventBytes }),
    signature: create(SignatureSchema, { raw: signature }),
  });
}

// The parts of a SignedEvent given as a message, or as bytes in another layout than the honest one.
function messageParts(input: unknown, maxBytes: number): SignedEventParts {
  const signedEvent = input instanceof Uint8Array ? decodeBounded({ schema: SignedEventSchema, bytes: input, maxBytes, path: "signedEvent" }) : checkSignedEvent(input);
  const any = signedEvent.event;
  if (typeof any !== "object" || any === null) throw new FieldValueError("MISSING_FIELD", "expected the event packed in google.protobuf.Any", { path: "signedEvent.event" });
  if (any.typeUrl !== SHOP_EVENT_TYPE_URL) {
    throw new TypeUrlError({ path: "signedEvent.event.type_url", expected: SHOP_EVENT_TYPE_URL, actual: String(any.typeUrl) });
  }
  const value = checkBytes({ bytes: any.value, maxBytes, path: "signedEvent.event.value" });
  const raw = signedEvent.signature?.raw;
  if (raw === undefined) throw new FieldValueError("MISSING_FIELD", "expected the keycard signature", { path: "signedEvent.signature" });
  return { value, raw };
}

function checkSignedEvent(value: unknown): SignedEvent {
  if (typeof value !== "object" || value === null || (value as { $typeName?: unknown }).$typeName !== SignedEventSchema.typeName) {
    throw new FieldValueError("WRONG_TYPE", "expected a SignedEvent message or its bytes (Uint8Array)", { path: "signedEvent" });
  }
  return value as SignedEvent;
}
