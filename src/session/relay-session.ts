// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import type { Address } from "viem";
import { hexToBytes } from "../crypto/hex.js";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { type SubscriptionRequest, ObjectType, ObjectTypeSchema } from "../../gen/market/mass/subscription_pb.js";
import { SyncStatusRequestSchema } from "../../gen/market/mass/transport_pb.js";
import { hashAuthChallenge } from "../eip712/auth-challenge.js";
import { isNetworkSchemaError } from "../errors/base.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { isRelayError } from "../errors/relay-error.js";
import { parseSignature } from "../signature/parse-signature.js";
import { recoverDigestSigner } from "../signature/recover-digest-signer.js";
import { dialectScheme } from "../wire/dialect.js";
import { DEFAULT_MAX_ENVELOPE_BYTES, LIMIT_MAX_IN_BATCH_SIZE, LIMIT_MAX_IN_REQUESTS, LIMIT_MAX_OUT_BATCH_SIZE, LIMIT_MAX_OUT_REQUESTS } from "../wire/constants.js";
import { personalMessageDigest } from "../wire/hash-event-bytes.js";
import { keycardAddress } from "../wire/keycards.js";
import { matchResponse } from "../wire/match-response.js";
import type { ResponseErrorInit } from "../wire/create-response-envelope.js";
import { sameBytes } from "../wire/same-bytes.js";
import { SESSION_CLOSE_CODES } from "./close-codes.js";
import { domainHint } from "./domain-hint.js";
import { EnvelopePeer, type InboundRequest } from "./envelope-peer.js";
import { type EventObject, eventObject } from "./event-filter.js";
import { readSignedEventObject } from "./read-event-object.js";
import { planPush } from "./push-frame.js";
import { encodeSplicedPush } from "../wire/encode-spliced-push.js";
import type { RelayBackend, RelayKeycard, RelayLogEntry } from "./relay-backend.js";
import type { SessionTimings } from "./timings.js";
import { type SessionClock, type SessionTransport, systemClock } from "./transport.js";

export interface RelaySessionOptions {
  /** Where frames go; the server feeds received frames to {@link RelaySession.receive}. */
  readonly transport: SessionTransport;
  /** Keycards, shop logs and the write path. */
  readonly backend: RelayBackend;
  /** Defaults to {@link systemClock}. */
  readonly clock?: SessionClock | undefined;
  /** Ping, kick, request timeout and frame cap; v3 defaults. */
  readonly timings?: SessionTimings | undefined;
  /** Login challenge bytes; defaults to 32 bytes from `crypto.getRandomValues`. */
  readonly randomChallenge?: (() => Uint8Array) | undefined;
  /** Largest frame the client accepts; each push is filled up to it. Default {@link DEFAULT_MAX_ENVELOPE_BYTES} (128 KiB, the v3 limit of both ends). */
  readonly peerMaxFrameBytes?: number | undefined;
  /** Most push bytes sent and not yet acknowledged; one push is always allowed. Default {@link DEFAULT_MAX_OUTSTANDING_PUSH_BYTES}. */
  readonly maxOutstandingPushBytes?: number | undefined;
  /** Told why the backend failed while the session read the log (the session then closes with INTERNAL_ERROR, 1011, and a reason that names no file). */
  readonly onBackendFailure?: ((error: unknown) => void) | undefined;
}

/** Default budget (256 KiB, two full frames) of push bytes a relay session has sent and not had acknowledged. */
export const DEFAULT_MAX_OUTSTANDING_PUSH_BYTES = 256 * 1024;

/** Most matching log entries a relay session holds for its subscription; the rest of the backlog is counted and read again as the queue drains. */
const SUBSCRIPTION_QUEUE_LIMIT = 512;
// Log entries asked of the backend at once.
const READ_CHUNK = 1024;

// Requests only a relay sends: a client sending one breaks the protocol.
const RELAY_ONLY = new Set(["subscriptionPushRequest", "syncStatusRequest"]);
// Filters that need a login to the subscribed shop.
const PRIVATE_TYPES = new Set<ObjectType>([ObjectType.INVENTORY, ObjectType.ORDER]);

