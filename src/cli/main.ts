#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `massmarket-schema`: decode wire bytes, build typed data, hash, sign and verify events.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type Address, type Hex, isHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { isNetworkSchemaError } from "../errors/base.js";
import type { EventDomain } from "../eip712/domain.js";
import { eventTypedData } from "../eip712/event-typed-data.js";
import { hashEvent } from "../eip712/hash-event.js";
import { recoverEventSigner } from "../eip712/recover-event-signer.js";
import { signEvent } from "../eip712/sign-event.js";
import { openSignedEvent } from "../wire/open-signed-event.js";
import { readEvent } from "./event-input.js";
import { REPLAY_USAGE, runReplay } from "./replay.js";
import { CliFailure, EXIT } from "./exit-codes.js";
import { type Encoding, readBytes } from "./input.js";
import { decodeMessage, MESSAGE_TYPES, type MessageType, toJsonText } from "./messages.js";
import { RELAY_USAGE } from "./relay-usage.js";

const INPUT_HELP = `Input: the positional argument (hex, 0x-hex or base64; proto3 JSON for events),
  --file PATH (binary, hex or base64 text, or JSON), or - to read stdin.
  --hex / --base64 force the text encoding.`;
const DOMAIN_HELP = `Domain: --chain-id N --registry 0xADDRESS (the shop registry contract), both required.`;

const COMMANDS = {
  decode: {
    summary: "print ShopEvent, SignedEvent or Envelope bytes as proto3 JSON",
    usage: `massmarket-schema decode [--type shop-event|signed-event|envelope] INPUT\n\n${INPUT_HELP}\nWithout --type the kind is detected (the guess is printed on stderr).`,
  },
  "typed-data": {
    summary: "print the EIP-712 typed data of an event, for a wallet's eth_signTypedData_v4",
    usage: `massmarket-schema typed-data --chain-id N --registry 0xADDRESS EVENT\n\n${INPUT_HELP}\n${DOMAIN_HELP}`,
  },
  hash: {
    summary: "print the EIP-712 digest of an event",
    usage: `massmarket-schema hash --chain-id N --registry 0xADDRESS EVENT\n\n${INPUT_HELP}\n${DOMAIN_HELP}`,
  },
  sign: {
    summary: "sign an event (EIP-712) with a key read from a file",
    usage: `massmarket-schema sign --key-file PATH --chain-id N --registry 0xADDRESS EVENT\n\n${INPUT_HELP}\n${DOMAIN_HELP}\nThe key file holds one 0x-prefixed 32-byte hex private key. Prints the 65-byte signature.`,
  },
  verify: {
    summary: "check who signed an event or a SignedEvent",
    usage: `massmarket-schema verify --chain-id N --registry 0xADDRESS --signature 0xSIG [--address 0xADDR] EVENT
massmarket-schema verify --signed-event [--scheme eip712|eip191] [--chain-id N --registry 0xADDRESS] [--address 0xADDR] SIGNED_EVENT

${INPUT_HELP}
${DOMAIN_HELP} (not needed with --scheme eip191)
Prints the signer. With --address, exits 1 when the signer differs.`,
  },
  relay: { summary: "run the in-memory reference relay on loopback (development and tests)", usage: RELAY_USAGE },
  replay: { summary: "rebuild a shop from its signed log: print the state, or the first refused event", usage: REPLAY_USAGE },
} as const;
type Command = keyof typeof COMMANDS;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  file: { type: "string" },
  hex: { type: "boolean" },
  base64: { type: "boolean" },
  type: { type: "string" },
  "chain-id": { type: "string" },
  registry: { type: "string" },
  "key-file": { type: "string" },
  signature: { type: "string" },
  address: { type: "string" },
  "signed-event": { type: "boolean" },
  scheme: { type: "string" },
} as const;

