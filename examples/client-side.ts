// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Client side (`npx tsx examples/client-side.ts`): a keycard builds a shop
// event, signs it (EIP-712), wraps it in SignedEvent → EventWriteRequest →
// Envelope and encodes the WebSocket frame; then it matches the relay's answer.
// #region readme
import type { LocalAccount } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import {
  createEventWriteRequest,
  createRequestEnvelope,
  createShopEvent,
  createSignedEvent,
  type Envelope,
  type EventDomain,
  encodeEnvelope,
  objectId,
  signEvent,
} from "../src/index.js";

/** The chain and shop registry the shop lives on (a fixed test domain). */
export const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
/** A fixed test keycard (the published signer key of the v3 test vectors); a real client keeps its key secret. */
export const keycard = privateKeyToAccount("0x6e96004865b31132bb6d40de3fc32f16f1d1333a8252ed96983a629a230f3cc2");
export const SHOP_ID = 23n;

/** Builds, signs and wraps one Tag event; returns the request envelope and the frame to send. */
export async function buildWriteFrame({ account, nonce }: { account: LocalAccount; nonce: bigint }): Promise<{ request: Envelope; frame: Uint8Array }> {
  // nonce: larger than the last nonce this keycard used; the timestamp is now.
  const event = createShopEvent({ shopId: SHOP_ID, nonce, union: { case: "tag", value: { id: objectId({ id: 1n }), name: "Summer sale" } } });
  const signature = await signEvent({ event, domain, account });
  const signedEvent = createSignedEvent({ event, signature });
  const request = createRequestEnvelope({ request: { case: "eventWriteRequest", value: createEventWriteRequest({ events: [signedEvent] }) } });
  return { request, frame: encodeEnvelope({ envelope: request }) };
}
// #endregion readme

// Below: only for running this file directly (`main`), not part of the README.
import { pathToFileURL } from "node:url";
import { bytesToHex } from "viem";
import { createResponseEnvelope, decodeEnvelope, ErrorCodes, isRelayError, matchResponse } from "../src/index.js";

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const { request, frame } = await buildWriteFrame({ account: keycard, nonce: 1n });
  log(`keycard ${keycard.address} signed a Tag event for shop ${SHOP_ID}`);
  log(`request ${request.requestId?.raw}: EventWriteRequest frame of ${frame.length} bytes ${bytesToHex(frame).slice(0, 34)}…`);
  // socket.send(frame) — here the relay's answers are simulated.

  const ok = encodeEnvelope({ envelope: createResponseEnvelope({ requestId: request }) });
  const payload = matchResponse({ request, response: decodeEnvelope({ bytes: ok }) });
  log(`relay accepted the write (payload: ${payload === undefined ? "none" : bytesToHex(payload)})`);

  const refused = encodeEnvelope({ envelope: createResponseEnvelope({ requestId: request, error: { code: ErrorCodes.INVALID, message: "nonce too low" } }) });
  try {
    matchResponse({ request, response: decodeEnvelope({ bytes: refused }) });
  } catch (error) {
    if (!isRelayError(error)) throw error;
    log(`relay refused the write: ${error.errorName} (${error.relayMessage})`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
