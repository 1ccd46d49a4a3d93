// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `massmarket-schema replay FILE`: rebuilds a shop from its signed log and
// prints the state snapshot, or the first refused event with its code and path.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Address, Hex } from "viem";
import { hexToBytes, isHex } from "../crypto/hex.js";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import { isNetworkSchemaError } from "../errors/base.js";
import { isEventRejectedError } from "../errors/event-rejected-error.js";
import { createShopState } from "../state/create-shop-state.js";
import { shopStateFromJSON } from "../state/shop-state-from-json.js";
import { shopStateToJSON } from "../state/shop-state-to-json.js";
import type { ShopState } from "../state/shop-state.js";
import { createShopFold } from "../state/shop-fold.js";
import { CliFailure, EXIT } from "./exit-codes.js";

/** Exit code when an event of the log is refused (as for a signature that does not match). */
export const EXIT_REFUSED = 1;

export const REPLAY_USAGE = `massmarket-schema replay [--state SNAPSHOT.json] LOG.json

LOG.json: { "context": { "shopId": "0x…32 bytes", "relays": ["0xRELAY", …] },
            "domain": { "chainId": "1", "verifyingContract": "0x…" } (or "scheme": "eip191"),
            "signedEvents": ["0x…SignedEvent bytes", …] }
Verifies every event (signature, role, nonce, shop rules, docs/shop-state.md) in order, starting
from an empty shop or from --state (a snapshot printed by an earlier replay), and prints the state
snapshot (canonical JSON). On the first refused event prints its index, code, field path and
the ErrorCodes value a relay answers with, and exits 1.`;

interface LogFile {
  context: { shopId: Hex; relays: Address[] };
  domain?: { chainId: string | number; verifyingContract: Address };
  scheme?: "eip712" | "eip191";
  signedEvents: Hex[];
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new CliFailure(EXIT.BAD_INPUT, `cannot read ${path}: ${(cause as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CliFailure(EXIT.BAD_INPUT, `${path} is not JSON: ${(cause as Error).message}`);
  }
}

function checkLog(value: unknown, path: string): LogFile {
  const log = value as Partial<LogFile>;
  const ok = typeof log === "object" && log !== null && typeof log.context === "object" && log.context !== null &&
    Array.isArray(log.signedEvents) && log.signedEvents.every((e) => isHex(e, { strict: true })) &&
    (log.scheme === "eip191" || (typeof log.domain === "object" && log.domain !== null));
  if (!ok) throw new CliFailure(EXIT.BAD_INPUT, `${path}: expected { context, domain (or "scheme": "eip191"), signedEvents: [hex, …] }`);
  return log as LogFile;
}

/**
 * Runs `replay` with its own arguments; resolves to the text to print.
 * @example await runReplay(["log.json"])
 */
export async function runReplay(argv: readonly string[]): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { state: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new CliFailure(EXIT.USAGE, `${(cause as Error).message}\n\nUsage: ${REPLAY_USAGE}`);
  }
  if (parsed.values.help === true) return `Usage: ${REPLAY_USAGE}`;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) throw new CliFailure(EXIT.USAGE, `expected one LOG.json\n\nUsage: ${REPLAY_USAGE}`);
  const log = checkLog(readJson(file), file);
  const state: ShopState = parsed.values.state === undefined
    ? createShopState({ context: log.context })
    : shopStateFromJSON({ json: JSON.stringify(readJson(parsed.values.state)) });
  const domain: EventDomain | undefined = log.domain === undefined ? undefined : { chainId: BigInt(log.domain.chainId), verifyingContract: log.domain.verifyingContract };
  const fold = createShopFold({ state });
  for (const [i, hex] of log.signedEvents.entries()) {
    try {
      const signedEvent = hexToBytes(hex);
      if (log.scheme === "eip191") fold.verify({ signedEvent, scheme: "eip191" });
      else fold.verify({ signedEvent, domain: domain as EventDomain });
    } catch (error) {
      if (!isNetworkSchemaError(error)) throw error;
      const answer = isEventRejectedError(error) ? error.errorCode : ErrorCodes.INVALID;
      const code = isEventRejectedError(error) ? error.reason : error.code;
      throw new CliFailure(EXIT_REFUSED, `refused signedEvents[${i}]: ${code} at ${error.path ?? "signedEvents"} (ErrorCodes.${ErrorCodes[answer]}): ${error.shortMessage}`);
    }
  }
  return shopStateToJSON({ state: fold.state });
}
