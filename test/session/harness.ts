// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Sans-IO harness: a session wired to a recording transport and a manual
// clock, plus a raw peer that builds and reads Envelope frames by hand.
import { create, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import type { Hex } from "viem";
import { generatePrivateKey } from "viem/accounts";
import {
  decodeEnvelope,
  type Envelope,
  EnvelopeSchema,
  type SessionClock,
  type SessionTransport,
} from "../../src/index.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";

export class ManualClock implements SessionClock {
  time = 0;
  now(): number {
    return this.time;
  }
}

/** Records what a session sends and how it closed. */
export class Recorder implements SessionTransport {
  readonly frames: Uint8Array[] = [];
  closed: { code: number; reason: string } | undefined;
  send(frame: Uint8Array): void {
    this.frames.push(frame);
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
  /** Decoded frames sent since the last call. */
  take(): Envelope[] {
    return this.frames.splice(0).map((bytes) => decodeEnvelope({ bytes }));
  }
}

/** A raw Envelope frame; `id` 0 leaves the request id out. */
export function frame(id: bigint, message: NonNullable<MessageInitShape<typeof EnvelopeSchema>["message"]>): Uint8Array {
  return toBinary(EnvelopeSchema, create(EnvelopeSchema, { ...(id === 0n ? {} : { requestId: { raw: id } }), message }));
}

export function okResponse(id: bigint, payload?: Uint8Array): Uint8Array {
  return frame(id, { case: "response", value: { response: payload === undefined ? { case: undefined } : { case: "payload", value: payload } } });
}

/** A memory relay with a fixed key, the test domain. */
export function openRelay(privateKey: Hex = generatePrivateKey()): Promise<ReferenceRelay> {
  return ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey });
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
