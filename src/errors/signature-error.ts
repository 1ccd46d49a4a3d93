// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/** Why a signature was refused before any recovery was tried. */
export type SignatureProblem = "LENGTH" | "V" | "R_RANGE" | "S_RANGE" | "HIGH_S" | "NOT_RECOVERABLE" | "ENCODING";

/**
 * A signature is malformed or not in canonical form (65 bytes, v 27/28, low s).
 *
 * @example
 * if (isSignatureError(error) && error.problem === "HIGH_S") console.log("malleable signature refused");
 */
export class SignatureError extends NetworkSchemaError {
  override name = "SignatureError";
  readonly problem: SignatureProblem;
  constructor({ problem, expected, path = "signature", cause }: { problem: SignatureProblem; expected: string; path?: string; cause?: unknown }) {
    super("INVALID_SIGNATURE", expected, { path, cause });
    this.problem = problem;
  }
}

/** @example if (isSignatureError(error)) console.log(error.problem); */
export function isSignatureError(value: unknown): value is SignatureError {
  return isNamedError(value, "SignatureError");
}
