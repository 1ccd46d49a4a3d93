// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/** Byte-for-byte equality of two arrays. @example sameBytes({ a: eventBytes, b: bytes }) */
export function sameBytes({ a, b }: { a: Uint8Array; b: Uint8Array }): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