type Refusal = ResponseErrorInit & { readonly message: string };

interface Subscription {
  readonly id: Uint8Array;
  readonly shopId: Uint8Array;
  readonly filters: SubscriptionRequest["filters"];
  /** Highest seqNo examined for this subscription. */
  scanned: bigint;
  /** Matching entries not yet pushed, at most SUBSCRIPTION_QUEUE_LIMIT. */
  readonly queue: RelayLogEntry[];
  /** Matching entries after the queue, counted but not held (read again when the queue runs low). */
  backlog: number;
  /** Entries up to this seqNo are queued, pushed or not matching; a refill reads after it. */
  queuedUpTo: bigint;
  unwatch: () => void;
  /** A SyncStatus is due before the next push (at the start; in the v3 dialect, after every read that found new entries). */
  announce: boolean;
  /** The log grew while a push was in flight: read it when the push is acknowledged (or a ping comes). */
  dirty: boolean;
  /** What the client counts as unpushed: the last SyncStatus minus the events pushed since (never below 0), as ClientSession counts it. */
  believed: bigint;
  /** A SyncStatus sent for a held-back backlog is unanswered: no other one for that reason until it is. */
  statusPending: boolean;
  /** Its pushes in flight that were not full (under 64 events, and the queue ended): while one is, the next partial push waits for its ack. */
  partialPushes: number;
  /** The shop speaks the v3 dialect: liveness only by the silence kick, events after start_shop_seq_no, a SyncStatus and pushes on every write. */
  readonly v3: boolean;
}

/** Why a pump stopped: nothing queued, a partial push waiting for the ack of the one in flight, or held back by the byte budget or the request window. */
type PumpEnd = "idle" | "waiting" | "held";

/**
 * The relay end of one client connection as a state machine over Envelope
 * frames (see {@link ClientSession} for the driving pattern): login with the
 * domain-separated challenge or the v3 EIP-191 form, event writes through
 * the backend, one subscription with filters and a start seq_no, pushes of
 * at most 64 events cut to the peer's frame limit with a byte budget of
 * unacknowledged pushes, live events coalesced while a partial push is in
 * flight, SyncStatus where the client's count would be wrong (at the start,
 * for a held-back backlog, before a ping's answer), pings and kicks, and a
 * close on every protocol violation. See docs/sessions.md.
 *
 * @example
 * const session = new RelaySession({ transport: { send: (f) => ws.send(f), close: (c, r) => ws.close(c, r) }, backend });
 * ws.on("message", (data) => session.receive({ frame: new Uint8Array(data as Buffer) }));
 */
export class RelaySession {
  private readonly peer: EnvelopePeer;
  private readonly backend: RelayBackend;
  private readonly randomChallenge: () => Uint8Array;
  private keycard: RelayKeycard | undefined;
  private challenge: { readonly keycard: RelayKeycard; readonly bytes: Uint8Array } | undefined;
  private subscription: Subscription | undefined;
  private nextSubscription = 1;
  private readonly peerMaxFrameBytes: number;
  private readonly maxPushBytes: number;
  private readonly onBackendFailure: (error: unknown) => void;
  private pushBytes = 0;

