// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isAddressEqual } from "../../crypto/checksum-address.js";
import { type CliCommand, INPUT_HELP } from "../command.js";
import { CliFailure, EXIT } from "../exit-codes.js";
import { addressOption, DOMAIN_HELP, DOMAIN_OPTIONS } from "../options.js";
import { recoverSigner, SIGNER_OPTIONS } from "../signer.js";

/** `verify`: exits 0 only when the event was signed by the given address. */
export const verify: CliCommand = {
  summary: "check that an event or a SignedEvent was signed by a given address (exit 0 yes, 1 no)",
  usage: `massmarket-schema verify --address 0xKEYCARD --chain-id N --registry 0xADDRESS --signature 0xSIG EVENT
massmarket-schema verify --address 0xKEYCARD --signed-event [--scheme eip712|eip191] [--chain-id N --registry 0xADDRESS] SIGNED_EVENT

${INPUT_HELP}
${DOMAIN_HELP} (not needed with --scheme eip191)
--address is required: exit 0 when the signature recovers to it, 1 when it does not.
To print the signer without checking it, use recover.`,
  options: { address: { type: "string" }, ...SIGNER_OPTIONS, ...DOMAIN_OPTIONS },
  async run(args) {
    const expected = addressOption(args);
    const signer = await recoverSigner(args);
    if (!isAddressEqual(signer, expected)) throw new CliFailure(EXIT.INVALID_SIGNATURE, `signature does not match: signed by ${signer}, expected ${expected}`);
    return `valid: signed by ${signer}`;
  },
};
