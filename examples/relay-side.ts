// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Relay side (`npx tsx examples/relay-side.ts`): decode an EventWriteRequest
// frame, open and check each signed event against the shop's policy, keep
// the exact event bytes, and answer with a GenericResponse.
// #region readme
import {
  assertBatchSize,
  checkEvent,
  createKeycardSet,
  createResponseEnvelope,
  decodeEnvelope,
  encodeEnvelope,
  ErrorCodes,
  type EventDomain,
  isNetworkSchemaError,
  type KeycardSet,
  openSignedEvent,
} from "../src/index.js";

/** What the relay knows about one shop. */
export interface ShopState {
  readonly shopId: bigint;
  readonly domain: EventDomain;
  readonly keycards: KeycardSet;
  /** Last accepted nonce per keycard address. */
  readonly nonces: Map<string, bigint>;
  /** The shop's log: exact event bytes, as signed. */
  readonly log: Uint8Array[];
}

/** Handles one frame from a logged-in client of `shop`; returns the response frame. */
export function handleFrame({ frame, shop }: { frame: Uint8Array; shop: ShopState }): Uint8Array {
  // Size-capped decode; on garbage it throws a typed error and the connection is closed.
  const envelope = decodeEnvelope({ bytes: frame });
  if (envelope.message.case !== "eventWriteRequest") throw new Error("this example handles writes only");
  const reply = (error?: string) =>
    encodeEnvelope({ envelope: createResponseEnvelope({ requestId: envelope, ...(error ? { error: { code: ErrorCodes.INVALID, message: error } } : {}) }) });
  try {
    const { events } = envelope.message.value;
    assertBatchSize({ items: events }); // 1 … 64 events
    const now = Date.now();
    const accepted = [];
    for (const signedEvent of events) {
      // Type URL, strict signature, decode, EIP-712 signer (checked against the keycards' public keys first).
      const opened = openSignedEvent({ signedEvent, domain: shop.domain, keycards: shop.keycards });
      const { ok, failures } = checkEvent({
        ...opened,
        shopId: shop.shopId,
        keycards: shop.keycards,
        lastNonce: shop.nonces.get(opened.signer),
        timestampWindow: { notBefore: new Date(now - 5 * 60_000), notAfter: new Date(now + 60_000) },
      });
      if (!ok) return reply(failures.map((f) => `${f.code}: ${f.message}`).join("; "));
      accepted.push(opened);
    }
    for (const { signer, event, eventBytes } of accepted) {
      shop.nonces.set(signer, event.nonce);
      shop.log.push(eventBytes); // the exact bytes that were signed, never a re-encoding
    }
    return reply();
  } catch (error) {
    if (!isNetworkSchemaError(error)) throw error;
    return reply(`${error.code}: ${error.message}`);
  }
}
// #endregion readme

// Below: only for running this file directly (`main`), not part of the README.
import { pathToFileURL } from "node:url";
import { buildWriteFrame, keycard } from "./client-side.js";

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const shop: ShopState = {
    shopId: 23n,
    domain: { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" },
    // Enrolled keycards, e.g. from Account.KeyCardEnroll events (64-byte public keys) or addresses.
    keycards: createKeycardSet({ keycards: [keycard.publicKey] }),
    nonces: new Map(),
    log: [],
  };
  for (const nonce of [1n, 1n]) {
    const { frame } = await buildWriteFrame({ account: keycard, nonce }); // stand-in for a WebSocket frame
    const response = decodeEnvelope({ bytes: handleFrame({ frame, shop }) });
    const outcome = response.message.case === "response" ? response.message.value.response : undefined;
    log(
      outcome?.case === "error"
        ? `write with nonce ${nonce} refused: ${ErrorCodes[outcome.value.code]} (${outcome.value.message})`
        : `write with nonce ${nonce} accepted; the shop log holds ${shop.log.length} event(s)`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
