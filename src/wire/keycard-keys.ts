// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The keycard of a KeycardSet that openSignedEvent checks before recovering:
// the first one given as a public key, kept under a private symbol.
import type { KnownKey } from "../signature/known-signer.js";

const EXPECTED_KEY = Symbol("first keycard given as a public key");

/** Attaches the expected key (or none) to a keycard set object under construction. */
export function withExpectedKey<T extends object>(set: T, key: KnownKey | undefined): T {
  return Object.defineProperty(set, EXPECTED_KEY, { value: key, enumerable: false });
}

/** The first keycard of a set given as a public key; its table is built on first use and kept. */
export function expectedKey(set: object): KnownKey | undefined {
  return (set as Record<symbol, KnownKey | undefined>)[EXPECTED_KEY];
}
