// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Relay side (`npx tsx examples/relay-side.ts`): decode an EventWriteRequest
// frame, open and check each signed event against the shop's policy, keep
// the accepted SignedEvents, and answer with a GenericResponse.
// #region readme
import {
  assertBatchSize,
  assertEventAccepted,
  createKeycardSet,
  createNonceTracker,
  createResponseEnvelope,
  decodeEnvelope,
  encodeEnvelope,
  ErrorCodes,
  type EventDomain,
  isEventRejectedError,
  isNetworkSchemaError,
  type KeycardSet,
  type NonceTracker,
  openSignedEvent,
  type SignedEvent,
} from "../src/index.js";

/** What the relay knows about one shop. */
export interface ShopState {
  readonly shopId: bigint;
  readonly domain: EventDomain;
  readonly keycards: KeycardSet;
  /** Last accepted nonce per keycard: plain data, stored with the shop (e.g. as JSON). */
  nonces: NonceTracker;
  /** The shop's log: each accepted SignedEvent (the exact signed bytes, v normalised), ready to push to subscribers. */
  readonly log: SignedEvent[];
}

/** Handles one frame from a logged-in client of `shop`; returns the response frame. */
export function handleFrame({ frame, shop }: { frame: Uint8Array; shop: ShopState }): Uint8Array {
  // Size-capped decode (128 KiB, items counted first); on garbage it throws a typed error and the connection is closed.
  const envelope = decodeEnvelope({ bytes: frame });
  if (envelope.message.case !== "eventWriteRequest") throw new Error("this example handles writes only");
  const reply = (error?: string) =>
    encodeEnvelope({ envelope: createResponseEnvelope({ requestId: envelope, ...(error ? { error: { code: ErrorCodes.INVALID, message: error } } : {}) }) });
  try {
    const { events } = envelope.message.value;
    assertBatchSize({ items: events }); // 1 … 64 events
    const now = Date.now();
    const timestampWindow = { notBefore: new Date(now - 5 * 60_000), notAfter: new Date(now + 60_000) };
    let nonces = shop.nonces;
    const accepted: SignedEvent[] = [];
    for (const signedEvent of events) {
      // Type URL, strict signature, canonical bytes, bounded hashing, EIP-712 signer (checked against the keycards' public keys first).
      const opened = openSignedEvent({ signedEvent, domain: shop.domain, keycards: shop.keycards });
      // Shop, keycard, nonce, time, kind; throws on any failure. The tracker moves event by event,
      // so [e, e] or [nonce 5, nonce 3] within one batch is refused like a replay across batches.
      nonces = assertEventAccepted({ ...opened, shopId: shop.shopId, keycards: shop.keycards, nonces, timestampWindow });
      accepted.push(opened.signedEvent);
    }
    // All or nothing: the batch's nonces and events are stored only once every event has passed.
    shop.nonces = nonces;
    shop.log.push(...accepted); // exact signed bytes, never a re-encoding; push these on to subscribers
    return reply();
  } catch (error) {
    if (!isNetworkSchemaError(error)) throw error;
    return reply(isEventRejectedError(error) ? error.failures.map((f) => `${f.code}: ${f.message}`).join("; ") : `${error.code}: ${error.message}`);
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
    nonces: createNonceTracker({}),
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
