// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import type { Address, LocalAccount } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import type { Envelope } from "../../gen/market/mass/envelope_pb.js";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { ObjectType, type SubscriptionPushRequest, SubscriptionCancelRequestSchema } from "../../gen/market/mass/subscription_pb.js";
import { GetBlobUploadURLRequestSchema } from "../../gen/market/mass/shop_requests_pb.js";
import { PingRequestSchema, type SignedEvent } from "../../gen/market/mass/transport_pb.js";
import { signAuthChallenge } from "../eip712/auth-challenge.js";
import type { EventDomain } from "../eip712/domain.js";
import { isLocalAccount } from "../eip712/signer.js";
import { AccountError } from "../errors/account-error.js";
import { isNetworkSchemaError } from "../errors/base.js";
import { isEventRejectedError } from "../errors/event-rejected-error.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { SessionError } from "../errors/session-error.js";
import { UnexpectedResponseError } from "../errors/unexpected-response-error.js";
import { LIMIT_MAX_IN_REQUESTS, LIMIT_MAX_OUT_BATCH_SIZE, LIMIT_MAX_OUT_REQUESTS } from "../wire/constants.js";
import { createAuthenticateRequest } from "../wire/create-authenticate-request.js";
import { createChallengeSolvedRequest } from "../wire/create-challenge-solved-request.js";
import { createEventWriteRequest } from "../wire/create-event-write-request.js";
import type { EnvelopeRequest } from "../wire/create-request-envelope.js";
import { createSubscriptionRequest, type SubscriptionFilterInput } from "../wire/create-subscription-request.js";
import { matchResponse } from "../wire/match-response.js";
import { type ShopIdInput, shopIdBytes } from "../wire/shop-id.js";
import { type Dialect, dialectScheme } from "../wire/dialect.js";
import { sameBytes } from "../wire/same-bytes.js";
import { SESSION_CLOSE_CODES } from "./close-codes.js";
import { EnvelopePeer, type InboundRequest } from "./envelope-peer.js";
import { createFilteredPushCheck, type DroppedPush, type FilteredPushCheck } from "./filtered-push-check.js";
import { openPushedEvent } from "./open-pushed-event.js";
import { type FetchFunction, postBlob, type UploadedBlob } from "./post-blob.js";
import { createShopState } from "../state/create-shop-state.js";
import { createShopFold, type ShopFold } from "../state/shop-fold.js";
import type { ShopState } from "../state/shop-state.js";
import type { SessionTimings } from "./timings.js";
import { type CustomerView, type CustomerViewFold, customerViewOf, foldFrom } from "./customer-view.js";
import { LogFollower } from "./log-follower.js";
import { type SessionClock, type SessionTransport, systemClock } from "./transport.js";

/** One event a relay pushed, verified. */
export interface PushedEvent {
  /** Position in the shop log. */
  readonly seqNo: bigint;
  /** The event exactly as received (store and forward this). */
  readonly signedEvent: SignedEvent;
  readonly event: ShopEvent;
  /** Checksummed address of the keycard (or relay) that signed it. */
  readonly signer: Address;
}

export type { DroppedPush, DroppedPushReason } from "./filtered-push-check.js";

/** What a ClientSession reports to its `onEvent` listener. */
export type ClientSessionEvent =
  | { readonly type: "events"; readonly events: readonly PushedEvent[] }
  /** Pushed events a filtered subscription did not deliver, and why (acknowledged to the relay all the same). */
  | { readonly type: "dropped"; readonly events: readonly DroppedPush[] }
  | { readonly type: "syncStatus"; readonly unpushedEvents: bigint }
  | { readonly type: "closed"; readonly code: number; readonly reason: string };