  constructor(options: RelaySessionOptions) {
    const { transport, backend, clock = systemClock, timings = {}, randomChallenge = defaultChallenge, onBackendFailure = () => undefined } = objectParameter(options);
    this.onBackendFailure = onBackendFailure;
    this.peerMaxFrameBytes = positiveInteger(options.peerMaxFrameBytes ?? DEFAULT_MAX_ENVELOPE_BYTES, "peerMaxFrameBytes");
    this.maxPushBytes = positiveInteger(options.maxOutstandingPushBytes ?? DEFAULT_MAX_OUTSTANDING_PUSH_BYTES, "maxOutstandingPushBytes");
    if (typeof transport !== "object" || transport === null || typeof transport.send !== "function" || typeof transport.close !== "function") {
      throw new FieldValueError("WRONG_TYPE", "expected a transport with send(frame) and close(code, reason)", { path: "transport" });
    }
    if (typeof backend !== "object" || backend === null) throw new FieldValueError("WRONG_TYPE", "expected a RelayBackend", { path: "backend" });
    this.backend = backend;
    dialectScheme({ dialect: backend.dialect, path: "backend.dialect" });
    this.randomChallenge = randomChallenge;
    this.peer = new EnvelopePeer({
      transport,
      clock,
      timings,
      maxOutstanding: LIMIT_MAX_OUT_REQUESTS,
      maxInbound: LIMIT_MAX_IN_REQUESTS,
      forbiddenRequests: RELAY_ONLY,
      tooManyCode: ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS,
      onRequest: (request) => this.handle(request),
      beforePong: () => this.beforePong(),
      onClose: () => {
        this.endSubscription();
        if (this.keycard !== undefined) this.backend.releaseKeycard({ keycard: this.keycard, session: this });
      },
    });
  }

  /** Feeds one received frame: binary, or text (which closes the session, code 1003). @example relaySession.receive({ frame }) */
  receive({ frame }: { frame: Uint8Array | string }): void {
    this.peer.receive(frame);
  }

  /** Runs due timers (ping, kick, push timeouts). @example relaySession.tick() */
  tick(): void {
    this.peer.tick();
  }

  /** Session-clock time when `tick` next has work, or undefined once closed. @example relaySession.nextDeadline() */
  nextDeadline(): number | undefined {
    return this.peer.nextDeadline();
  }

  /** Tells the session its transport closed. @example ws.on("close", (code, reason) => relaySession.transportClosed({ code, reason: reason.toString() })) */
  transportClosed({ code, reason }: { code: number; reason: string }): void {
    this.peer.transportClosed(code, reason);
  }

  /** Closes the session with a close code from SESSION_CLOSE_CODES. @example relaySession.close({ code: SESSION_CLOSE_CODES.NORMAL, reason: "shutdown" }) */
  close({ code, reason }: { code: number; reason: string }): void {
    this.peer.close(code, reason);
  }

  /** How and why the session closed, or undefined while open. */
  get closed(): { readonly code: number; readonly reason: string } | undefined {
    return this.peer.closed;
  }

  /** The logged-in keycard's address, once login succeeded. */
  get loggedInAs(): Address | undefined {
    return this.keycard?.address;
  }

  /** Bytes of pushes sent and not yet acknowledged (at most the budget, or one push). */
  get outstandingPushBytes(): number {
    return this.pushBytes;
  }

  /** Requests of the client awaiting this relay's answer. */
  get inFlight(): number {
    return this.peer.inFlightInbound;
  }

