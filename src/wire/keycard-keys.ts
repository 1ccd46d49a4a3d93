// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The keycards of a KeycardSet that were given as public keys, kept under a
// private symbol: internal to the package, read by openSignedEvent.
import type { KnownKey } from "../signature/known-signer.js";

const KNOWN_KEYS = Symbol("keycards given as public keys");

/** Attaches `keys` to a keycard set object under construction. */
export function withKnownKeys<T extends object>(set: T, keys: KnownKey[]): T {
  return Object.defineProperty(set, KNOWN_KEYS, { value: keys, enumerable: false });
}

/** The keycards of a set that were given as public keys; the array is reordered by use. */
export function knownKeys(set: object): KnownKey[] {
  return (set as Record<symbol, KnownKey[] | undefined>)[KNOWN_KEYS] ?? [];
}