export interface ClientSessionOptions {
  /** Where frames go; the driver feeds received frames to {@link ClientSession.receive}. */
  readonly transport: SessionTransport;
  /** Chain and shop registry: signs the login challenge and verifies pushed events. Required unless `dialect` is `"v3"`. */
  readonly domain?: EventDomain | undefined;
  /**
   * `"v3"`: talk as deployed version-3 clients do (docs/sessions.md,
   * "Dialects"): EIP-191 login and events, an absent shop_id is the
   * subscribed shop, `startShopSeqNo` is the last seq_no already held.
   * Default `"eip712"`.
   */
  readonly dialect?: Dialect | undefined;
  /** Addresses of relays allowed to sign sandboxed events (enrollments, payments) for the shop. */
  readonly relays?: readonly Address[] | undefined;
  /** Defaults to {@link systemClock}. */
  readonly clock?: SessionClock | undefined;
  /** Ping, kick, request timeout and frame cap; v3 defaults. */
  readonly timings?: SessionTimings | undefined;
  /** A state saved from an earlier full subscription (shopStateFromJSON), to resume from. */
  readonly state?: ShopState | undefined;
  /** The last seq_no folded into \`state\`; the next subscription starts after it. */
  readonly lastSeqNo?: bigint | undefined;
  /** Called for pushed events, sync status and the close. */
  readonly onEvent?: ((event: ClientSessionEvent) => void) | undefined;
  /**
   * Most delivered events the session keeps for `events()`, the most recent
   * ones (default {@link DEFAULT_HISTORY_LIMIT}); `Infinity` keeps all, 0
   * none. Asking `events()` for a trimmed event fails with SessionError
   * HISTORY_TRIMMED.
   */
  readonly historyLimit?: number | undefined;
  /** Called when {@link ClientSession.nextDeadline} may have moved earlier without a frame (a `waitFor`); a driver re-arms its timer (connectClientSession does). */
  readonly onDeadline?: (() => void) | undefined;
}

/** What {@link ClientSession.waitFor} shows its condition: the session's state (full subscriptions) and customer view. */
export interface SessionSnapshot {
  readonly state: ShopState | undefined;
  readonly view: CustomerView | undefined;
}

/** Default `waitFor` timeout in milliseconds of the session clock. */
export const DEFAULT_WAIT_TIMEOUT_MS = 30_000;

/**
 * Default `ClientSessionOptions.historyLimit`: 10,000 delivered events. A
 * full sync of a 100,000-event shop keeps its last tenth, while an iterator
 * that keeps up lags by a push or two (at most 64 events each).
 */
export const DEFAULT_HISTORY_LIMIT = 10_000;

/** Filters a guest subscribes with for {@link ClientSession.view}: everything it may see (INVENTORY is refused to guests). */
export const CUSTOMER_VIEW_FILTERS: readonly SubscriptionFilterInput[] = Object.freeze((["MANIFEST", "ACCOUNT", "LISTING", "TAG", "ORDER"] as const).map((objectType) => Object.freeze({ objectType })));

// A filtered subscription folds a view only when it sees every event of these kinds.
function takesCustomerView(filters: readonly { objectType: ObjectType; objectId?: unknown }[]): boolean {
  return [ObjectType.MANIFEST, ObjectType.ACCOUNT, ObjectType.LISTING, ObjectType.TAG].every((type) => filters.some((f) => f.objectType === type && f.objectId === undefined));
}

const ALL_OBJECT_TYPES = [ObjectType.MANIFEST, ObjectType.ACCOUNT, ObjectType.LISTING, ObjectType.TAG, ObjectType.ORDER, ObjectType.INVENTORY];
// Requests only a client sends: a relay sending one breaks the protocol.
const CLIENT_ONLY = new Set(["eventWriteRequest", "subscriptionRequest", "subscriptionCancelRequest", "getBlobUploadUrlRequest", "authRequest", "challengeSolutionRequest"]);

interface Subscription {
  id: Uint8Array;
  readonly full: boolean;
  cancelling: boolean;
  /** Shop, filter and signer checks of a filtered subscription. */
  readonly check: FilteredPushCheck | undefined;
}

/**
 * The client end of a relay connection as a state machine over Envelope
 * frames: no socket, no timers of its own. Feed it received frames
 * (`receive`), call `tick` at `nextDeadline()`, and it writes frames to
 * the transport. It numbers requests and matches responses (an Error becomes
 * a RelayError with the ErrorCodes value), logs in, subscribes, verifies
 * every pushed event, folds a full subscription into the shop state,
 * acknowledges pushes, answers sync status and pings, and closes on any
 * protocol violation. See docs/sessions.md.
 *
 * @example
 * const session = new ClientSession({ transport: { send: (f) => socket.send(f), close: (c, r) => socket.close(c, r) }, domain });
 * socket.onmessage = ({ data }) => session.receive({ frame: new Uint8Array(data) });
 * await session.login({ account });
 */
