// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import { checksumAddress } from "../crypto/checksum-address.js";
import type { EthereumAddress } from "../../gen/market/mass/base_types_pb.js";
import { objectParameter } from "../errors/object-parameter.js";
import { pathOption } from "./path-option.js";
import { wrapperRaw } from "./wrapper-raw.js";

/**
 * The checksummed address an `EthereumAddress` message holds (inverse of {@link ethereumAddress}).
 *
 * @throws FieldValueError (WRONG_TYPE, WRONG_LENGTH)
 * @example
 * ethereumAddressValue({ ethereumAddress: ethereumAddress({ address: account.address }) }) === account.address // true
 */
export function ethereumAddressValue(parameters: { ethereumAddress: EthereumAddress | undefined; path?: string }): Address {
  const { ethereumAddress, path: given } = objectParameter(parameters);
  const path = pathOption(given, "ethereumAddress");
  return checksumAddress(bytesToHex(wrapperRaw({ message: ethereumAddress, typeName: "market.mass.EthereumAddress", length: 20, path })));
}
