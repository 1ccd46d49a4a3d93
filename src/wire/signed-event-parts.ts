// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The parts of a SignedEvent in its one honest layout, read in place: no message objects for a frame that is only opened.
import { SHOP_EVENT_TYPE_URL } from "./constants.js";

/** What openSignedEvent reads from a SignedEvent: the event bytes (Any.value) and the raw signature, as views of the input. */
export interface SignedEventParts {
  readonly value: Uint8Array;
  readonly raw: Uint8Array;
}

const TYPE_URL = new TextEncoder().encode(SHOP_EVENT_TYPE_URL);

/**
 * The parts when `bytes` is exactly `event { type_url = SHOP_EVENT_TYPE_URL, value } signature { raw }`,
 * each field once, in field order, with non-empty value and raw; `undefined` for anything else
 * (the caller then decodes the message, which reads these bytes the same way).
 * @example const parts = signedEventParts(bytes) ?? fromBinary(SignedEventSchema, bytes);
 */
export function signedEventParts(bytes: Uint8Array): SignedEventParts | undefined {
  const reader = { bytes, at: 0 };
  const anyEnd = field(reader, 0x0a, bytes.length);
  if (anyEnd < 0) return undefined;
  const typeUrlEnd = field(reader, 0x0a, anyEnd);
  if (typeUrlEnd - reader.at !== TYPE_URL.length) return undefined;
  for (let k = 0; k < TYPE_URL.length; k++) if (bytes[reader.at + k] !== TYPE_URL[k]) return undefined;
  reader.at = typeUrlEnd;
  const valueEnd = field(reader, 0x12, anyEnd);
  if (valueEnd !== anyEnd || valueEnd === reader.at) return undefined;
  const value = bytes.subarray(reader.at, valueEnd);
  reader.at = anyEnd;
  const signatureEnd = field(reader, 0x12, bytes.length);
  if (signatureEnd !== bytes.length) return undefined;
  const rawEnd = field(reader, 0x0a, signatureEnd);
  if (rawEnd !== signatureEnd || rawEnd === reader.at) return undefined;
  return { value, raw: bytes.subarray(reader.at, rawEnd) };
}

// One length-delimited field with this one-byte tag: moves past tag and length, returns where its content ends, or -1.
function field(reader: { bytes: Uint8Array; at: number }, tag: number, end: number): number {
  const { bytes } = reader;
  if (reader.at >= end || bytes[reader.at] !== tag) return -1;
  let at = reader.at + 1;
  let length = 0;
  // Up to three length bytes (2 MiB), shortest form only: anything else is left to the decoder.
  for (let shift = 0; shift < 21; shift += 7) {
    if (at >= end) return -1;
    const byte = bytes[at++] as number;
    length |= (byte & 0x7f) << shift;
    if (byte < 0x80) {
      if (byte === 0 && shift > 0) return -1;
      reader.at = at;
      return at + length <= end ? at + length : -1;
    }
  }
  return -1;
}
