// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What a KeycardSet carries for openSignedEvent under private symbols: the
// keycard it checks before recovering (the first one given as a public key),
// and the LRU of keycard tables its verifications share.
import { KnownKeyCache } from "../signature/known-key-cache.js";
import type { KnownKey } from "../signature/known-signer.js";

const EXPECTED_KEY = Symbol("first keycard given as a public key");
const KNOWN_KEYS = Symbol("keycard tables");

/** Attaches the expected key (or none) and a table cache (a new one unless given) to a keycard set under construction. */
export function withExpectedKey<T extends object>(set: T, key: KnownKey | undefined, cache = new KnownKeyCache()): T {
  Object.defineProperty(set, KNOWN_KEYS, { value: cache, enumerable: false });
  return Object.defineProperty(set, EXPECTED_KEY, { value: key, enumerable: false });
}

/** The first keycard of a set given as a public key. */
export function expectedKey(set: object): KnownKey | undefined {
  return (set as Record<symbol, KnownKey | undefined>)[EXPECTED_KEY];
}

/** The set's table cache (a set from another copy of the package has none). */
export function knownKeyCache(set: object): KnownKeyCache | undefined {
  return (set as Record<symbol, KnownKeyCache | undefined>)[KNOWN_KEYS];
}
