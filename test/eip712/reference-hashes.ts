// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The same typed data hashed by three independent EIP-712 implementations,
// each fed the way its users feed it.
import { SignTypedDataVersion, TypedDataUtils } from "@metamask/eth-sig-util";
import { TypedDataEncoder, type TypedDataField } from "ethers";
import { bytesToHex, type Hex, hashTypedData } from "viem";
import type { TypedData } from "../../src/index.js";
import { toJsonTypedData } from "./typed-data-json.js";

type AnyTypedData = TypedData<never> | { domain: object; types: object; primaryType: string; message: object };

/** viem: the typed data object as the library returns it (bigints and all). */
export function viemDigest(typedData: AnyTypedData): Hex {
  return hashTypedData(typedData as Parameters<typeof hashTypedData>[0]);
}

/** ethers: domain, types without EIP712Domain (ethers derives it from the domain), message. */
export function ethersDigest(typedData: AnyTypedData): Hex {
  const { EIP712Domain: _domainType, ...types } = typedData.types as Record<string, TypedDataField[]>;
  return TypedDataEncoder.hash(typedData.domain as Record<string, unknown>, types, typedData.message as Record<string, unknown>) as Hex;
}

/**
 * MetaMask's eth-sig-util, V4, on the JSON-RPC form: bigints as decimal
 * strings (see toJsonTypedData), exactly what a wallet receives.
 */
export function metamaskDigest(typedData: AnyTypedData): Hex {
  const json = toJsonTypedData(typedData) as unknown as Parameters<typeof TypedDataUtils.eip712Hash>[0];
  return bytesToHex(TypedDataUtils.eip712Hash(json, SignTypedDataVersion.V4));
}