export class ClientSession {
  private readonly peer: EnvelopePeer;
  private readonly domain: EventDomain | undefined;
  private readonly dialect: Dialect;
  private readonly relays: readonly Address[];
  private readonly listeners = new Set<(event: ClientSessionEvent) => void>();
  private subscription: Subscription | undefined;
  private ledger: ShopFold | undefined;
  private seqNo = 0n;
  private unpushed: bigint | undefined;
  private keycard: Address | undefined;
  private readonly follower: LogFollower;
  private readonly clock: SessionClock;
  private readonly onDeadline: (() => void) | undefined;
  /** A filtered subscription's customer view, folded from seq_no 1. */
  private viewFold: CustomerViewFold | undefined;
  private fullView: { readonly eventCount: number; readonly seqNo: bigint; readonly keycard: Address | undefined; readonly view: CustomerView } | undefined;

  constructor(options: ClientSessionOptions) {
    const { transport, domain, dialect, relays = [], clock = systemClock, timings = {}, onEvent, state, lastSeqNo = 0n, onDeadline, historyLimit = DEFAULT_HISTORY_LIMIT } = objectParameter(options);
    this.dialect = dialectScheme({ dialect }) === "eip191" ? "v3" : "eip712";
    if (typeof transport !== "object" || transport === null || typeof transport.send !== "function" || typeof transport.close !== "function") {
      throw new FieldValueError("WRONG_TYPE", "expected a transport with send(frame) and close(code, reason)", { path: "transport" });
    }
    if (this.dialect === "eip712" && (typeof domain !== "object" || domain === null)) throw new FieldValueError("WRONG_TYPE", "expected an EventDomain", { path: "domain" });
    if (typeof lastSeqNo !== "bigint" || lastSeqNo < 0n) throw new FieldValueError("OUT_OF_RANGE", "expected a non-negative bigint", { path: "lastSeqNo" });
    if (typeof historyLimit !== "number" || !(historyLimit >= 0) || (historyLimit !== Infinity && !Number.isSafeInteger(historyLimit))) {
      throw new FieldValueError("OUT_OF_RANGE", "expected a count of events: a whole number, 0 or more, or Infinity", { path: "historyLimit" });
    }
    this.follower = new LogFollower(historyLimit);
    // Without it the relay pushes the state's own events again and the fold refuses them (BAD_PUSH), which reads like a bad relay.
    if (state !== undefined && state.eventCount > 0 && lastSeqNo === 0n) {
      throw new FieldValueError("MISSING_FIELD", `a state that holds ${state.eventCount} events needs the lastSeqNo it was saved with (session.lastSeqNo at that time)`, { path: "lastSeqNo" });
    }
    this.domain = domain;
    this.relays = [...relays];
    this.ledger = state === undefined ? undefined : createShopFold({ state });
    this.seqNo = lastSeqNo;
    this.clock = clock;
    this.onDeadline = onDeadline;
    if (onEvent !== undefined) this.listeners.add(onEvent);
    this.peer = new EnvelopePeer({
      transport,
      clock,
      timings,
      maxOutstanding: LIMIT_MAX_IN_REQUESTS,
      maxInbound: LIMIT_MAX_OUT_REQUESTS,
      forbiddenRequests: CLIENT_ONLY,
      tooManyCode: ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS,
      onRequest: (request) => this.handle(request),
      onClose: ({ code, reason }) => {
        this.follower.close(new SessionError({ problem: "CLOSED", expected: `session closed (${code}${reason === "" ? "" : `: ${reason}`})` }));
        this.emit({ type: "closed", code, reason });
      },
    });
  }

  /** Feeds one received frame: binary, or text (which closes the session, code 1003). @example session.receive({ frame }) */
  receive({ frame }: { frame: Uint8Array | string }): void {
    this.peer.receive(frame);
  }

  /** Runs due timers (request timeouts, ping, kick); call it at {@link ClientSession.nextDeadline}. @example session.tick() */
  tick(): void {
    this.peer.tick();
    this.follower.expire(this.clock.now());
  }

