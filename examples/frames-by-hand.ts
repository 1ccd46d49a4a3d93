// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Frames by hand, without sessions: a client builds one EventWriteRequest
// frame, a relay decodes it, checks each signed event against the shop's
// policy (nonce tracker moved event by event) and answers. The sessions
// (examples/client-side.ts, examples/relay-side.ts) do this for you; this file
// shows the wire helpers underneath and is what test/security/nonce-replay.test.ts attacks.
import { create } from "@bufbuild/protobuf";
import { timestampNow } from "@bufbuild/protobuf/wkt";
import { hexToBytes, type LocalAccount, numberToBytes } from "viem";
import {
  assertBatchSize,
  assertEventAccepted,
  createEventWriteRequest,
  createRequestEnvelope,
  createResponseEnvelope,
  createSignedEvent,
  decodeEnvelope,
  encodeEnvelope,
  type Envelope,
  ErrorCodes,
  type EventDomain,
  isEventRejectedError,
  isNetworkSchemaError,
  type KeycardSet,
  type NonceTracker,
  openSignedEvent,
  ShopEventSchema,
  type SignedEvent,
  signEvent,
} from "../src/index.js";
import { domain, SHOP_ID } from "./client-side.js";

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

/** Builds, signs and wraps one Tag event; returns the request envelope and the frame to send. */
export async function buildWriteFrame({ account, nonce }: { account: LocalAccount; nonce: bigint }): Promise<{ request: Envelope; frame: Uint8Array }> {
  const event = create(ShopEventSchema, {
    nonce, // larger than the last nonce this keycard used
    shopId: { raw: numberToBytes(SHOP_ID, { size: 32 }) },
    timestamp: timestampNow(),
    union: { case: "tag", value: { id: { raw: hexToBytes("0x0000000000000001") }, name: "Summer sale" } },
  });
  const signature = await signEvent({ event, domain, account });
  const signedEvent = createSignedEvent({ event, signature });
  const request = createRequestEnvelope({ request: { case: "eventWriteRequest", value: createEventWriteRequest({ events: [signedEvent] }) } });
  return { request, frame: encodeEnvelope({ envelope: request }) };
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
      // Type URL, strict signature, canonical bytes, bounded hashing, EIP-712 signer recovery.
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
