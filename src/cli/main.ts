#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `massmarket-schema`: decode wire bytes, build typed data, hash, sign, verify and recover.
import { parseArgs } from "node:util";
import { isNetworkSchemaError } from "../errors/base.js";
import { COMMON_OPTIONS, type CliCommand, type CliOutput } from "./command.js";
import { decode } from "./commands/decode.js";
import { hash } from "./commands/hash.js";
import { recover } from "./commands/recover.js";
import { repair } from "./commands/repair.js";
import { sign } from "./commands/sign.js";
import { typedData } from "./commands/typed-data.js";
import { verify } from "./commands/verify.js";
import { CliFailure, EXIT } from "./exit-codes.js";
import { RELAY_USAGE } from "./relay-usage.js";
import { REPLAY_USAGE, runReplay } from "./replay.js";

// One line per command: add a command by importing it and naming it here. A command
// that parses its own arguments registers as { summary, usage, runArgv: (argv) => output }.
const COMMANDS: Readonly<Record<string, CliCommand>> = {
  decode,
  "typed-data": typedData,
  hash,
  sign,
  verify,
  recover,
  relay: {
    summary: "run the reference relay on loopback, in memory or on disk with --data (development and tests)",
    usage: RELAY_USAGE,
    // Loaded on demand: only this command needs the server side. It prints as it runs.
    runArgv: async (argv) => {
      const { runRelayCommand } = await import("./relay-command.js");
      await runRelayCommand({ argv, print: (line) => process.stdout.write(`${line}\n`) });
      return "";
    },
  },
  repair,
  replay: { summary: "rebuild a shop from its signed log: print the state, or the first refused event", usage: REPLAY_USAGE, runArgv: runReplay },
};

function mainUsage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(11)} ${c.summary}`);
  return `Usage: massmarket-schema <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun massmarket-schema <command> --help for details.\nExit codes: 0 ok, 1 signature does not match (verify) or an event is refused (replay), 2 usage error, 3 bad input.`;
}

async function run(argv: readonly string[]): Promise<{ output: string; exitCode: number }> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") return { output: mainUsage(), exitCode: EXIT.OK };
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) throw new CliFailure(EXIT.USAGE, `unknown command "${name}"\n\n${mainUsage()}`);
  if ("runArgv" in command) return outcome(await command.runArgv(rest));
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new CliFailure(EXIT.USAGE, `${(cause as Error).message}\n\nUsage: ${command.usage}`);
  }
  if (parsed.values.help === true) return { output: `Usage: ${command.usage}`, exitCode: EXIT.OK };
  return outcome(await command.run({ values: parsed.values, positionals: parsed.positionals }));
}

function outcome(result: CliOutput): { output: string; exitCode: number } {
  return typeof result === "string" ? { output: result, exitCode: EXIT.OK } : { output: result.output, exitCode: result.exitCode };
}

// Every failure is one line on stderr; only verify's "does not match" exits 1.
function fail(error: unknown): void {
  if (error instanceof CliFailure) {
    process.stderr.write(`massmarket-schema: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (isNetworkSchemaError(error)) {
    process.stderr.write(`massmarket-schema: ${error.code}: ${error.message}\n`);
    process.exitCode = EXIT.BAD_INPUT;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`massmarket-schema: unexpected error: ${message.split("\n")[0]}\n`);
    if (process.env.MASSMARKET_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
    process.exitCode = EXIT.BAD_INPUT;
  }
}

try {
  const { output, exitCode } = await run(process.argv.slice(2));
  // A command that printed as it went (e.g. a server) returns "".
  if (output !== "") process.stdout.write(`${output}\n`);
  process.exitCode = exitCode;
} catch (error) {
  fail(error);
}
