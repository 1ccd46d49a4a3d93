// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { nonceValue, trackedAddress } from "./tracked-nonce.js";

/**
 * Last accepted nonce per keycard, as plain data: checksummed address →
 * nonce as a decimal string, so it survives `JSON.stringify`/`structuredClone`
 * and a relay can store it with the shop. No hidden state: the functions that
 * read it ({@link lastNonce}) and advance it ({@link advanceNonce}) are pure
 * and return a new tracker; advance it event by event, so the second of two
 * events with the same or a lower nonce in one batch is refused.
 */
export interface NonceTracker {
  readonly lastNonces: Readonly<Record<Address, string>>;
}

export interface CreateNonceTrackerParameters {
  /** Nonces already accepted, e.g. loaded from storage; addresses in any case, nonces as bigint or decimal string. */
  readonly lastNonces?: Readonly<Record<string, bigint | string>> | undefined;
}

/**
 * A {@link NonceTracker}, empty or from stored nonces (checked and normalised).
 *
 * @throws FieldValueError naming `lastNonces[address]`
 * @example
 * let nonces = createNonceTracker({});
 * nonces = advanceNonce({ nonces, signer: opened.signer, nonce: opened.event.nonce });
 * const stored = JSON.stringify(nonces); // later: createNonceTracker(JSON.parse(stored))
 */
export function createNonceTracker(parameters: CreateNonceTrackerParameters = {}): NonceTracker {
  const { lastNonces = {} } = objectParameter(parameters);
  if (typeof lastNonces !== "object" || lastNonces === null || Array.isArray(lastNonces)) {
    throw new FieldValueError("WRONG_TYPE", "expected an object of address → nonce", { path: "lastNonces" });
  }
  const normalised: Record<Address, string> = {};
  for (const [address, nonce] of Object.entries(lastNonces)) {
    const path = `lastNonces[${JSON.stringify(address)}]`;
    const key = trackedAddress({ address, path });
    if (Object.hasOwn(normalised, key)) throw new FieldValueError("WRONG_TYPE", "expected each keycard once (addresses differ only in case)", { path });
    normalised[key] = nonceValue({ nonce, path }).toString();
  }
  return Object.freeze({ lastNonces: Object.freeze(normalised) });
}
