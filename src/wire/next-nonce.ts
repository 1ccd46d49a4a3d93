// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import { EventRejectedError } from "../errors/event-rejected-error.js";
import type { NonceTracker } from "./nonce-tracker.js";
import { nonceValue, storedNonce, trackedAddress, trackerNonces } from "./tracked-nonce.js";

/** Checks one event's nonce against `nonces` and returns the tracker key and value to store (internal: a ShopFold stores them in place). */
export function nextNonce(nonces: NonceTracker, signer: string, nonce: bigint): { key: Address; value: string } {
  const value = nonceValue({ nonce, path: "nonce" });
  const key = trackedAddress({ address: signer, path: "signer" });
  const last = storedNonce(trackerNonces({ nonces }), key);
  if (last !== null && value <= last) {
    throw new EventRejectedError({
      failures: [{ code: "NONCE_NOT_INCREASING", path: "event.nonce", message: `nonce ${value} is not greater than the last accepted nonce ${last}` }],
    });
  }
  return { key, value: value.toString() };
}
