// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { objectParameter } from "../errors/object-parameter.js";
import type { NonceTracker } from "./nonce-tracker.js";
import { storedNonce, trackedAddress, trackerNonces } from "./tracked-nonce.js";

export interface LastNonceParameters {
  readonly nonces: NonceTracker;
  /** The keycard address (any case). */
  readonly signer: string;
}

/**
 * The largest nonce accepted from `signer`, or `null` when it has not written yet.
 *
 * @throws FieldValueError for a malformed tracker or address
 * @example
 * lastNonce({ nonces, signer: opened.signer }) // 4n, or null for a new keycard
 */
export function lastNonce(parameters: LastNonceParameters): bigint | null {
  const { nonces, signer } = objectParameter(parameters);
  return storedNonce(trackerNonces({ nonces }), trackedAddress({ address: signer, path: "signer" }));
}

