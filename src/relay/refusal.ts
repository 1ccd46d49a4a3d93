// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A refused event of a write as a RelayError with its rule code, full request path and a hint (docs/errors.md,
// "Structured refusals"); the text repeats path and rule for peers that read only `message`.
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import { isNetworkSchemaError } from "../errors/base.js";
import { isEventRejectedError } from "../errors/event-rejected-error.js";
import { RelayError } from "../errors/relay-error.js";
import { domainHint } from "../session/domain-hint.js";

/** A write's event refused by the shop rules or relay policy; `at` is the request path of the event (`event_write_request.events[0]`). */
export function refusal({ error, at, domain }: { error: unknown; at: string; domain: EventDomain | undefined }): RelayError {
  if (isEventRejectedError(error)) {
    const failure = error.failures[0];
    // E5's "signer" is no field: the signature is what recovers to it.
    const path = `${at}.${error.path === "signer" ? "signature" : (error.path ?? "event")}`;
    const hint = error.reason === "UNKNOWN_KEYCARD" ? domainHint({ domain }) : undefined;
    return new RelayError({ errorCode: error.errorCode, rule: error.reason, path, hint, relayMessage: `${path}: ${error.reason ?? error.code}: ${failure?.message ?? error.shortMessage}` });
  }
  if (isNetworkSchemaError(error)) {
    const path = error.path === undefined ? at : `${at}.${error.path}`;
    return new RelayError({ errorCode: ErrorCodes.INVALID, rule: error.code, path, relayMessage: `${path}: ${error.code}: ${error.shortMessage}` });
  }
  throw error;
}
