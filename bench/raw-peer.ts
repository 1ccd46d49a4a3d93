// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A logged-in WebSocket peer for the relay benches that costs its own process
// little: frames are sent as given, responses matched by request id, and every
// relay request answered at once with a plain success. The raw reader and the
// raw writer are built on it; ClientSession clients check and decode far more,
// which on two cores takes CPU from the relay they are meant to measure.
import { create, toBinary } from "@bufbuild/protobuf";
import type { LocalAccount } from "viem";
import { WebSocket } from "ws";
import { createAuthenticateRequest, createChallengeSolvedRequest, createResponseEnvelope, decodeEnvelope, type Envelope, EnvelopeSchema, encodeEnvelope, signAuthChallenge } from "../src/index.js";
import { TEST_RELAY_DOMAIN } from "../src/testing.js";

export interface RawPeer {
  /** Sends `message` with a fresh request id and resolves with the relay's response envelope. */
  readonly request: (message: Envelope["message"]) => Promise<Envelope>;
  /** Sends an already encoded request frame whose request id is `id` (above {@link RAW_PEER_OWN_IDS}); resolves with the response. */
  readonly send: (id: bigint, frame: Uint8Array) => Promise<Envelope>;
  readonly close: () => void;
}

/** Request ids below this are the peer's own (login, subscribe); pre-encoded frames use ids above it. */
export const RAW_PEER_OWN_IDS = 1n << 32n;

/** The success payload of a response, or a thrown error naming the relay's refusal. */
export function rawPayload(envelope: Envelope): Uint8Array {
  const response = envelope.message.case === "response" ? envelope.message.value.response : undefined;
  if (response?.case === "error") throw new Error(`relay refused a raw peer's request: ${response.value.message}`);
  return response?.case === "payload" ? response.value : new Uint8Array(0);
}

/** Connects and logs in with `account` (enrolled in the shop); `onRelayRequest` sees each relay request before it is answered. */
export async function connectRawPeer({ url, account, onRelayRequest }: { url: string; account: LocalAccount; onRelayRequest?: (envelope: Envelope) => void }): Promise<RawPeer> {
  const socket = new WebSocket(url);
  socket.binaryType = "nodebuffer";
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 1n;
  const waiting = new Map<bigint, (envelope: Envelope) => void>();
  socket.on("message", (data: Buffer) => {
    const envelope = decodeEnvelope({ bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    const id = envelope.requestId?.raw ?? 0n;
    if (envelope.message.case === "response") {
      const resolve = waiting.get(id);
      waiting.delete(id);
      return resolve?.(envelope);
    }
    onRelayRequest?.(envelope);
    socket.send(encodeEnvelope({ envelope: createResponseEnvelope({ requestId: id }) }));
  });
  const send = (id: bigint, frame: Uint8Array): Promise<Envelope> =>
    new Promise((resolve) => {
      waiting.set(id, resolve);
      socket.send(frame);
    });
  const request = (message: Envelope["message"]): Promise<Envelope> => {
    const id = nextId++;
    return send(id, toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: id }, message })));
  };
  const challenge = rawPayload(await request({ case: "authRequest", value: createAuthenticateRequest({ publicKey: account.publicKey }) }));
  const signature = await signAuthChallenge({ challenge, domain: TEST_RELAY_DOMAIN, account });
  rawPayload(await request({ case: "challengeSolutionRequest", value: createChallengeSolvedRequest({ signature }) }));
  return { request, send, close: () => socket.close() };
}
