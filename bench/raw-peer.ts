// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A logged-in WebSocket peer for the relay benches that costs its own process
// little: frames are sent as given, responses matched by request id, and every
// relay request answered at once with a plain success. The raw reader and the
// raw writer are built on it; ClientSession clients check and decode far more,
// which on two cores takes CPU from the relay they are meant to measure.
import { create, toBinary } from "@bufbuild/protobuf";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import type { LocalAccount } from "viem";
import { WebSocket } from "ws";
import { createAuthenticateRequest, createChallengeSolvedRequest, decodeEnvelope, type Envelope, EnvelopeSchema, signAuthChallenge } from "../src/index.js";
import { encodeOkResponse } from "../src/wire/encode-ok-response.js";
import { TEST_RELAY_DOMAIN } from "../src/testing.js";
import { RequestIdSchema } from "../gen/market/mass/base_types_pb.js";
import { SubscriptionPushRequestSchema } from "../gen/market/mass/subscription_pb.js";

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

const RESPONSE = EnvelopeSchema.field.response.number;
const REQUEST_ID = EnvelopeSchema.field.requestId.number;
/** Envelope field numbers of the relay requests the benches count. */
export const PUSH_FIELD = EnvelopeSchema.field.subscriptionPushRequest.number;
export const SYNC_STATUS_FIELD = EnvelopeSchema.field.syncStatusRequest.number;
const PUSHED_EVENTS = SubscriptionPushRequestSchema.field.events.number;

/** What a raw peer reads of a frame: its request id, which Envelope message field it carries, and for a push its event count. */
export interface SkimmedEnvelope {
  readonly id: bigint;
  readonly field: number;
  readonly events: number;
}

/** Reads a frame's request id and message field without decoding the events a push carries. */
export function skimEnvelope(bytes: Uint8Array): SkimmedEnvelope {
  const reader = new BinaryReader(bytes);
  let id = 0n;
  let field = 0;
  let events = 0;
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === REQUEST_ID && wireType === WireType.LengthDelimited) {
      const request = new BinaryReader(reader.bytes());
      while (request.pos < request.len) {
        const [inner, type] = request.tag();
        if (inner === RequestIdSchema.field.raw.number && type === WireType.Varint) id = BigInt(request.sint64());
        else request.skip(type);
      }
    } else if (wireType === WireType.LengthDelimited && no !== REQUEST_ID) {
      field = no;
      const message = new BinaryReader(reader.bytes());
      if (no !== PUSH_FIELD) continue;
      while (message.pos < message.len) {
        const [inner, type] = message.tag();
        if (inner === PUSHED_EVENTS) events++;
        message.skip(type);
      }
    } else reader.skip(wireType);
  }
  return { id, field, events };
}

/** Connects and logs in with `account` (enrolled in the shop); `onRelayRequest` sees each relay request, skimmed, before it is answered. */
export async function connectRawPeer({ url, account, onRelayRequest }: { url: string; account: LocalAccount; onRelayRequest?: (request: SkimmedEnvelope) => void }): Promise<RawPeer> {
  const socket = new WebSocket(url);
  socket.binaryType = "nodebuffer";
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 1n;
  const waiting = new Map<bigint, (envelope: Envelope) => void>();
  socket.on("message", (data: Buffer) => {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const skimmed = skimEnvelope(bytes);
    if (skimmed.field === RESPONSE) {
      const resolve = waiting.get(skimmed.id);
      waiting.delete(skimmed.id);
      // Responses are decoded in full (small, and their payload or error matters); relay requests are only skimmed.
      return resolve?.(decodeEnvelope({ bytes }));
    }
    onRelayRequest?.(skimmed);
    // The relay's own writer of the plain success answer (byte-identical to createResponseEnvelope + encodeEnvelope).
    socket.send(encodeOkResponse(skimmed.id));
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
