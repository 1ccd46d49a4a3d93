// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Reads what a command works on, from an argument, a file or stdin, as bytes or JSON text.
import { existsSync, readFileSync, statSync } from "node:fs";
import { type CliArgs, stringOption } from "./command.js";
import { CliFailure, EXIT } from "./exit-codes.js";

/** How the input is read: forced by --hex / --base64 / --binary, or detected. */
export type Encoding = "hex" | "base64" | "binary" | "auto";

/** The input: bytes, or JSON text (only events are given as JSON). */
export type Input = { readonly kind: "bytes"; readonly bytes: Uint8Array } | { readonly kind: "json"; readonly text: string };

const HEX = /^(0[xX])?(?:[0-9a-fA-F]{2})*$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** The input of a command line: `--file PATH`, `-` (stdin), a path, or the argument's text. */
export function readInput(args: CliArgs): Input {
  const encoding = encodingOf(args);
  const file = stringOption(args, "file");
  const positional = args.positionals[0];
  if (file !== undefined && positional !== undefined) throw new CliFailure(EXIT.USAGE, "give the input either as an argument or with --file, not both");
  if (args.positionals.length > 1) throw new CliFailure(EXIT.USAGE, `expected one input, got ${args.positionals.length}`);
  if (file !== undefined) return fromBytes(readSource(file), encoding);
  if (positional === undefined) throw new CliFailure(EXIT.USAGE, "no input: give it as an argument, with --file PATH, or - for stdin");
  if (positional === "-") return fromBytes(readSource("-"), encoding);
  // JSON and 0x-hex are never paths; anything else names a file when one exists there.
  if (!/^\s*(\{|0[xX])/.test(positional) && existsSync(positional) && statSync(positional).isFile()) return fromBytes(readSource(positional), encoding);
  if (encoding === "binary") throw new CliFailure(EXIT.USAGE, "--binary needs the input from a file or stdin");
  return fromText(positional.trim(), encoding);
}

function encodingOf(args: CliArgs): Encoding {
  const forced = (["hex", "base64", "binary"] as const).filter((name) => args.values[name] === true);
  if (forced.length > 1) throw new CliFailure(EXIT.USAGE, `choose one of --${forced.join(", --")}`);
  return forced[0] ?? "auto";
}

function readSource(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path === "-" ? 0 : path));
  } catch (cause) {
    throw new CliFailure(EXIT.BAD_INPUT, `cannot read ${path === "-" ? "stdin" : path}: ${(cause as Error).message}`);
  }
}

// Text (hex, base64, JSON) is recognised when the bytes are UTF-8 and look like it; anything else is binary.
function fromBytes(raw: Uint8Array, encoding: Encoding): Input {
  if (encoding === "binary") return { kind: "bytes", bytes: raw };
  let text: string | undefined;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw).trim();
  } catch {
    text = undefined;
  }
  if (encoding !== "auto") {
    if (text === undefined) throw new CliFailure(EXIT.BAD_INPUT, `input is not ${encoding} text`);
    return fromText(text, encoding);
  }
  if (text !== undefined && (text.startsWith("{") || (text !== "" && (HEX.test(text) || BASE64.test(text))))) return fromText(text, "auto");
  if (raw.length === 0) throw new CliFailure(EXIT.BAD_INPUT, "input is empty");
  return { kind: "bytes", bytes: raw };
}

function fromText(text: string, encoding: Encoding): Input {
  if (text === "") throw new CliFailure(EXIT.BAD_INPUT, "input is empty");
  if (encoding === "auto" && text.startsWith("{")) return { kind: "json", text };
  const isHex = HEX.test(text);
  if (encoding === "hex" || (encoding === "auto" && (isHex || /^0[xX]/.test(text)))) {
    if (!isHex) throw new CliFailure(EXIT.BAD_INPUT, "input is not hex: expected an even number of hex digits, optionally prefixed by 0x");
    return { kind: "bytes", bytes: Uint8Array.from(Buffer.from(text.replace(/^0[xX]/, ""), "hex")) };
  }
  if (!BASE64.test(text)) throw new CliFailure(EXIT.BAD_INPUT, "input is neither hex, base64 nor JSON");
  return { kind: "bytes", bytes: Uint8Array.from(Buffer.from(text, "base64")) };
}

/** The input as bytes; JSON is refused with the reason. */
export function readBytes(args: CliArgs, what: string): Uint8Array {
  const input = readInput(args);
  if (input.kind === "json") throw new CliFailure(EXIT.BAD_INPUT, `expected ${what} as bytes (hex, base64 or binary), got JSON`);
  return input.bytes;
}
