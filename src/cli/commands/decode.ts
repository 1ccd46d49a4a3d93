// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { JsonObject, Message } from "@bufbuild/protobuf";
import type { SignedEvent } from "../../../gen/market/mass/transport_pb.js";
import { displayJson } from "../../display/display-json.js";
import { hashEvent } from "../../eip712/hash-event.js";
import { isNetworkSchemaError } from "../../errors/base.js";
import { hashEventBytes } from "../../wire/hash-event-bytes.js";
import { openSignedEvent } from "../../wire/open-signed-event.js";
import { type CliArgs, type CliCommand, INPUT_HELP, stringOption } from "../command.js";
import { CliFailure, EXIT } from "../exit-codes.js";
import { readBytes } from "../input.js";
import { decodeMessage, MESSAGE_TYPES, type MessageType, toJsonText } from "../messages.js";
import { DOMAIN_OPTIONS, domainOption } from "../options.js";
import { schemeOption } from "../signer.js";

/** `decode`: shows wire bytes for a person, or as canonical proto3 JSON. */
export const decode: CliCommand = {
  summary: "show ShopEvent, SignedEvent or Envelope bytes readably (--proto-json: canonical proto3 JSON)",
  usage: `massmarket-schema decode [--type shop-event|signed-event|envelope] [--proto-json] INPUT
massmarket-schema decode --verify [--scheme eip712|eip191] [--chain-id N --registry 0xADDRESS] INPUT

${INPUT_HELP}
Without --type the kind is detected (the guess is printed on stderr).
The default view is for people: proto field names, every field shown (0 too), uint256 as decimal,
addresses checksummed, ids, hashes and bytes as 0x-hex, enums by name, timestamps ISO 8601, a packed
ShopEvent decoded with its @type first. --proto-json prints canonical proto3 JSON instead.
--verify opens every SignedEvent in the input (one SignedEvent, or all in a frame) and adds its
recovered @signer and @digest; exit 3 if any does not open. It does not say whether the signer is
allowed: compare it with the keycards you expect (or use verify --address).`,
  options: { type: { type: "string" }, "proto-json": { type: "boolean" }, verify: { type: "boolean" }, scheme: { type: "string" }, ...DOMAIN_OPTIONS },
  run(args) {
    const type = stringOption(args, "type") ?? "auto";
    if (type !== "auto" && !MESSAGE_TYPES.includes(type as MessageType)) throw new CliFailure(EXIT.USAGE, `--type must be one of ${MESSAGE_TYPES.join(", ")}`);
    if (args.values["proto-json"] === true && args.values.verify === true) throw new CliFailure(EXIT.USAGE, "--verify adds to the readable view; it cannot be combined with --proto-json");
    const open = args.values.verify === true ? opener(args) : undefined;
    const decoded = decodeMessage({ bytes: readBytes(args, "a ShopEvent, SignedEvent or Envelope"), type: type as MessageType | "auto" });
    if (type === "auto") process.stderr.write(`detected: ${decoded.type}\n`);
    if (args.values["proto-json"] === true) return toJsonText({ decoded });
    let found = 0;
    let failed = 0;
    const annotate =
      open &&
      (({ message }: { message: Message }) => {
        if (message.$typeName !== "market.mass.SignedEvent") return undefined;
        found++;
        const note = open(message as SignedEvent);
        if ("@error" in note) failed++;
        return note;
      });
    const output = JSON.stringify(displayJson({ schema: decoded.schema, message: decoded.message, ...(annotate ? { annotate } : {}) }), null, 2);
    if (open && found === 0) throw new CliFailure(EXIT.BAD_INPUT, `--verify: the ${decoded.type} holds no SignedEvent to open`);
    if (failed > 0) {
      process.stderr.write(`massmarket-schema: ${failed} of ${found} signed events did not open (see @error)\n`);
      return { output, exitCode: EXIT.BAD_INPUT };
    }
    return output;
  },
};

// Opens one SignedEvent: its signer and digest, or the reason it does not open.
function opener(args: CliArgs): (signedEvent: SignedEvent) => JsonObject {
  const scheme = schemeOption(args);
  const domain = scheme === "eip712" ? domainOption(args) : undefined;
  return (signedEvent) => {
    try {
      if (domain === undefined) {
        const opened = openSignedEvent({ signedEvent, scheme: "eip191" });
        return { "@signer": opened.signer, "@digest": hashEventBytes({ eventBytes: opened.eventBytes }) };
      }
      const opened = openSignedEvent({ signedEvent, domain });
      return { "@signer": opened.signer, "@digest": hashEvent({ event: opened.event, domain }) };
    } catch (error) {
      if (!isNetworkSchemaError(error)) throw error;
      return { "@error": `${error.code}: ${error.message}` };
    }
  };
}
