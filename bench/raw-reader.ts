// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A subscriber for the fan-out bench that costs its own process little: it
// logs in, subscribes to every object type, and answers each relay request
// (push, SyncStatus, ping) at once without opening the events, counting the
// frames and events it got. ClientSession readers verify every push, which on
// two cores starves the relay they are meant to measure.
import { create, toBinary } from "@bufbuild/protobuf";
import { WebSocket } from "ws";
import type { PrivateKeyAccount } from "viem";
import { ObjectType } from "../gen/market/mass/subscription_pb.js";
import { createAuthenticateRequest, createChallengeSolvedRequest, createResponseEnvelope, createSubscriptionRequest, decodeEnvelope, type Envelope, EnvelopeSchema, encodeEnvelope, signAuthChallenge } from "../src/index.js";
import { TEST_RELAY_DOMAIN } from "../src/testing.js";

export interface RawReader {
  /** Events pushed so far. */
  readonly events: () => number;
  /** Pushes and SyncStatus requests received so far. */
  readonly frames: () => { readonly pushes: number; readonly syncStatuses: number };
  readonly close: () => void;
}

const ALL = [ObjectType.MANIFEST, ObjectType.ACCOUNT, ObjectType.LISTING, ObjectType.TAG, ObjectType.ORDER, ObjectType.INVENTORY].map((objectType) => ({ objectType }));

/** Connects, logs in with `account` (enrolled in the shop), subscribes to the whole shop and answers every push from then on. */
export async function connectRawReader({ url, account, shopId }: { url: string; account: PrivateKeyAccount; shopId: bigint }): Promise<RawReader> {
  const socket = new WebSocket(url);
  socket.binaryType = "nodebuffer";
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 1n;
  const waiting = new Map<bigint, (envelope: Envelope) => void>();
  let events = 0;
  let pushes = 0;
  let syncStatuses = 0;
  socket.on("message", (data: Buffer) => {
    const envelope = decodeEnvelope({ bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    const id = envelope.requestId?.raw ?? 0n;
    const { message } = envelope;
    if (message.case === "response") return waiting.get(id)?.(envelope);
    if (message.case === "subscriptionPushRequest") {
      pushes++;
      events += message.value.events.length;
    }
    if (message.case === "syncStatusRequest") syncStatuses++;
    socket.send(encodeEnvelope({ envelope: createResponseEnvelope({ requestId: id }) }));
  });
  const request = (message: Envelope["message"]): Promise<Envelope> => {
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      socket.send(toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: id }, message })));
    });
  };
  const payload = (envelope: Envelope): Uint8Array => {
    const response = envelope.message.case === "response" ? envelope.message.value.response : undefined;
    if (response?.case === "error") throw new Error(`raw reader refused: ${response.value.message}`);
    return response?.case === "payload" ? response.value : new Uint8Array(0);
  };
  const challenge = payload(await request({ case: "authRequest", value: createAuthenticateRequest({ publicKey: account.publicKey }) }));
  const signature = await signAuthChallenge({ challenge, domain: TEST_RELAY_DOMAIN, account });
  payload(await request({ case: "challengeSolutionRequest", value: createChallengeSolvedRequest({ signature }) }));
  payload(await request({ case: "subscriptionRequest", value: createSubscriptionRequest({ shopId, filters: ALL }) }));
  return { events: () => events, frames: () => ({ pushes, syncStatuses }), close: () => socket.close() };
}
