// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A minimal protobuf wire reader for the cheap passes that run before
// decoding (hashing cost, item counts): field headers and bounds, no values.

/** Bytes that are not well-formed protobuf; callers turn it into a DecodeError. */
export class MalformedWire extends Error {}

/** One field record: its number and wire type, and where its value (for LEN, the body) starts and ends. */
export interface WireRecord {
  readonly number: number;
  readonly wireType: number;
  readonly valueStart: number;
  readonly end: number;
}

/**
 * The field record starting at `pos` (which must be before `end`).
 * @example for (let pos = 0; pos < bytes.length; ) { const record = readRecord({ buf: bytes, pos, end: bytes.length }); pos = record.end; }
 */
export function readRecord({ buf, pos, end }: { buf: Uint8Array; pos: number; end: number }): WireRecord {
  const key = readVarint(buf, pos, end);
  const wireType = key.value % 8;
  const number = Math.floor(key.value / 8);
  let valueStart = key.next;
  let next: number;
  switch (wireType) {
    case 0:
      next = readVarint(buf, key.next, end).next;
      break;
    case 1:
      next = key.next + 8;
      break;
    case 5:
      next = key.next + 4;
      break;
    case 2: {
      const length = readVarint(buf, key.next, end);
      valueStart = length.next;
      next = valueStart + length.value;
      break;
    }
    default:
      throw new MalformedWire(`wire type ${wireType} (groups) is not used by this schema`);
  }
  if (next > end) throw new MalformedWire("field runs past the end of its message");
  return { number, wireType, valueStart, end: next };
}

/**
 * A varint (at most 10 bytes) as a number, and the position after it.
 * @example readVarint(bytes, 0, bytes.length).value
 */
export function readVarint(buf: Uint8Array, start: number, end: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let pos = start; pos < end && pos < start + 10; pos++) {
    const byte = buf[pos] as number;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return { value, next: pos + 1 };
  }
  throw new MalformedWire("truncated or overlong varint");
}
