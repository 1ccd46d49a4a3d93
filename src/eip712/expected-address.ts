// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import { isAddress } from "../crypto/checksum-address.js";
import { FieldValueError } from "../errors/field-value-error.js";

/**
 * The address a verify call expects, checked up front: a value that is no
 * address is a caller bug, so it throws instead of verifying as false.
 * @example const expected = expectedAddress({ address }); sameAddress({ a: signer, b: expected });
 */
export function expectedAddress({ address }: { address: unknown }): Address {
  if (typeof address !== "string" || !isAddress(address, { strict: false })) {
    throw new FieldValueError("WRONG_TYPE", "expected an Ethereum address, 0x + 40 hex digits", { path: "address" });
  }
  return address;
}

/** Address equality, ignoring checksum case. @example sameAddress({ a: signer, b: address }) */
export function sameAddress({ a, b }: { a: Address; b: Address }): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
