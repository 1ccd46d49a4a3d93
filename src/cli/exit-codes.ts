// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/** Exit codes of the `massmarket-schema` command (documented in its --help and the README). */
export const EXIT = {
  /** Done; for `verify`, the signature is valid. */
  OK: 0,
  /** `verify` ran and the signature does not match. */
  INVALID_SIGNATURE: 1,
  /** Wrong command line: unknown command or option, missing argument. */
  USAGE: 2,
  /** The input could not be read or decoded, or was refused (typed error printed). */
  BAD_INPUT: 3,
} as const;

/** A failure that ends the command with a given exit code and message. */
export class CliFailure extends Error {
  override name = "CliFailure";
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
