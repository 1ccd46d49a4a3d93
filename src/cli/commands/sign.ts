// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { privateKeyToAccount } from "viem/accounts";
import { signEvent } from "../../eip712/sign-event.js";
import { type CliCommand, INPUT_HELP } from "../command.js";
import { readEvent } from "../event-input.js";
import { DOMAIN_HELP, DOMAIN_OPTIONS, domainOption, keyFileOption } from "../options.js";

/** `sign`: signs an event with a key from a file. */
export const sign: CliCommand = {
  summary: "sign an event (EIP-712) with a key read from a file",
  usage: `massmarket-schema sign --key-file PATH --chain-id N --registry 0xADDRESS EVENT\n\n${INPUT_HELP}\n${DOMAIN_HELP}\nThe key file holds one 0x-prefixed 32-byte hex private key. Prints the 65-byte signature.`,
  options: { "key-file": { type: "string" }, ...DOMAIN_OPTIONS },
  async run(args) {
    const account = privateKeyToAccount(keyFileOption(args));
    return await signEvent({ event: readEvent(args), domain: domainOption(args), account });
  },
};
