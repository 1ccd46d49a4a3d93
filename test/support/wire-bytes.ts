// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Hand-built protobuf wire bytes, for the attacks no encoder would produce.

/** A base-128 varint. */
export const varint = (value: number): number[] => {
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
};

/** A field header (number, wire type) followed by `body` as given. */
export const field = (no: number, wireType: number, body: Uint8Array | readonly number[] = []): number[] => [...varint((no << 3) | wireType), ...body];

/** A length-delimited field (wire type 2). */
export const lengthDelimited = (no: number, bytes: Uint8Array | readonly number[]): number[] => field(no, 2, [...varint(bytes.length), ...bytes]);

/** The parts joined into one byte array. */
export const concat = (...parts: readonly (Uint8Array | readonly number[])[]): Uint8Array => new Uint8Array(parts.flatMap((p) => [...p]));
