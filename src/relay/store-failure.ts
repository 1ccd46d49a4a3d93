// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A store that failed reaches the client as "retry later", never as a bad event (docs/errors.md, STORE_FAILED):
// TOO_MANY_CONCURRENT_REQUESTS is the schema's only retryable code.
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { RelayError } from "../errors/relay-error.js";

/** The refusal a client gets when the relay's store failed; `detail` says what to do. The cause stays in the relay's log: it may name the database. */
export function storeFailure({ detail }: { detail: string }): RelayError {
  return new RelayError({ errorCode: ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS, rule: "STORE_FAILED", relayMessage: `STORE_FAILED: ${detail}` });
}
