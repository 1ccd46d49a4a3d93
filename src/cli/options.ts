// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Options several commands share: the signing domain, the signature, the expected address, the key file.
import { readFileSync } from "node:fs";
import { secp256k1 } from "@noble/curves/secp256k1";
import type { Address, Hex } from "viem";
import { isHex } from "../crypto/hex.js";
import { isAddress } from "../crypto/checksum-address.js";
import type { EventDomain } from "../eip712/domain.js";
import { type CliArgs, stringOption } from "./command.js";
import { CliFailure, EXIT } from "./exit-codes.js";

/** Options naming the EIP-712 domain. */
export const DOMAIN_OPTIONS = { "chain-id": { type: "string" }, registry: { type: "string" } } as const;

/** Help text for the domain options. */
export const DOMAIN_HELP = "Domain: --chain-id N --registry 0xADDRESS (the shop registry contract), both required.";

/** The domain from --chain-id and --registry. */
export function domainOption(args: CliArgs): EventDomain {
  const chainId = stringOption(args, "chain-id");
  const registry = stringOption(args, "registry");
  if (chainId === undefined || registry === undefined) throw new CliFailure(EXIT.USAGE, "this command needs --chain-id N and --registry 0xADDRESS");
  if (!/^[0-9]+$/.test(chainId)) throw new CliFailure(EXIT.BAD_INPUT, `--chain-id must be a decimal integer, got "${chainId}"`);
  return { chainId: BigInt(chainId), verifyingContract: registry as Address };
}

/** The 0x-hex value of a required option. */
export function hexOption(args: CliArgs, name: string): Hex {
  const value = stringOption(args, name);
  if (value === undefined) throw new CliFailure(EXIT.USAGE, `this command needs --${name} 0x…`);
  if (!isHex(value, { strict: true })) throw new CliFailure(EXIT.BAD_INPUT, `--${name} must be 0x-prefixed hex, got "${value}"`);
  return value;
}

/** The address of a required --address option. */
export function addressOption(args: CliArgs): Address {
  const value = stringOption(args, "address");
  if (value === undefined) throw new CliFailure(EXIT.USAGE, "verify needs --address 0xADDRESS, the keycard the event must be signed by (to print the signer without checking it, use recover)");
  if (!isAddress(value)) throw new CliFailure(EXIT.BAD_INPUT, `--address must be 0x + 40 hex digits (with a valid checksum if mixed case), got "${value}"`);
  return value;
}

/** The private key in a key file: one 0x-prefixed 32-byte hex key in 1 … n−1. */
export function keyFileOption(args: CliArgs): Hex {
  const path = stringOption(args, "key-file");
  if (path === undefined) throw new CliFailure(EXIT.USAGE, "sign needs --key-file PATH");
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch (cause) {
    throw new CliFailure(EXIT.BAD_INPUT, `cannot read key file ${path}: ${(cause as Error).message}`);
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(text)) throw new CliFailure(EXIT.BAD_INPUT, `key file ${path} must hold one 0x-prefixed 32-byte hex private key`);
  const key = BigInt(text);
  if (key === 0n || key >= secp256k1.CURVE.n) throw new CliFailure(EXIT.BAD_INPUT, `key file ${path} holds ${key === 0n ? "zero" : "a number ≥ the curve order n"}, which is not a secp256k1 private key`);
  return text as Hex;
}
