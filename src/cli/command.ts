// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What a command of massmarket-schema is: its help text, its own options and what it does.

/** The parsed command line of one command: option values and positional arguments. */
export interface CliArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** What a command prints on stdout, and its exit code when not 0. */
export type CliOutput = string | { readonly output: string; readonly exitCode: number };

/** One command: registered by name in main.ts. */
export type CliCommand = {
  /** One line for the command list. */
  readonly summary: string;
  /** The text of `massmarket-schema <command> --help`. */
  readonly usage: string;
} & (
  | {
      /** Options beyond the common ones (--help, --file and the input encodings). */
      readonly options?: Readonly<Record<string, { readonly type: "string" | "boolean" }>>;
      /** Runs with the options parsed by main.ts. */
      run(args: CliArgs): CliOutput | Promise<CliOutput>;
    }
  | {
      /** Runs a command that parses its own arguments (everything after its name). */
      runArgv(argv: readonly string[]): CliOutput | Promise<CliOutput>;
    }
);

/** Options every command takes. */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  file: { type: "string" },
  hex: { type: "boolean" },
  base64: { type: "boolean" },
  binary: { type: "boolean" },
} as const;

/** Help text shared by every command that reads an input. */
export const INPUT_HELP = `Input: the positional argument (hex, 0x-hex, base64, proto3 JSON for events, or the path of a file),
  --file PATH (binary, hex or base64 text, or JSON), or - (or --file -) to read stdin, binary or text.
  --hex / --base64 / --binary force how the input is read. In event JSON, bytes may be 0x-hex or base64.`;

/** The one string option `name`, or undefined. */
export function stringOption(args: CliArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}
