// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { type CliCommand, INPUT_HELP } from "../command.js";
import { DOMAIN_HELP, DOMAIN_OPTIONS } from "../options.js";
import { recoverSigner, SIGNER_OPTIONS } from "../signer.js";

/** `recover`: prints the address a signature recovers to, without judging it. */
export const recover: CliCommand = {
  summary: "print the address an event's signature recovers to (checks nothing: use verify for that)",
  usage: `massmarket-schema recover --chain-id N --registry 0xADDRESS --signature 0xSIG EVENT
massmarket-schema recover --signed-event [--scheme eip712|eip191] [--chain-id N --registry 0xADDRESS] SIGNED_EVENT

${INPUT_HELP}
${DOMAIN_HELP} (not needed with --scheme eip191)
Any well-formed signature recovers to some address, so exit 0 says nothing about who signed:
compare the address with the keycard you expect, or use verify --address.`,
  options: { ...SIGNER_OPTIONS, ...DOMAIN_OPTIONS },
  async run(args) {
    return await recoverSigner(args);
  },
};