function mainUsage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(11)} ${c.summary}`);
  return `Usage: massmarket-schema <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun massmarket-schema <command> --help for details.\nExit codes: 0 ok, 1 signature does not match (verify) or an event is refused (replay), 2 usage error, 3 bad input.`;
}

async function run(argv: readonly string[]): Promise<string> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") return mainUsage();
  if (!(name in COMMANDS)) throw new CliFailure(EXIT.USAGE, `unknown command "${name}"\n\n${mainUsage()}`);
  const command = name as Command;
  if (command === "relay") {
    // Loaded on demand: only this command needs the server side.
    const { runRelayCommand } = await import("./relay-command.js");
    await runRelayCommand({ argv: rest, print: (line) => process.stdout.write(`${line}\n`) });
    return "";
  }
  if (command === "replay") return runReplay(rest);
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new CliFailure(EXIT.USAGE, `${(cause as Error).message}\n\nUsage: ${COMMANDS[command].usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return `Usage: ${COMMANDS[command].usage}`;
  if (positionals.length > 1) throw new CliFailure(EXIT.USAGE, `expected one input, got ${positionals.length}\n\nUsage: ${COMMANDS[command].usage}`);
  const encoding: Encoding = values.hex ? "hex" : values.base64 ? "base64" : "auto";
  const input = { positional: positionals[0], file: values.file, encoding };
  switch (command) {
    case "decode": {
      const type = values.type ?? "auto";
      if (type !== "auto" && !MESSAGE_TYPES.includes(type as MessageType)) throw new CliFailure(EXIT.USAGE, `--type must be one of ${MESSAGE_TYPES.join(", ")}`);
      const decoded = decodeMessage({ bytes: readBytes(input), type: type as MessageType | "auto" });
      if (type === "auto") process.stderr.write(`detected: ${decoded.type}\n`);
      return toJsonText({ decoded });
    }
    case "typed-data":
      return JSON.stringify(eventTypedData({ event: readEvent(input), domain: domainFrom(values) }), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
    case "hash":
      return hashEvent({ event: readEvent(input), domain: domainFrom(values) });
    case "sign": {
      if (values["key-file"] === undefined) throw new CliFailure(EXIT.USAGE, "sign needs --key-file PATH");
      const account = privateKeyToAccount(readKey(values["key-file"]));
      return await signEvent({ event: readEvent(input), domain: domainFrom(values), account });
    }
    case "verify": {
      const signer = values["signed-event"]
        ? openSigned(readBytes(input), values)
        : recoverEventSigner({ event: readEvent(input), domain: domainFrom(values), signature: requireHex(values.signature, "--signature") });
      if (values.address !== undefined && signer.toLowerCase() !== values.address.toLowerCase()) {
        throw new CliFailure(EXIT.INVALID_SIGNATURE, `signature does not match: signed by ${signer}, expected ${values.address}`);
      }
      return values.address === undefined ? signer : `valid: signed by ${signer}`;
    }
  }
}

function openSigned(bytes: Uint8Array, values: { scheme?: string | undefined; "chain-id"?: string | undefined; registry?: string | undefined }): Address {
  const scheme = values.scheme ?? "eip712";
  if (scheme === "eip191") return openSignedEvent({ signedEvent: bytes, scheme }).signer;
  if (scheme !== "eip712") throw new CliFailure(EXIT.USAGE, "--scheme must be eip712 or eip191");
  return openSignedEvent({ signedEvent: bytes, scheme, domain: domainFrom(values) }).signer;
}

function domainFrom(values: { "chain-id"?: string | undefined; registry?: string | undefined }): EventDomain {
  const chainId = values["chain-id"];
  if (chainId === undefined || values.registry === undefined) throw new CliFailure(EXIT.USAGE, "this command needs --chain-id N and --registry 0xADDRESS");
  if (!/^[0-9]+$/.test(chainId)) throw new CliFailure(EXIT.USAGE, `--chain-id must be a decimal integer, got "${chainId}"`);
  return { chainId: BigInt(chainId), verifyingContract: values.registry as Address };
}

function requireHex(value: string | undefined, flag: string): Hex {
  if (value === undefined) throw new CliFailure(EXIT.USAGE, `verify needs ${flag} 0x…`);
  if (!isHex(value)) throw new CliFailure(EXIT.BAD_INPUT, `${flag} must be 0x-prefixed hex`);
  return value;
}

function readKey(path: string): Hex {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch (cause) {
    throw new CliFailure(EXIT.BAD_INPUT, `cannot read key file ${path}: ${(cause as Error).message}`);
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(text)) throw new CliFailure(EXIT.BAD_INPUT, `key file ${path} must hold one 0x-prefixed 32-byte hex private key`);
  return text as Hex;
}

try {
  const output = await run(process.argv.slice(2));
  if (output !== "") process.stdout.write(`${output}\n`);
} catch (error) {
  if (error instanceof CliFailure) {
    process.stderr.write(`massmarket-schema: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (isNetworkSchemaError(error)) {
    process.stderr.write(`massmarket-schema: ${error.code}: ${error.message}\n`);
    process.exitCode = EXIT.BAD_INPUT;
  } else {
    throw error;
  }
}
