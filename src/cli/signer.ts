// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Who signed the input: an event with --signature, or a SignedEvent with --signed-event.
import type { Address } from "viem";
import { recoverEventSigner } from "../eip712/recover-event-signer.js";
import { openSignedEvent } from "../wire/open-signed-event.js";
import { type CliArgs, stringOption } from "./command.js";
import { readEvent } from "./event-input.js";
import { CliFailure, EXIT } from "./exit-codes.js";
import { readBytes } from "./input.js";
import { domainOption, hexOption } from "./options.js";

/** Options of the commands that recover a signer. */
export const SIGNER_OPTIONS = { signature: { type: "string" }, "signed-event": { type: "boolean" }, scheme: { type: "string" } } as const;

/** The signer the signature recovers to (not yet compared with anyone). */
export async function recoverSigner(args: CliArgs): Promise<Address> {
  if (args.values["signed-event"] !== true) {
    return await recoverEventSigner({ event: readEvent(args), domain: domainOption(args), signature: hexOption(args, "signature") });
  }
  const scheme = schemeOption(args);
  const signedEvent = readBytes(args, "a SignedEvent");
  return scheme === "eip191" ? openSignedEvent({ signedEvent, scheme }).signer : openSignedEvent({ signedEvent, scheme, domain: domainOption(args) }).signer;
}

/** --scheme: eip712 (default) or eip191 (version-3 peers). */
export function schemeOption(args: CliArgs): "eip712" | "eip191" {
  const scheme = stringOption(args, "scheme") ?? "eip712";
  if (scheme !== "eip712" && scheme !== "eip191") throw new CliFailure(EXIT.USAGE, `--scheme must be eip712 or eip191, got "${scheme}"`);
  return scheme;
}