  /** Session-clock time when `tick` next has work, or undefined once closed. @example const deadline = session.nextDeadline(); if (deadline !== undefined) setTimeout(() => session.tick(), deadline - Date.now()) */
  nextDeadline(): number | undefined {
    const peer = this.peer.nextDeadline();
    const wait = this.follower.nextDeadline();
    return peer === undefined || wait === undefined ? (peer ?? wait) : Math.min(peer, wait);
  }

  /** Tells the session its transport closed. @example socket.onclose = ({ code, reason }) => session.transportClosed({ code, reason }) */
  transportClosed({ code, reason }: { code: number; reason: string }): void {
    this.peer.transportClosed(code, reason);
  }

  /** Ends the session (close code 1000). @example session.close() */
  close(): void {
    this.peer.close(SESSION_CLOSE_CODES.NORMAL, "client closed the session");
  }

  /** Adds a listener; returns its removal. @example const off = session.on((e) => console.log(e.type)) */
  on(listener: (event: ClientSessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How and why the session closed, or undefined while open. */
  get closed(): { readonly code: number; readonly reason: string } | undefined {
    return this.peer.closed;
  }

  /** The logged-in keycard, once login succeeded. */
  get loggedInAs(): Address | undefined {
    return this.keycard;
  }

  /** Highest seq_no received (0 before any push); resume with `startShopSeqNo: lastSeqNo + 1n`. */
  get lastSeqNo(): bigint {
    return this.seqNo;
  }

  /** Events the relay said it still has to push (last SyncStatus minus events received since), or undefined before any. */
  get unpushedEvents(): bigint | undefined {
    return this.unpushed;
  }

  /**
   * The shop state folded from a full subscription's pushes; undefined for
   * filtered ones. Live: the next push changes it in place (docs/shop-state.md,
   * "Folding a stream"); keep `shopStateToJSON({ state })` to hold on to one.
   */
  get state(): ShopState | undefined {
    return this.ledger?.state;
  }

  /**
   * The customer's view (docs/shop-state.md, "A customer's view"): manifest,
   * listings, tags, stock status and orders with prices and totals. A full
   * subscription's is read from {@link ClientSession.state} (orders narrowed
   * to the login's when it is a guest keycard); a filtered one's is folded
   * from its pushes when it starts at seq_no 1 and its filters take every
   * MANIFEST, ACCOUNT, LISTING and TAG event ({@link CUSTOMER_VIEW_FILTERS}).
   * Undefined otherwise. A new object after each change, never changed itself.
   */
  get view(): CustomerView | undefined {
    if (this.viewFold !== undefined) return this.viewFold.view;
    const state = this.ledger?.state;
    if (state === undefined || this.subscription === undefined) return undefined;
    const keycard = this.keycard !== undefined && state.keycards[this.keycard]?.role === "guest" ? this.keycard : undefined;
    const cached = this.fullView;
    if (cached !== undefined && cached.eventCount === state.eventCount && cached.seqNo === this.seqNo && cached.keycard === keycard) return cached.view;
    const view = customerViewOf({ state, keycard, lastSeqNo: this.seqNo, refused: [] });
    this.fullView = { eventCount: state.eventCount, seqNo: this.seqNo, keycard, view };
    return view;
  }

  /**
   * Keycard login: AuthenticateRequest, sign the challenge, ChallengeSolvedRequest.
   * `scheme: "eip712"` (default) signs the domain-separated AuthChallenge;
   * `"eip191"` is the version-3 form (personal message over the challenge),
   * only for a 32-byte challenge so a hostile relay cannot get event bytes signed.
   *
   * @throws RelayError (NOT_FOUND: keycard not enrolled; INVALID: bad signature; ALREADY_AUTHENTICATED), SessionError
   * @example await session.login({ account: privateKeyToAccount(keycardKey) })
   */
  async login(parameters: { account: LocalAccount; scheme?: "eip712" | "eip191" | undefined }): Promise<Address> {
    const { account, scheme = this.dialect === "v3" ? "eip191" : "eip712" } = objectParameter(parameters);
    if (!isLocalAccount(account) || typeof account.publicKey !== "string") throw new AccountError("expected a viem LocalAccount with its publicKey (privateKeyToAccount)");
    const challenge = await this.send({ case: "authRequest", value: createAuthenticateRequest({ publicKey: account.publicKey }) });
    if (challenge === undefined || challenge.length === 0) {
      throw new UnexpectedResponseError({ problem: "NOT_A_RESPONSE", path: "response.payload", expected: "expected the login challenge as payload" });
    }
    let signature;
    if (scheme === "eip191") {
      if (challenge.length !== 32) throw new FieldValueError("WRONG_LENGTH", `expected a 32-byte v3 challenge, got ${challenge.length} bytes; refusing to sign other bytes the v3 way`, { path: "response.payload" });
      signature = await account.signMessage({ message: { raw: challenge } });
    } else if (scheme === "eip712") {
      if (this.domain === undefined) throw new FieldValueError("MISSING_FIELD", "expected the session's domain to sign an EIP-712 login", { path: "domain" });
      signature = await signAuthChallenge({ challenge, domain: this.domain, account });
    } else {
      throw new FieldValueError("WRONG_TYPE", 'expected "eip712" or "eip191"', { path: "scheme" });
    }
    await this.send({ case: "challengeSolutionRequest", value: createChallengeSolvedRequest({ signature }) });
    this.keycard = account.address;
    return account.address;
  }

  /**
   * Writes 1 to 64 signed events; resolves with the response payload once the relay accepted all of them.
   * @throws RelayError with the ErrorCodes of the refusal, SessionError
   * @example await session.write({ events: [createSignedEvent({ event, signature })] })
   */
  async write(parameters: { events: readonly SignedEvent[] }): Promise<Uint8Array | undefined> {
    const { events } = objectParameter(parameters);
    if (this.keycard === undefined) throw new SessionError({ problem: "NOT_LOGGED_IN", expected: "expected login() to finish before writing" });
    return this.send({ case: "eventWriteRequest", value: createEventWriteRequest({ events }) });
  }

  /**
   * Opens the session's one subscription. Without filters it covers every
   * object type, and the pushed events are folded into {@link ClientSession.state};
   * with filters the events are only signature-checked. `startShopSeqNo` is
   * the first seq_no wanted (resume with `lastSeqNo + 1n`); it defaults to
   * the one after the last seq_no this session received. A filtered
   * subscription delivers only events of the shop that match its filters and,
   * where the shop's signers are known (`signers`, or a saved state of the
   * shop resumed with ACCOUNT among the filters), are signed by one of them;
   * other pushes are reported in a `dropped` event (docs/sessions.md).
   *
   * @throws RelayError (NOT_FOUND: unknown shop; INVALID; NOT_AUTHENTICATED for ORDER/INVENTORY without login), SessionError
   * @example const subscriptionId = await session.subscribe({ shopId: 23n })
   */
  async subscribe(parameters: {
    shopId: ShopIdInput;
    filters?: readonly SubscriptionFilterInput[] | undefined;
    startShopSeqNo?: bigint | undefined;
    /** Filtered subscriptions: addresses of the shop's keycards and relays; pushes signed by others are dropped and reported. */
    signers?: readonly Address[] | undefined;
  }): Promise<Uint8Array> {
    const { shopId, filters, startShopSeqNo = this.dialect === "v3" ? this.seqNo : this.seqNo + 1n, signers } = objectParameter(parameters);
    // The first seq_no pushed: start_shop_seq_no itself, or (v3) the one after it.
    const first = this.dialect === "v3" ? startShopSeqNo + 1n : startShopSeqNo;
    if (this.subscription !== undefined) throw new SessionError({ problem: "ALREADY_SUBSCRIBED", expected: "expected one subscription per session; cancel it first" });
    const full = filters === undefined;
    const request = createSubscriptionRequest({ shopId, startShopSeqNo, filters: full ? ALL_OBJECT_TYPES.map((objectType) => ({ objectType })) : filters });
    const raw = shopIdBytes({ shopId });
    // Reserve the slot now so pushes racing the response find it.
    const check = full ? undefined : createFilteredPushCheck({ shopId: raw, filters: request.filters, signers, state: this.ledger?.state, stateSeqNo: this.seqNo, startSeqNo: first, relays: this.relays, absentShopIsThis: this.dialect === "v3" });
    const subscription: Subscription = { id: new Uint8Array(0), full, cancelling: false, check };
    this.subscription = subscription;
    // A state of another shop (or none) starts over from the empty state of this one.
    if (full && (this.ledger === undefined || this.ledger.state.shopId !== bytesToHex(raw))) {
      if (first > 1n) throw new FieldValueError("OUT_OF_RANGE", "a full subscription without a saved state of this shop starts at seq_no 1; pass state and lastSeqNo to resume", { path: "startShopSeqNo" });
      this.ledger = createShopFold({ state: createShopState({ context: { shopId: raw, relays: this.relays } }) });
    }
    if (!full) this.ledger = undefined;
    this.viewFold = !full && first <= 1n && takesCustomerView(request.filters) ? foldFrom(createShopState({ context: { shopId: raw, relays: this.relays } }), this.keycard) : undefined;
    this.seqNo = first === 0n ? 0n : first - 1n;
    try {
      const id = await this.send({ case: "subscriptionRequest", value: request });
      subscription.id = id ?? new Uint8Array(0);
      return subscription.id.slice();
    } catch (error) {
      if (this.subscription === subscription) this.unsubscribe();
      throw error;
    }
  }

  /**
   * Ends the subscription; pushes already on the way are acknowledged and dropped.
   * @throws SessionError (NOT_SUBSCRIBED), RelayError
   * @example await session.cancelSubscription()
   */
  async cancelSubscription(): Promise<void> {
    const subscription = this.subscription;
    if (subscription === undefined || subscription.cancelling) throw new SessionError({ problem: "NOT_SUBSCRIBED", expected: "expected an open subscription" });
    subscription.cancelling = true;
    try {
      await this.send({ case: "subscriptionCancelRequest", value: create(SubscriptionCancelRequestSchema, { subscriptionId: subscription.id }) });
    } finally {
      if (this.subscription === subscription) this.unsubscribe();
    }
  }

  /**
   * Uploads a blob (a listing image) through the relay: GetBlobUploadURLRequest
   * for a single-use URL, then a multipart POST of the bytes as the field
   * `file` with `fetch` (the global one unless given; Node 20+ and browsers).
   * Resolves with the blob's IPFS path and the relay's URL for it, which goes
   * into `ListingMetadata.images`. Needs a login.
   *
   * @throws SessionError (NOT_LOGGED_IN), RelayError (INVALID: the relay stores no blobs), BlobUploadError (REFUSED with the HTTP status: 413 too large), FieldValueError
   * @example const { url } = await session.uploadBlob({ data: bytes, contentType: "image/png" })
   */
  async uploadBlob(parameters: { data: Uint8Array | Blob; contentType: string; fetch?: FetchFunction | undefined }): Promise<UploadedBlob> {
    const { data, contentType, fetch = globalThis.fetch } = objectParameter(parameters);
    if (!(data instanceof Uint8Array) && !(typeof Blob === "function" && data instanceof Blob)) throw new FieldValueError("WRONG_TYPE", "expected a Uint8Array or a Blob", { path: "data" });
    if (typeof contentType !== "string" || !/^[\w.+-]+\/[\w.+-]+(?:\s*;.*)?$/.test(contentType)) throw new FieldValueError("WRONG_TYPE", 'expected a content type such as "image/png"', { path: "contentType" });
    if (typeof fetch !== "function") throw new FieldValueError("MISSING_FIELD", "expected a fetch function (none is global here)", { path: "fetch" });
    if (this.keycard === undefined) throw new SessionError({ problem: "NOT_LOGGED_IN", expected: "expected login() to finish before uploading" });
    const payload = await this.send({ case: "getBlobUploadUrlRequest", value: create(GetBlobUploadURLRequestSchema) });
    let uploadUrl: string;
    try {
      uploadUrl = new TextDecoder("utf-8", { fatal: true }).decode(payload ?? new Uint8Array(0));
    } catch {
      uploadUrl = "";
    }
    return postBlob({ uploadUrl, data, contentType, fetch });
  }

  /** Round trip to the relay. @example await session.ping() */
  async ping(): Promise<void> {
    await this.send({ case: "pingRequest", value: create(PingRequestSchema) });
  }

  /**
   * Every event the relay committed before this call, applied: pings the
   * relay (which announces each commit to its subscribers with a SyncStatus
   * before it acknowledges the write, on the same ordered connection), then
   * waits until the events received reach the count received plus the
   * SyncStatus `unpushed_events` at the ping's answer, folded into `state`
   * and `view` and reported to listeners and `events()`.
   *
   * @throws SessionError NOT_SUBSCRIBED (no live subscription: none, refused or cancelled, also when it ends while waiting), CLOSED
   * @example await session.subscribe({ shopId }); await session.synced();
   */
  async synced(): Promise<void> {
    const closed = this.peer.closed;
    if (closed !== undefined) throw new SessionError({ problem: "CLOSED", expected: `session closed (${closed.code}${closed.reason === "" ? "" : `: ${closed.reason}`})` });
    if (this.subscription === undefined || this.subscription.cancelling) throw new SessionError({ problem: "NOT_SUBSCRIBED", expected: "expected a live subscription (subscribe() first, and it must succeed)" });
    const subscription = this.subscription;
    await this.ping();
    if (this.subscription !== subscription) throw new SessionError({ problem: "NOT_SUBSCRIBED", expected: "expected the subscription to stay open until synced" });
    await this.follower.syncTo(this.follower.received + (this.unpushed ?? 0n));
  }

  /**
   * The events delivered in this session, from the first (the subscription's
   * history, whenever the iterator is made) and then live as they are pushed
   * and folded; it ends once the session closes. A listener added with `on`
   * sees only what comes after it; this sees everything the session still
   * keeps: the last `historyLimit` delivered events (ClientSessionOptions).
   *
   * @throws SessionError HISTORY_TRIMMED at the call when an event from
   * `fromSeqNo` on was already trimmed, and from the iterator when it falls
   * more than `historyLimit` events behind (`oldestKeptSeqNo` on the error)
   *
   * @example
   * for await (const { seqNo, event } of session.events()) console.log(seqNo, event.union.case);
   */
  events(parameters: { fromSeqNo?: bigint | undefined } = {}): AsyncGenerator<PushedEvent, void, undefined> {
    const { fromSeqNo = 0n } = objectParameter(parameters);
    if (typeof fromSeqNo !== "bigint") throw new FieldValueError("WRONG_TYPE", "expected a bigint seq_no", { path: "fromSeqNo" });
    return this.follower.events(fromSeqNo);
  }

  /**
   * Resolves with the first value of `until` that is not undefined, null or
   * false, checked now and after each push is folded; `until` sees the
   * session's `state` and `view`. Rejects with SessionError WAIT_TIMEOUT
   * after `timeout` ms of the session clock (default {@link DEFAULT_WAIT_TIMEOUT_MS};
   * driven by `tick`), CLOSED when the session closes, or what `until` throws.
   *
   * @example
   * const paid = await session.waitFor({ until: ({ view }) => view?.orders[orderId]?.status === "paid" && view.orders[orderId], timeout: 10_000 });
   */
  waitFor<T>(parameters: { until: (snapshot: SessionSnapshot) => T | undefined | null | false; timeout?: number | undefined }): Promise<Exclude<T, undefined | null | false>> {
    const { until, timeout = DEFAULT_WAIT_TIMEOUT_MS } = objectParameter(parameters);
    if (typeof until !== "function") throw new FieldValueError("WRONG_TYPE", "expected a function of { state, view }", { path: "until" });
    if (typeof timeout !== "number" || !(timeout >= 0)) throw new FieldValueError("OUT_OF_RANGE", "expected a timeout in milliseconds, 0 or more (Infinity for none)", { path: "timeout" });
    const deadline = timeout === Infinity ? undefined : this.clock.now() + timeout;
    const waiting = this.follower.waitFor(() => until({ state: this.state, view: this.view }), deadline);
    this.onDeadline?.();
    return waiting;
  }

  private async send(request: EnvelopeRequest): Promise<Uint8Array | undefined> {
    const response: Envelope = await this.peer.request({ request });
    return matchResponse({ request: response, response });
  }

  private handle({ id, request }: InboundRequest): void {
    if (request.case === "syncStatusRequest") {
      this.setUnpushed(request.value.unpushedEvents);
      this.peer.reply({ id });
      this.emit({ type: "syncStatus", unpushedEvents: request.value.unpushedEvents });
      return;
    }
    if (request.case === "subscriptionPushRequest") return this.handlePush(id, request.value);
    this.peer.reply({ id, error: { code: ErrorCodes.INVALID, message: `${request.case} is not handled by this client` } });
  }

  private handlePush(id: bigint, push: SubscriptionPushRequest): void {
    const subscription = this.subscription;
    if (subscription === undefined) return this.peer.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, "push without a subscription");
    // v3 relays leave subscription_id empty; a wrong non-empty one is a violation.
    if (push.subscriptionId.length > 0 && subscription.id.length > 0 && !sameBytes({ a: push.subscriptionId, b: subscription.id })) {
      return this.peer.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, `push for unknown subscription ${bytesToHex(push.subscriptionId)}`);
    }
    if (push.events.length === 0 || push.events.length > LIMIT_MAX_OUT_BATCH_SIZE) {
      return this.peer.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, `push of ${push.events.length} events, expected 1 to ${LIMIT_MAX_OUT_BATCH_SIZE}`);
    }
    if (subscription.cancelling) return this.peer.reply({ id });
    let seqNo = this.seqNo;
    for (const sequenced of push.events) {
      if (sequenced.seqNo <= seqNo) return this.peer.close(SESSION_CLOSE_CODES.PROTOCOL_ERROR, `push out of order: seq_no ${sequenced.seqNo} after ${seqNo}`);
      seqNo = sequenced.seqNo;
    }
    const fold = subscription.full ? this.ledger : undefined;
    const pushed: PushedEvent[] = [];
    const dropped: DroppedPush[] = [];
    let at = this.seqNo;
    const open = () => {
      for (const [i, sequenced] of push.events.entries()) {
        at = sequenced.seqNo;
        const signedEvent = sequenced.event;
        if (signedEvent === undefined) throw new FieldValueError("MISSING_FIELD", "expected a signed event", { path: `subscription_push_request.events[${i}].event` });
        if (fold !== undefined) {
          const { event, signer } = fold.verify({ signedEvent, ...this.opening });
          pushed.push({ seqNo: at, signedEvent, event, signer });
          continue;
        }
        const opened = openPushedEvent({ signedEvent, ...this.opening });
        const problem = subscription.check?.problem(opened);
        if (problem === undefined) pushed.push({ seqNo: at, signedEvent, ...opened });
        else dropped.push({ seqNo: at, signedEvent, ...opened, ...problem });
      }
    };
    try {
      // A push folds as one batch: a bad event leaves the state as before the push.
      if (fold === undefined) open();
      else fold.atomically(open);
    } catch (error) {
      if (!isNetworkSchemaError(error)) throw error;
      // A relay pushing what its own log could not have accepted is hostile or broken.
      this.peer.reply({ id, error: { code: ErrorCodes.INVALID, message: `seq_no ${at}: ${error.message}` } });
      // The close reason names the rule and field, so a log line says what to fix.
      const rule = isEventRejectedError(error) ? `${error.reason ?? error.code} at ${error.path}` : `${error.code}${error.path === undefined ? "" : ` at ${error.path}`}`;
      return this.peer.close(SESSION_CLOSE_CODES.BAD_PUSH, `pushed event seq_no ${at} failed verification: ${rule}`);
    }
    this.seqNo = seqNo;
    this.peer.reply({ id });
    const received = BigInt(push.events.length);
    if (this.unpushed !== undefined) this.setUnpushed(this.unpushed > received ? this.unpushed - received : 0n);
    if (this.viewFold !== undefined) for (const event of pushed) this.viewFold.add(event);
    if (dropped.length > 0) this.emit({ type: "dropped", events: dropped });
    if (pushed.length > 0) this.emit({ type: "events", events: pushed });
    this.follower.delivered(pushed, received);
  }

  // How pushed events are opened: EIP-712 with the domain, or v3 (EIP-191, no domain).
  private get opening(): { readonly dialect: "v3" } | { readonly domain: EventDomain; readonly dialect: "eip712" } {
    return this.dialect === "v3" ? { dialect: "v3" } : { domain: this.domain as EventDomain, dialect: "eip712" };
  }

  private setUnpushed(value: bigint): void {
    this.unpushed = value;
  }

  private unsubscribe(): void {
    this.subscription = undefined;
    this.follower.unsubscribed();
  }

  private emit(event: ClientSessionEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
