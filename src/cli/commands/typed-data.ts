// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { eventTypedData } from "../../eip712/event-typed-data.js";
import { type CliCommand, INPUT_HELP } from "../command.js";
import { readEvent } from "../event-input.js";
import { DOMAIN_HELP, DOMAIN_OPTIONS, domainOption } from "../options.js";

/** `typed-data`: the JSON a wallet's eth_signTypedData_v4 takes. */
export const typedData: CliCommand = {
  summary: "print the EIP-712 typed data of an event, for a wallet's eth_signTypedData_v4",
  usage: `massmarket-schema typed-data --chain-id N --registry 0xADDRESS EVENT\n\n${INPUT_HELP}\n${DOMAIN_HELP}`,
  options: DOMAIN_OPTIONS,
  run: (args) =>
    JSON.stringify(eventTypedData({ event: readEvent(args), domain: domainOption(args) }), (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value), 2),
};
