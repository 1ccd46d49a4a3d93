// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Reads the bytes or JSON a command works on: an argument, a file, or stdin.
import { readFileSync } from "node:fs";
import { CliFailure, EXIT } from "./exit-codes.js";

export type Encoding = "hex" | "base64" | "auto";

/** Text from `--file PATH`, `-` (stdin) or the positional argument itself. */
export function readText({ positional, file }: { positional: string | undefined; file: string | undefined }): string {
  if (file !== undefined) return readFile(file).toString("utf8");
  if (positional === "-" ) return readFileSync(0).toString("utf8");
  if (positional === undefined) throw new CliFailure(EXIT.USAGE, "no input: give it as an argument, with --file PATH, or - for stdin");
  return positional;
}

/** Bytes from hex/base64 text, or raw bytes of a binary `--file`. */
export function readBytes({ positional, file, encoding }: { positional: string | undefined; file: string | undefined; encoding: Encoding }): Uint8Array {
  if (file !== undefined && encoding === "auto") {
    const raw = readFile(file);
    const text = raw.toString("utf8").trim();
    // A file of hex or base64 text is decoded; anything else is taken as raw protobuf bytes.
    if (/^(0x)?[0-9a-fA-F]*$/.test(text) || /^[A-Za-z0-9+/_-]+=*$/.test(text)) return decodeText(text, "auto");
    return new Uint8Array(raw);
  }
  return decodeText(readText({ positional, file }).trim(), encoding);
}

function decodeText(text: string, encoding: Encoding): Uint8Array {
  const hex = text.startsWith("0x") || text.startsWith("0X") ? text.slice(2) : text;
  const looksHex = /^[0-9a-fA-F]*$/.test(hex) && hex.length % 2 === 0;
  if (encoding === "hex" || (encoding === "auto" && looksHex)) {
    if (!looksHex) throw new CliFailure(EXIT.BAD_INPUT, "input is not hex: expected an even number of hex digits, optionally prefixed by 0x");
    return Uint8Array.from(Buffer.from(hex, "hex"));
  }
  if (!/^[A-Za-z0-9+/_-]*=*$/.test(text)) throw new CliFailure(EXIT.BAD_INPUT, "input is neither hex nor base64");
  return Uint8Array.from(Buffer.from(text, "base64"));
}

function readFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new CliFailure(EXIT.BAD_INPUT, `cannot read ${path}: ${(cause as Error).message}`);
  }
}