  private handle({ id, request }: InboundRequest): void {
    const refuse = (code: ErrorCodes, message: string, more: Omit<ResponseErrorInit, "code" | "message"> = {}) => this.peer.reply({ id, error: { code, message, ...more } });
    switch (request.case) {
      case "authRequest": {
        if (this.keycard !== undefined) return refuse(ErrorCodes.ALREADY_AUTHENTICATED, "this session is logged in");
        const raw = request.value.publicKey?.raw;
        if (raw === undefined || raw.length !== 64) return refuse(ErrorCodes.INVALID, "auth_request.public_key: expected 64 bytes");
        try {
          keycardAddress({ keycard: raw });
        } catch {
          return refuse(ErrorCodes.INVALID, "auth_request.public_key: not a secp256k1 point");
        }
        const keycard = this.backend.findKeycard({ publicKey: raw });
        if (keycard === undefined) return refuse(ErrorCodes.NOT_FOUND, "keycard not enrolled", { path: "auth_request.public_key", hint: "enrol the keycard in this relay's shop first; a keycard enrolled in another relay or shop is unknown here" });
        const bytes = this.randomChallenge();
        this.challenge = { keycard, bytes };
        return this.peer.reply({ id, payload: bytes });
      }
      case "challengeSolutionRequest": {
        const pending = this.challenge;
        // A solution without a challenge is out of order.
        if (pending === undefined) return this.peer.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, "challenge solution without a challenge");
        this.challenge = undefined;
        if (!this.solves(pending, request.value.signature?.raw)) {
          return refuse(ErrorCodes.INVALID, "challenge_solution_request.signature: not the keycard's signature of the challenge", { path: "challenge_solution_request.signature", hint: domainHint({ domain: this.backend.domain }) });
        }
        this.keycard = pending.keycard;
        // Only after proof of the key may an older session of the keycard be closed.
        this.backend.claimKeycard({ keycard: pending.keycard, session: this, replace: () => this.peer.close(SESSION_CLOSE_CODES.REPLACED, "keycard logged in on another connection") });
        return this.peer.reply({ id });
      }
      case "eventWriteRequest": {
        const keycard = this.keycard;
        if (keycard === undefined) return refuse(ErrorCodes.NOT_AUTHENTICATED, "writing needs a keycard login");
        const { events } = request.value;
        if (events.length === 0 || events.length > LIMIT_MAX_IN_BATCH_SIZE) return refuse(ErrorCodes.INVALID, `event_write_request.events: expected 1 to ${LIMIT_MAX_IN_BATCH_SIZE} events, got ${events.length}`);
        this.backend.write({ keycard, events }).then(
          (payload) => this.peer.reply({ id, payload }),
          (error: unknown) => this.peer.reply({ id, error: refusalOf(error) }),
        );
        return;
      }
      case "subscriptionRequest": {
        const refusal = this.subscribe(request.value);
        if (refusal !== undefined) return refuse(refusal.code, refusal.message);
        const subscription = this.subscription as Subscription;
        this.peer.reply({ id, payload: subscription.id });
        return this.serving(() => this.scan(subscription));
      }
      case "subscriptionCancelRequest": {
        const subscription = this.subscription;
        if (subscription === undefined || !sameBytes({ a: subscription.id, b: request.value.subscriptionId })) return refuse(ErrorCodes.NOT_FOUND, "no subscription with this id");
        this.endSubscription();
        return this.peer.reply({ id });
      }
      case "getBlobUploadUrlRequest": {
        const keycard = this.keycard;
        if (keycard === undefined) return refuse(ErrorCodes.NOT_AUTHENTICATED, "blob uploads need a keycard login");
        const issue = this.backend.blobUploadUrl;
        if (issue === undefined) return refuse(ErrorCodes.INVALID, "this relay does not store blobs");
        // The payload is the URL as UTF-8 text, as v3 relays answer.
        Promise.resolve()
          .then(() => issue.call(this.backend, { keycard }))
          .then(
            (url) => this.peer.reply({ id, payload: new TextEncoder().encode(url) }),
            (error: unknown) => this.peer.reply({ id, error: refusalOf(error) }),
          );
        return;
      }
      default:
        return refuse(ErrorCodes.INVALID, `${request.case} is not handled by this relay`);
    }
  }

  private solves(pending: { keycard: RelayKeycard; bytes: Uint8Array }, raw: Uint8Array | undefined): boolean {
    if (raw === undefined) return false;
    try {
      const signature = parseSignature({ signature: raw });
      const typed = recoverDigestSigner({ digest: hexToBytes(hashAuthChallenge({ challenge: pending.bytes, domain: this.backend.domain })), signature });
      if (typed === pending.keycard.address) return true;
      // The v3 form: EIP-191 personal message over the challenge.
      return recoverDigestSigner({ digest: personalMessageDigest({ bytes: pending.bytes }), signature }) === pending.keycard.address;
    } catch (error) {
      if (isNetworkSchemaError(error)) return false;
      throw error;
    }
  }

  private subscribe(request: SubscriptionRequest): Refusal | undefined {
    if (this.subscription !== undefined) return { code: ErrorCodes.INVALID, message: "only one subscription per session" };
    const shopId = request.shopId?.raw;
    if (shopId === undefined || shopId.length !== 32) return { code: ErrorCodes.INVALID, message: "subscription_request.shop_id: expected 32 bytes" };
    if (request.filters.length === 0) return { code: ErrorCodes.INVALID, message: "subscription_request.filters: expected at least one filter" };
    for (const [i, filter] of request.filters.entries()) {
      if (filter.objectType === ObjectType.UNSPECIFIED || ObjectTypeSchema.value[filter.objectType] === undefined) {
        return { code: ErrorCodes.INVALID, message: `subscription_request.filters[${i}].object_type: expected a known ObjectType other than UNSPECIFIED` };
      }
      if (filter.objectId !== undefined && filter.objectId.raw.length !== 8) return { code: ErrorCodes.INVALID, message: `subscription_request.filters[${i}].object_id: expected 8 bytes` };
      if (PRIVATE_TYPES.has(filter.objectType)) {
        if (this.keycard === undefined) return { code: ErrorCodes.NOT_AUTHENTICATED, message: "ORDER and INVENTORY need a keycard login" };
        if (!sameBytes({ a: this.keycard.shopId, b: shopId })) return { code: ErrorCodes.INVALID, message: "ORDER and INVENTORY only for the shop of the login" };
        if (this.keycard.guest && filter.objectType === ObjectType.INVENTORY) return { code: ErrorCodes.INVALID, message: "guest keycards may not subscribe to INVENTORY" };
        if (this.keycard.guest && filter.objectId !== undefined && this.backend.orderOwner({ shopId, orderId: filter.objectId.raw }) !== this.keycard.address) {
          return { code: ErrorCodes.INVALID, message: `subscription_request.filters[${i}].object_id: not an order of this guest keycard` };
        }
      }
    }
    if (!this.backend.hasShop({ shopId })) return { code: ErrorCodes.NOT_FOUND, message: "unknown shop" };
    const id = new Uint8Array([(this.nextSubscription >> 8) & 0xff, this.nextSubscription & 0xff]);
    this.nextSubscription = (this.nextSubscription % 0xffff) + 1;
    const start = request.startShopSeqNo;
    const v3 = (this.backend.shopDialect?.({ shopId }) ?? this.backend.dialect) === "v3";
    // Default: events from start_shop_seq_no on; v3 relays sent the events after it.
    const scanned = v3 ? start : start > 0n ? start - 1n : 0n;
    const subscription: Subscription = { id, shopId: shopId.slice(), filters: request.filters, scanned, queue: [], backlog: 0, queuedUpTo: scanned, unwatch: () => undefined, announce: true, dirty: false, believed: 0n, statusPending: false, partialPushes: 0, v3 };
    subscription.unwatch = this.backend.watch({ shopId: subscription.shopId, onAppend: () => this.notify() });
    this.subscription = subscription;
    return undefined;
  }

  /** The shop's log grew: scans it and pushes what the window allows; with a push in flight (default dialect) only notes it, for the ack to read. */
  private notify(): void {
    const subscription = this.subscription;
    if (subscription === undefined || this.peer.closed !== undefined) return;
    // A burst of commits during one round trip then costs this subscriber one read and one push, not one per commit.
    if (!subscription.v3 && subscription.partialPushes > 0) {
      subscription.dirty = true;
      return;
    }
    this.serving(() => this.scan(subscription));
  }

  // synced() pings after a write's ack: before the answer, the client's count of unpushed events must be the true one.
  private beforePong(): void {
    const subscription = this.subscription;
    if (subscription === undefined || subscription.v3 || this.peer.closed !== undefined) return;
    this.serving(() => {
      if (subscription.dirty) this.scan(subscription);
      if (this.subscription === subscription && this.unpushed(subscription) !== subscription.believed) this.announce(subscription);
    });
  }

  // A log that cannot be read back closes this session, never the server (nor the write that woke it).
  private serving(serve: () => void): void {
    try {
      serve();
    } catch (error) {
      this.onBackendFailure(error);
      this.endSubscription();
      this.peer.close(SESSION_CLOSE_CODES.INTERNAL_ERROR, "the relay could not read its log");
    }
  }

  // A session that stops reading holds at most SUBSCRIPTION_QUEUE_LIMIT entries; the rest of its backlog is a count.
  private scan(subscription: Subscription): void {
    subscription.dirty = false;
    for (;;) {
      const fresh = this.backend.read({ shopId: subscription.shopId, afterSeqNo: subscription.scanned, limit: READ_CHUNK });
      for (const entry of fresh) {
        subscription.scanned = entry.seqNo;
        const holding = subscription.backlog === 0;
        if (!this.matches(subscription, entry)) {
          if (holding) subscription.queuedUpTo = entry.seqNo;
        } else if (holding && subscription.queue.length < SUBSCRIPTION_QUEUE_LIMIT) {
          subscription.queue.push(entry);
          subscription.queuedUpTo = entry.seqNo;
        } else {
          subscription.backlog++;
        }
      }
      if (fresh.length > 0 && subscription.v3) subscription.announce = true;
      if (fresh.length < READ_CHUNK) break;
    }
    const end = this.pump(subscription);
    // A subscriber held back by its budget (a slow reader) hears of the backlog that grew, one SyncStatus at a time.
    if (end === "held" && !subscription.v3 && !subscription.statusPending && this.unpushed(subscription) !== subscription.believed) this.announce(subscription);
  }

  private unpushed(subscription: Subscription): bigint {
    return BigInt(subscription.queue.length + subscription.backlog);
  }

  // Reads the counted backlog again, after the last entry queued, until the queue is full again.
  private refill(subscription: Subscription): void {
    while (subscription.backlog > 0 && subscription.queue.length < SUBSCRIPTION_QUEUE_LIMIT) {
      const entries = this.backend.read({ shopId: subscription.shopId, afterSeqNo: subscription.queuedUpTo, limit: READ_CHUNK });
      if (entries.length === 0) return;
      for (const entry of entries) {
        if (entry.seqNo > subscription.scanned || subscription.backlog === 0 || subscription.queue.length >= SUBSCRIPTION_QUEUE_LIMIT) return;
        subscription.queuedUpTo = entry.seqNo;
        if (!this.matches(subscription, entry)) continue;
        subscription.queue.push(entry);
        subscription.backlog--;
      }
    }
  }

  // The entry's object, when the backend keeps it, or else read in place from its bytes, spares decoding the event for each subscriber.
  private matches(subscription: Subscription, entry: RelayLogEntry): boolean {
    const bytes = entry.signedEventBytes;
    const object = entry.object ?? (bytes === undefined ? undefined : readSignedEventObject(bytes)) ?? eventObject({ event: entry.event });
    return objectMatches(object, subscription.filters) && this.visible(subscription, object);
  }

  /** Guests see only the events of their own orders (whoever signed them). */
  private visible(subscription: Subscription, { objectType, objectId }: EventObject): boolean {
    const keycard = this.keycard;
    if (keycard === undefined || !keycard.guest) return true;
    if (objectType !== ObjectType.ORDER) return true;
    return objectId !== undefined && this.backend.orderOwner({ shopId: subscription.shopId, orderId: objectId }) === keycard.address;
  }

  // Sends SyncStatus with the events not yet pushed; the client counts from it.
  private announce(subscription: Subscription): void {
    const unpushedEvents = this.unpushed(subscription);
    subscription.believed = unpushedEvents;
    const request = { case: "syncStatusRequest" as const, value: create(SyncStatusRequestSchema, { unpushedEvents }) };
    // v3 clients have no SyncStatus handler: sent for those that read it, never waited for.
    if (subscription.v3) return this.peer.notify({ request });
    subscription.statusPending = true;
    this.peer.request({ request, onTimeout: "close" }).then((response) => {
      subscription.statusPending = false;
      this.acknowledged(subscription, response);
    }, () => undefined);
  }

  private pump(subscription: Subscription): PumpEnd {
    if (subscription.announce && this.peer.outstanding < LIMIT_MAX_OUT_REQUESTS) {
      subscription.announce = false;
      this.announce(subscription);
    }
    while (this.subscription === subscription) {
      if (this.peer.outstanding >= LIMIT_MAX_OUT_REQUESTS) return "held";
      if (subscription.queue.length < SUBSCRIPTION_QUEUE_LIMIT / 2) this.refill(subscription);
      if (subscription.queue.length === 0) return "idle";
      const { count, frameBytes, fields } = planPush(subscription.queue, { subscriptionIdBytes: subscription.id.length, maxFrameBytes: this.peerMaxFrameBytes, maxEvents: LIMIT_MAX_OUT_BATCH_SIZE });
      if (count === 0) {
        this.tooBig(subscription.queue[0] as RelayLogEntry, frameBytes);
        return "idle";
      }
      // Coalescing (default dialect): a push that is not full waits while another such push is in flight, then carries every event that came meanwhile.
      const partial = count < LIMIT_MAX_OUT_BATCH_SIZE && count === subscription.queue.length && subscription.backlog === 0;
      if (partial && subscription.partialPushes > 0 && !subscription.v3) return "waiting";
      // The budget holds back a slow reader; with nothing outstanding one push always goes.
      if (this.pushBytes > 0 && this.pushBytes + frameBytes > this.maxPushBytes) return "held";
      subscription.queue.splice(0, count);
      subscription.believed = subscription.believed > BigInt(count) ? subscription.believed - BigInt(count) : 0n;
      // Each event's SequencedEvent bytes, encoded once for every session (push-frame.ts), spliced in as field 2: the bytes toBinary would write.
      const subscriptionId = subscription.id;
      this.pushBytes += frameBytes;
      if (partial) subscription.partialPushes++;
      const settled = () => {
        this.pushBytes -= frameBytes;
        if (partial) subscription.partialPushes--;
      };
      // A v3 client may ack late: an unacknowledged push holds back the next ones but never closes the session.
      this.peer.request({ frame: (id) => encodeSplicedPush(id, subscriptionId, fields), onTimeout: subscription.v3 ? "never" : "close" }).then(
        (response) => {
          settled();
          this.acknowledged(subscription, response);
        },
        settled,
      );
    }
    return "idle";
  }

  // No push can carry this event: close rather than stall the subscription without a word.
  private tooBig(entry: RelayLogEntry, frameBytes: number): void {
    this.peer.close(SESSION_CLOSE_CODES.EVENT_TOO_BIG, `event seq_no ${entry.seqNo} needs a ${frameBytes}-byte push, over the peer's ${this.peerMaxFrameBytes}-byte frame limit`);
  }

  private acknowledged(subscription: Subscription, response: Parameters<typeof matchResponse>[0]["response"]): void {
    try {
      matchResponse({ request: response, response });
    } catch {
      // An error ack (CLOSE_SUBSCRIPTION or any other) ends the subscription.
      if (this.subscription === subscription) return this.endSubscription();
    }
    // The budget moved: the current subscription (a push of an ended one may have held it back) reads what came meanwhile and pushes.
    const current = this.subscription;
    if (current !== undefined && this.peer.closed === undefined) this.serving(() => this.scan(current));
  }

  private endSubscription(): void {
    const subscription = this.subscription;
    if (subscription === undefined) return;
    this.subscription = undefined;
    subscription.queue.length = 0;
    subscription.backlog = 0;
    subscription.unwatch();
  }
}

// eventMatchesFilters over an object already found: filters are OR-ed; one naming an id matches that object only.
function objectMatches({ objectType, objectId }: EventObject, filters: SubscriptionRequest["filters"]): boolean {
  for (const filter of filters) {
    if (filter.objectType !== objectType) continue;
    if (filter.objectId === undefined || (objectId !== undefined && sameBytes({ a: filter.objectId.raw, b: objectId }))) return true;
  }
  return false;
}

function positiveInteger(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) throw new FieldValueError("OUT_OF_RANGE", "expected a positive integer", { path });
  return value;
}

function defaultChallenge(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}

function refusalOf(error: unknown): Refusal {
  if (isRelayError(error)) return { code: error.errorCode, message: error.relayMessage, rule: error.rule, path: error.path, hint: error.hint };
  if (isNetworkSchemaError(error)) return { code: ErrorCodes.INVALID, message: error.message, rule: error.code, path: error.path };
  return { code: ErrorCodes.INVALID, message: "the relay could not process the request" };
}
