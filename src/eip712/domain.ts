// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import { isAddress } from "../crypto/checksum-address.js";
import { eip712MappingVersion } from "../../gen/market/mass/eip712_pb.js";
import { keccak256 } from "../crypto/keccak.js";
import { DomainError } from "../errors/domain-error.js";

/** Default EIP-712 domain name of every Mass Market signature. */
export const EIP712_DOMAIN_NAME = "MassMarket";

/** Domain version: the mapping version of docs/eip712.md, so a new mapping never verifies old signatures. */
export const EIP712_DOMAIN_VERSION: string = eip712MappingVersion;

/** The EIP712Domain struct every signature of this package uses (all four members, always). */
export const eip712DomainType = [
  { name: "name", type: "string" },
  { name: "version", type: "string" },
  { name: "chainId", type: "uint256" },
  { name: "verifyingContract", type: "address" },
] as const;

/**
 * Where a signature is valid: the chain and shop registry contract, which the
 * caller always supplies (there are no defaults), plus an overridable name/version.
 */
export interface EventDomain {
  /** EIP-155 chain id of the shop registry. */
  readonly chainId: number | bigint;
  /** Address of the shop registry contract. */
  readonly verifyingContract: Address;
  /** Defaults to {@link EIP712_DOMAIN_NAME}. */
  readonly name?: string;
  /** Defaults to {@link EIP712_DOMAIN_VERSION}. */
  readonly version?: string;
}

/** A checked domain with defaults filled in; `chainId` as a bigint, as the uint256 it is. */
export interface ResolvedDomain {
  readonly name: string;
  readonly version: string;
  readonly chainId: bigint;
  readonly verifyingContract: Address;
}

const utf8 = new TextEncoder();
const DOMAIN_TYPE_HASH = keccak256(utf8.encode("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"));
const MAX_UINT256 = 2n ** 256n - 1n;
const separators = new Map<string, Uint8Array>();

/**
 * Checks a domain and fills in name and version.
 * @example resolveDomain({ domain: { chainId: 1, verifyingContract: "0x…" } }).version // "1"
 */
export function resolveDomain({ domain }: { domain: unknown }): ResolvedDomain {
  if (typeof domain !== "object" || domain === null) {
    throw new DomainError({ path: "domain", expected: "an object { chainId, verifyingContract }" });
  }
  const { chainId, verifyingContract, name = EIP712_DOMAIN_NAME, version = EIP712_DOMAIN_VERSION, ...extra } = domain as Record<string, unknown>;
  // A member we do not sign (e.g. `salt`) would otherwise be silently left out of the signature.
  const unexpected = Object.keys(extra).filter((key) => extra[key] !== undefined);
  if (unexpected.length > 0) {
    throw new DomainError({ path: `domain.${unexpected[0]}`, expected: "only name, version, chainId and verifyingContract: this domain has no other members" });
  }
  const chainOk =
    (typeof chainId === "number" && Number.isSafeInteger(chainId) && chainId > 0) ||
    (typeof chainId === "bigint" && chainId > 0n && chainId <= MAX_UINT256);
  if (!chainOk) throw new DomainError({ path: "domain.chainId", expected: "a positive integer chain id (number or bigint)" });
  if (typeof verifyingContract !== "string" || !isAddress(verifyingContract)) {
    throw new DomainError({ path: "domain.verifyingContract", expected: "the shop registry address, 0x + 40 hex digits (valid checksum if mixed case)" });
  }
  if (typeof name !== "string" || name === "" || !name.isWellFormed()) throw new DomainError({ path: "domain.name", expected: "a non-empty string of well-formed Unicode (no lone surrogates)" });
  if (typeof version !== "string" || version === "" || !version.isWellFormed()) {
    throw new DomainError({ path: "domain.version", expected: "a non-empty string of well-formed Unicode (no lone surrogates)" });
  }
  return { name, version, chainId: BigInt(chainId as number | bigint), verifyingContract: verifyingContract as Address };
}

/**
 * hashStruct(EIP712Domain) of a resolved domain, cached per domain.
 * @example domainSeparator({ domain: resolveDomain({ domain }) })
 */
export function domainSeparator({ domain }: { domain: ResolvedDomain }): Uint8Array {
  // JSON of the parts is injective: no two domains share a key, whatever characters their strings hold.
  const key = JSON.stringify([domain.name, domain.version, domain.chainId.toString(), domain.verifyingContract.toLowerCase()]);
  const cached = separators.get(key);
  if (cached) return cached;
  const words = new Uint8Array(160);
  words.set(DOMAIN_TYPE_HASH, 0);
  words.set(keccak256(utf8.encode(domain.name)), 32);
  words.set(keccak256(utf8.encode(domain.version)), 64);
  let chain = domain.chainId;
  for (let k = 127; k >= 96; k--, chain >>= 8n) words[k] = Number(chain & 0xffn);
  const address = domain.verifyingContract.slice(2);
  for (let k = 0; k < 20; k++) words[140 + k] = Number.parseInt(address.slice(2 * k, 2 * k + 2), 16);
  const separator = keccak256(words);
  if (separators.size > 64) separators.clear();
  separators.set(key, separator);
  return separator;
}
