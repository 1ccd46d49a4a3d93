// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * The peer answered a request with an `Error`. `errorCode` is the wire
 * `ErrorCodes` value, `errorName` its name (`"INVALID"`, …, or
 * `"UNKNOWN_<n>"` for a value this schema does not list).
 *
 * @example
 * if (isRelayError(error) && error.errorCode === ErrorCodes.OUT_OF_STOCK) console.log("change the order");
 */
export class RelayError extends NetworkSchemaError {
  override name = "RelayError";
  readonly errorCode: ErrorCodes;
  readonly errorName: string;
  /** The peer's human-readable text; for logs, not for parsing. */
  readonly relayMessage: string;
  constructor({ errorCode, relayMessage, path = "response.error" }: { errorCode: ErrorCodes; relayMessage: string; path?: string }) {
    const errorName = (ErrorCodes as unknown as Record<number, string | undefined>)[errorCode] ?? `UNKNOWN_${errorCode}`;
    super("RELAY_ERROR", `peer refused the request: ${errorName}${relayMessage === "" ? "" : ` (${relayMessage})`}`, { path });
    this.errorCode = errorCode;
    this.errorName = errorName;
    this.relayMessage = relayMessage;
  }
}

/** @example if (isRelayError(error)) console.log(error.errorName); */
export function isRelayError(value: unknown): value is RelayError {
  return isNamedError(value, "RelayError");
}
