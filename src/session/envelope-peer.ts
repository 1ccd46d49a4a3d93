// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The framing both session ends share: request ids and the pending map, inbound
// request tracking, liveness (ping / kick) and closing. Sans-IO: frames in
// through receive(), frames out through the transport, time from the clock.
import { create } from "@bufbuild/protobuf";
import { RequestIdSchema } from "../../gen/market/mass/base_types_pb.js";
import { type Envelope, EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import type { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { PingRequestSchema } from "../../gen/market/mass/transport_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { SessionError } from "../errors/session-error.js";
import { isSizeLimitError } from "../errors/size-limit-error.js";
import type { EnvelopeRequest } from "../wire/create-request-envelope.js";
import { encodeOkResponse } from "../wire/encode-ok-response.js";
import { createResponseEnvelope, type ResponseErrorInit } from "../wire/create-response-envelope.js";
import { decodeEnvelopeFrame } from "../wire/decode-envelope-frame.js";
import { recordWrittenEventBytes } from "../wire/received-event-bytes.js";
import { encodeEnvelope } from "../wire/encode-envelope.js";
import { SESSION_CLOSE_CODES } from "./close-codes.js";
import { DEFAULT_MAX_ENVELOPE_BYTES } from "../wire/constants.js";
import { KICK_AFTER_MS, PING_AFTER_MS, REQUEST_TIMEOUT_MS, type SessionTimings } from "./timings.js";
import type { SessionClock, SessionTransport } from "./transport.js";

/** An inbound request the owner must answer exactly once through reply(). */
export interface InboundRequest {
  readonly id: bigint;
  readonly request: EnvelopeRequest;
}

/** What an unanswered request does at its deadline; `"never"` has none (v3 relays: only the silence kick ends a session). */
export type RequestTimeoutAction = "reject" | "close" | "never";

interface Pending {
  readonly resolve: (response: Envelope) => void;
  readonly reject: (error: unknown) => void;
  readonly deadline: number;
  readonly onTimeout: RequestTimeoutAction;
}

interface Queued {
  /** The request's frame once its id is chosen. */
  readonly encode: (id: bigint) => Uint8Array;
  readonly onTimeout: RequestTimeoutAction;
  readonly resolve: (response: Envelope) => void;
  readonly reject: (error: unknown) => void;
}

export interface EnvelopePeerOptions {
  readonly transport: SessionTransport;
  readonly clock: SessionClock;
  readonly timings: SessionTimings;
  /** Most own requests awaiting an answer; more wait in a queue. */
  readonly maxOutstanding: number;
  /** Most peer requests awaiting our answer; more are refused with TOO_MANY_CONCURRENT_REQUESTS. */
  readonly maxInbound: number;
  /** Request kinds the peer may not send (its role's): receiving one closes the session. */
  readonly forbiddenRequests: ReadonlySet<string>;
  readonly onRequest: (request: InboundRequest) => void;
  readonly onClose: (close: { code: number; reason: string }) => void;
  readonly tooManyCode: ErrorCodes;
  /** Runs before a ping is answered: what the peer must see before the answer goes first (a relay's SyncStatus). */
  readonly beforePong?: (() => void) | undefined;
}

const EXPIRED_MEMORY = 1024;

export class EnvelopePeer {
  readonly pingAfterMs: number;
  readonly kickAfterMs: number;
  readonly requestTimeoutMs: number;
  readonly maxFrameBytes: number;
  private readonly options: EnvelopePeerOptions;
  private nextId = 1n;
  private readonly pending = new Map<bigint, Pending>();
  private readonly queue: Queued[] = [];
  // Ids answered too late: their late response is dropped, not a violation.
  private readonly expired = new Set<bigint>();
  private readonly inbound = new Set<bigint>();
  private lastInbound: number;
  private pingOutstanding = false;
  private closedWith: { code: number; reason: string } | undefined;

  constructor(options: EnvelopePeerOptions) {
    this.options = options;
    const { timings } = options;
    this.pingAfterMs = positive(timings.pingAfterMs ?? PING_AFTER_MS, "pingAfterMs");
    this.kickAfterMs = positive(timings.kickAfterMs ?? KICK_AFTER_MS, "kickAfterMs");
    this.requestTimeoutMs = positive(timings.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, "requestTimeoutMs");
    this.maxFrameBytes = positive(timings.maxFrameBytes ?? DEFAULT_MAX_ENVELOPE_BYTES, "maxFrameBytes");
    this.lastInbound = options.clock.now();
  }

  get closed(): { code: number; reason: string } | undefined {
    return this.closedWith;
  }

  get outstanding(): number {
    return this.pending.size + this.queue.length;
  }

  get inFlightInbound(): number {
    return this.inbound.size;
  }

  /** Handles one received frame; a violation closes the session. */
  receive(frame: unknown): void {
    if (this.closedWith !== undefined) return;
    if (typeof frame === "string") return this.close(SESSION_CLOSE_CODES.UNSUPPORTED_DATA, "expected binary frames");
    this.lastInbound = this.options.clock.now();
    this.pingOutstanding = false;
    let envelope: Envelope;
    try {
      const decoded = decodeEnvelopeFrame({ bytes: frame as Uint8Array, maxBytes: this.maxFrameBytes });
      envelope = decoded.envelope;
      // A canonical write frame already holds each event's encoding: a relay stores and checks those bytes as they came.
      if (decoded.canonical && envelope.message.case === "eventWriteRequest") recordWrittenEventBytes(frame as Uint8Array, envelope.message.value.events);
    } catch (error) {
      if (isSizeLimitError(error)) return this.close(SESSION_CLOSE_CODES.MESSAGE_TOO_BIG, `frame over ${this.maxFrameBytes} bytes`);
      return this.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, "frame is not an Envelope");
    }
    const id = envelope.requestId?.raw;
    if (id === undefined || id === 0n) return this.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, "envelope without request_id");
    const { message } = envelope;
    if (message.case === undefined) return this.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, "envelope without message");
    if (message.case === "response") {
      const waiting = this.pending.get(id);
      if (waiting === undefined) {
        if (this.expired.delete(id)) return;
        return this.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, `response to unknown request ${id}`);
      }
      this.pending.delete(id);
      waiting.resolve(envelope);
      this.sendQueued();
      return;
    }
    if (this.options.forbiddenRequests.has(message.case)) return this.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, `${message.case} is not allowed in this direction`);
    if (this.inbound.has(id)) return this.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, `duplicate in-flight request id ${id}`);
    if (this.inbound.size >= this.options.maxInbound) {
      this.write(createResponseEnvelope({ requestId: id, error: { code: this.options.tooManyCode, message: `more than ${this.options.maxInbound} requests in flight` } }));
      return;
    }
    this.inbound.add(id);
    if (message.case === "pingRequest") {
      this.options.beforePong?.();
      return this.reply({ id });
    }
    this.options.onRequest({ id, request: message as EnvelopeRequest });
  }

  /** Answers an inbound request once; later answers and answers after close are dropped. */
  reply({ id, payload, error }: { id: bigint; payload?: Uint8Array | undefined; error?: ResponseErrorInit | undefined }): void {
    if (!this.inbound.delete(id) || this.closedWith !== undefined) return;
    if (payload === undefined && error === undefined) return this.options.transport.send(encodeOkResponse(id));
    this.write(createResponseEnvelope({ requestId: id, ...(payload === undefined ? {} : { payload }), ...(error === undefined ? {} : { error }) }));
  }

  /**
   * Sends a request and resolves with the response Envelope; queues it while
   * too many are outstanding. `frame` instead of `request`: the caller writes
   * the whole Envelope for the id it is given (a relay's spliced push).
   */
  request(parameters: { request: EnvelopeRequest; onTimeout?: RequestTimeoutAction } | { frame: (id: bigint) => Uint8Array; onTimeout?: RequestTimeoutAction }): Promise<Envelope> {
    const onTimeout = parameters.onTimeout ?? "reject";
    const encode = "frame" in parameters ? parameters.frame : (id: bigint) => encodeEnvelope({ envelope: create(EnvelopeSchema, { requestId: create(RequestIdSchema, { raw: id }), message: parameters.request }) });
    return new Promise<Envelope>((resolve, reject) => {
      if (this.closedWith !== undefined) return reject(this.closedError());
      this.queue.push({ encode, onTimeout, resolve, reject });
      this.sendQueued();
    });
  }

  /** Sends a request whose answer, if one ever comes, is dropped: nothing waits for it (v3 SyncStatus, which v3 clients never answer). */
  notify({ request }: { request: EnvelopeRequest }): void {
    if (this.closedWith !== undefined) return;
    const id = this.nextId++;
    this.remember(id);
    this.write(create(EnvelopeSchema, { requestId: create(RequestIdSchema, { raw: id }), message: request }));
  }

  /** Checks deadlines against the clock: request timeouts, ping, kick. */
  tick(): void {
    if (this.closedWith !== undefined) return;
    const now = this.options.clock.now();
    if (now - this.lastInbound >= this.kickAfterMs) return this.close(SESSION_CLOSE_CODES.IDLE_TIMEOUT, `nothing received for ${this.kickAfterMs} ms`);
    for (const [id, waiting] of this.pending) {
      if (waiting.deadline > now) continue;
      if (waiting.onTimeout === "close") return this.close(SESSION_CLOSE_CODES.IDLE_TIMEOUT, `request ${id} not answered in ${this.requestTimeoutMs} ms`);
      this.pending.delete(id);
      this.remember(id);
      waiting.reject(new SessionError({ problem: "TIMEOUT", expected: `expected an answer to request ${id} within ${this.requestTimeoutMs} ms` }));
    }
    this.sendQueued();
    if (!this.pingOutstanding && now - this.lastInbound >= this.pingAfterMs) {
      this.pingOutstanding = true;
      // The answer only matters as inbound traffic; a missing one ends in the kick.
      this.request({ request: { case: "pingRequest", value: create(PingRequestSchema) } }).catch(() => undefined);
    }
  }

  /** When tick() next has something to do (ms on the session clock), or undefined once closed. */
  nextDeadline(): number | undefined {
    if (this.closedWith !== undefined) return undefined;
    let next = this.lastInbound + this.kickAfterMs;
    if (!this.pingOutstanding) next = Math.min(next, this.lastInbound + this.pingAfterMs);
    for (const waiting of this.pending.values()) next = Math.min(next, waiting.deadline);
    return next;
  }

  /** Closes the session: pending requests fail with a CLOSED SessionError, the transport is closed. */
  close(code: number, reason: string): void {
    if (this.finish(code, reason)) this.options.transport.close(code, reason);
  }

  /** The transport closed underneath the session. */
  transportClosed(code: number, reason: string): void {
    this.finish(code, reason);
  }

  private finish(code: number, reason: string): boolean {
    if (this.closedWith !== undefined) return false;
    this.closedWith = { code, reason };
    const error = this.closedError();
    for (const waiting of this.pending.values()) waiting.reject(error);
    for (const queued of this.queue) queued.reject(error);
    this.pending.clear();
    this.queue.length = 0;
    this.inbound.clear();
    this.options.onClose(this.closedWith);
    return true;
  }

  private closedError(): SessionError {
    const { code, reason } = this.closedWith ?? { code: 0, reason: "" };
    return new SessionError({ problem: "CLOSED", expected: `session closed (${code}${reason === "" ? "" : `: ${reason}`})` });
  }

  private sendQueued(): void {
    while (this.closedWith === undefined && this.queue.length > 0 && this.pending.size < this.options.maxOutstanding) {
      const next = this.queue.shift() as Queued;
      const id = this.nextId++;
      let frame: Uint8Array;
      try {
        frame = next.encode(id);
      } catch (error) {
        next.reject(error);
        continue;
      }
      this.pending.set(id, { resolve: next.resolve, reject: next.reject, deadline: next.onTimeout === "never" ? Number.POSITIVE_INFINITY : this.options.clock.now() + this.requestTimeoutMs, onTimeout: next.onTimeout });
      this.options.transport.send(frame);
    }
  }

  private write(envelope: Envelope): void {
    this.options.transport.send(encodeEnvelope({ envelope }));
  }

  private remember(id: bigint): void {
    this.expired.add(id);
    if (this.expired.size > EXPIRED_MEMORY) this.expired.delete(this.expired.values().next().value as bigint);
  }
}

function positive(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw new FieldValueError("OUT_OF_RANGE", "expected a positive number", { path });
  return value;
}
