// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The keycards of a KeycardSet that were given as public keys, kept under a
// private symbol: internal to the package, read by openSignedEvent.
import { createKnownKeys, type KnownKey, type KnownKeys } from "../signature/known-signer.js";

const KNOWN_KEYS = Symbol("keycards given as public keys");

/** Attaches `keys` to a keycard set object under construction. */
export function withKnownKeys<T extends object>(set: T, keys: readonly KnownKey[]): T {
  return Object.defineProperty(set, KNOWN_KEYS, { value: createKnownKeys(keys), enumerable: false });
}

const NONE: KnownKeys = createKnownKeys([]);

/** The keycards of a set that were given as public keys; `recent` changes with use. */
export function knownKeys(set: object): KnownKeys {
  return (set as Record<symbol, KnownKeys | undefined>)[KNOWN_KEYS] ?? NONE;
}
