// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import type { Address } from "viem";
import { hexToBytes } from "../crypto/hex.js";
import { isAddress } from "../crypto/checksum-address.js";
import { type EthereumAddress, EthereumAddressSchema } from "../../gen/market/mass/base_types_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { pathOption } from "./path-option.js";

/**
 * An `EthereumAddress` message (exactly 20 bytes) from 0x + 40 hex digits (a mixed-case address
 * must carry a valid EIP-55 checksum) or 20 bytes.
 *
 * @throws FieldValueError (WRONG_TYPE, WRONG_LENGTH)
 * @example
 * const payee = ethereumAddress({ address: account.address });
 */
export function ethereumAddress(parameters: { address: Address | Uint8Array; path?: string }): EthereumAddress {
  const { address, path: given } = objectParameter(parameters);
  const path = pathOption(given, "address");
  if (address instanceof Uint8Array) {
    if (address.length !== 20) throw new FieldValueError("WRONG_LENGTH", `expected exactly 20 bytes for an address, got ${address.length}`, { path });
    return create(EthereumAddressSchema, { raw: address.slice() });
  }
  if (typeof address !== "string" || !isAddress(address)) {
    throw new FieldValueError("WRONG_TYPE", `expected an address, 0x + 40 hex digits (valid checksum if mixed case), got ${typeof address === "string" ? JSON.stringify(address) : typeof address}`, { path });
  }
  return create(EthereumAddressSchema, { raw: hexToBytes(address) });
}
