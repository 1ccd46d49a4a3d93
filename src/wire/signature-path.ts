// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isSignatureError, SignatureError } from "../errors/signature-error.js";

/**
 * Runs `parse`, re-rooting a SignatureError at `path` (parseSignature names only "signature").
 * @example withSignaturePath("signedEvent.signature.raw", () => parseSignature({ signature }))
 */
export function withSignaturePath<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isSignatureError(error) && error.path !== path) {
      throw new SignatureError({ problem: error.problem, expected: error.shortMessage, path, cause: error });
    }
    throw error;
  }
}
