// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { hashEvent } from "../../eip712/hash-event.js";
import { type CliCommand, INPUT_HELP } from "../command.js";
import { readEvent } from "../event-input.js";
import { DOMAIN_HELP, DOMAIN_OPTIONS, domainOption } from "../options.js";

/** `hash`: the EIP-712 digest of an event. */
export const hash: CliCommand = {
  summary: "print the EIP-712 digest of an event",
  usage: `massmarket-schema hash --chain-id N --registry 0xADDRESS EVENT\n\n${INPUT_HELP}\n${DOMAIN_HELP}`,
  options: DOMAIN_OPTIONS,
  run: (args) => hashEvent({ event: readEvent(args), domain: domainOption(args) }),
};
