// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// openSignedEvent's work, with the known keys given directly: the public
// function takes a KeycardSet, the state machine its own memory of signers.
import { create } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { SignatureSchema } from "../../gen/market/mass/base_types_pb.js";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { typedDigest } from "../eip712/digest.js";
import { shopEventPrimary } from "../eip712/primary-types.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { TypeUrlError } from "../errors/type-url-error.js";
import type { KnownKeys } from "../signature/known-signer.js";
import { parseSignature } from "../signature/parse-signature.js";
import { DEFAULT_MAX_EVENT_BYTES, SHOP_EVENT_TYPE_URL } from "./constants.js";
import { checkBytes, checkMaxBytes, decodeBounded } from "./decode-bounded.js";
import { decodeCanonicalEvent } from "./decode-canonical-event.js";
import { eventSigner } from "./event-signer.js";
import { personalMessageDigest } from "./hash-event-bytes.js";
import { resolveBudget } from "./hashing-cost.js";
import type { OpenSignedEventParameters, OpenSignedEventReturnType } from "./open-signed-event.js";
import { withSignaturePath } from "./signature-path.js";

/**
 * Opens a SignedEvent as {@link openSignedEvent} does; `known` are the keys to check before recovering.
 * @example openEvent({ parameters: { signedEvent, domain }, known: undefined }).signer
 */
export function openEvent({ parameters, known }: { parameters: OpenSignedEventParameters; known: KnownKeys | undefined }): OpenSignedEventReturnType {
  const { signedEvent: input, domain, scheme = "eip712", maxBytes: cap = DEFAULT_MAX_EVENT_BYTES, hashingBudget } = objectParameter(parameters);
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
  const signedEvent = input instanceof Uint8Array ? decodeBounded({ schema: SignedEventSchema, bytes: input, maxBytes, path: "signedEvent" }) : checkSignedEvent(input);

  const any = signedEvent.event;
  if (typeof any !== "object" || any === null) throw new FieldValueError("MISSING_FIELD", "expected the event packed in google.protobuf.Any", { path: "signedEvent.event" });
  if (any.typeUrl !== SHOP_EVENT_TYPE_URL) {
    throw new TypeUrlError({ path: "signedEvent.event.type_url", expected: SHOP_EVENT_TYPE_URL, actual: String(any.typeUrl) });
  }
  const value = checkBytes({ bytes: any.value, maxBytes, path: "signedEvent.event.value" });
  const raw = signedEvent.signature?.raw;
  if (raw === undefined) throw new FieldValueError("MISSING_FIELD", "expected the keycard signature", { path: "signedEvent.signature" });
  const signature = withSignaturePath("signedEvent.signature.raw", () => parseSignature({ signature: raw }));

  const eventBytes = value.slice();
  // Both schemes: only the canonical byte form, so every decoder reads what was signed.
  const event = decodeCanonicalEvent({ bytes: eventBytes, maxBytes, path: "signedEvent.event.value", budget });
  if (scheme === "eip191") {
    const signer = eventSigner(personalMessageDigest({ bytes: eventBytes }), signature, known);
    return { event, signer, eventBytes, signedEvent: forwardable(eventBytes, signature.bytes) };
  }
  const digest = typedDigest({ primary: shopEventPrimary, message: event, domain, root: "event" });
  return { event, signer: eventSigner(digest, signature, known), eventBytes, signedEvent: forwardable(eventBytes, signature.bytes) };
}

// Fresh memory for the forwarded copy: the caller may keep `eventBytes` and change it.
function forwardable(eventBytes: Uint8Array, signature: Uint8Array): SignedEvent {
  return create(SignedEventSchema, {
    event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: eventBytes.slice() }),
    signature: create(SignatureSchema, { raw: signature.slice() }),
  });
}

function checkSignedEvent(value: unknown): SignedEvent {
  if (typeof value !== "object" || value === null || (value as { $typeName?: unknown }).$typeName !== SignedEventSchema.typeName) {
    throw new FieldValueError("WRONG_TYPE", "expected a SignedEvent message or its bytes (Uint8Array)", { path: "signedEvent" });
  }
  return value as SignedEvent;
}
