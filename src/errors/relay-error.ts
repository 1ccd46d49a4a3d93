// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { isNamedError, NetworkSchemaError } from "./base.js";

/** What a refusal carries, on the wire (`Error` fields 1–5) and on a RelayError. */
export interface RelayRefusal {
  /** The wire `ErrorCodes` value. */
  readonly errorCode: ErrorCodes;
  /** The peer's human-readable text; for logs, not for parsing. */
  readonly relayMessage: string;
  /** The shop rule or policy code that refused (`"OUT_OF_STOCK"`, `"UNIT_PRICE_NEGATIVE"`, …), when the peer names one. */
  readonly rule?: string | undefined;
  /** Where in the request, as proto field names (`event_write_request.events[0].event.listing.price`), when the peer names a place. */
  readonly path?: string | undefined;
  /** What to do about it, for a human, when the peer says. */
  readonly hint?: string | undefined;
}

/**
 * The peer answered a request with an `Error`. `errorCode` is the wire
 * `ErrorCodes` value, `errorName` its name (`"INVALID"`, …, or
 * `"UNKNOWN_<n>"` for a value this schema does not list); `rule`, `path` and
 * `hint` are the `Error`'s fields 3–5 (undefined when the peer left them
 * empty, as relays before them do).
 *
 * @example
 * if (isRelayError(error) && error.rule === "OUT_OF_STOCK") console.log("change the order at", error.path);
 */
export class RelayError extends NetworkSchemaError {
  override name = "RelayError";
  readonly errorCode: ErrorCodes;
  readonly errorName: string;
  /** The peer's human-readable text; for logs, not for parsing. */
  readonly relayMessage: string;
  readonly rule: string | undefined;
  readonly hint: string | undefined;
  constructor({ errorCode, relayMessage, rule, path, hint }: RelayRefusal) {
    const errorName = (ErrorCodes as unknown as Record<number, string | undefined>)[errorCode] ?? `UNKNOWN_${errorCode}`;
    // The text repeats path and rule for peers that cannot read fields 3–5; they are not said twice.
    let text = path !== undefined && relayMessage.startsWith(`${path}: `) ? relayMessage.slice(path.length + 2) : relayMessage;
    if (rule !== undefined && text.startsWith(`${rule}: `)) text = text.slice(rule.length + 2);
    const head = rule === undefined ? errorName : `${errorName} ${rule}`;
    super("RELAY_ERROR", `${head}${text === "" ? "" : `: ${text}`}${hint === undefined ? "" : ` (hint: ${hint})`}`, { path });
    this.errorCode = errorCode;
    this.errorName = errorName;
    this.relayMessage = relayMessage;
    this.rule = rule;
    this.hint = hint;
  }
}

/** @example if (isRelayError(error)) console.log(error.errorName); */
export function isRelayError(value: unknown): value is RelayError {
  return isNamedError(value, "RelayError");
}
