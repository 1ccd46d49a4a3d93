// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { keccak256 } from "../crypto/keccak.js";
import type { Hex } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { DEFAULT_MAX_EVENT_BYTES } from "./constants.js";
import { decodeOneReadingEvent } from "./decode-one-reading-event.js";
import { checkBytes } from "./decode-bounded.js";

const PREFIX = new TextEncoder().encode("\x19Ethereum Signed Message:\n");
const encoder = new TextEncoder();

/**
 * keccak256("\x19Ethereum Signed Message:\n" ‖ decimal length ‖ bytes) as bytes.
 * @example personalMessageDigest({ bytes: eventBytes })
 */
export function personalMessageDigest(parameters: { bytes: unknown; path?: string }): Uint8Array {
  const { bytes, path = "eventBytes" } = objectParameter(parameters);
  if (!(bytes instanceof Uint8Array)) throw new FieldValueError("WRONG_TYPE", "expected a Uint8Array", { path });
  const length = encoder.encode(String(bytes.length));
  const input = new Uint8Array(PREFIX.length + length.length + bytes.length);
  input.set(PREFIX, 0);
  input.set(length, PREFIX.length);
  input.set(bytes, PREFIX.length + length.length);
  return keccak256(input);
}

export interface HashEventBytesParameters {
  /** The ShopEvent bytes exactly as sent or received (`SignedEvent.event.value`); never re-encoded. */
  readonly eventBytes: Uint8Array;
}

/**
 * Version-3 (EIP-191) digest of an event: the personal-message hash of the
 * exact event bytes, equal to viem's `hashMessage({ raw: eventBytes })`.
 * The bytes must be a ShopEvent (at most {@link DEFAULT_MAX_EVENT_BYTES})
 * that every protobuf decoder reads one way, so the digest covers one event.
 *
 * @throws FieldValueError, SizeLimitError, DecodeError, NonCanonicalEncodingError
 * @example
 * const digest = hashEventBytes({ eventBytes }); // "0x…", as signed by a version-3 peer
 */
export function hashEventBytes(parameters: HashEventBytesParameters): Hex {
  const { eventBytes } = objectParameter(parameters);
  const bytes = checkBytes({ bytes: eventBytes, maxBytes: DEFAULT_MAX_EVENT_BYTES, path: "eventBytes" }).slice();
  // A digest of bytes that decoders read in two ways would sign two events at once.
  decodeOneReadingEvent({ bytes, maxBytes: DEFAULT_MAX_EVENT_BYTES, path: "eventBytes" });
  return bytesToHex(personalMessageDigest({ bytes }));
}
