// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The reference relay's core, behind the RelaySessions: shops with their state
// and log, keycards, the write path through the shop state machine, and the
// relay's own sandboxed events (enrollment, payment details, payment).
import { objectIdKey } from "../values/object-id-input-hex.js";
import type { ObjectIdInput } from "../values/object-id.js";
import { create, fromBinary, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import { timestampFromMs, timestampMs } from "@bufbuild/protobuf/wkt";
import type { Address, Hex } from "viem";
import { sameBytes } from "../wire/same-bytes.js";
import { bytesToHex, hexToBytes } from "../crypto/hex.js";
import { ZERO_ADDRESS as zeroAddress } from "../crypto/checksum-address.js";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import { RelayError } from "../errors/relay-error.js";
import { paymentDetailsFor } from "./payment-details.js";
import { refusal } from "./refusal.js";
import type { RelayBackend, RelayKeycard, RelayLogEntry } from "../session/relay-backend.js";
import { type SessionClock, systemClock } from "../session/transport.js";
import { createShopState } from "../state/create-shop-state.js";
import { holdLapsesAt } from "../state/hold.js";
import { createShopFold, type ShopFold } from "../state/shop-fold.js";
import { shopStateToJSON } from "../state/shop-state-to-json.js";
import type { OrderState, ShopState } from "../state/shop-state.js";
import { createKeycardSet, keycardAddress, type KeycardSet, uncompressedPublicKey } from "../wire/keycards.js";
import { KNOWN_KEY_TABLES } from "../signature/known-key-cache.js";
import { type Dialect, dialectScheme } from "../wire/dialect.js";
import { lastNonce } from "../wire/last-nonce.js";
import { shopIdBytes, type ShopIdInput } from "../wire/shop-id.js";
import { LapseQueue } from "./lapse-queue.js";
import { createRelaySigner, type RelaySigner } from "./relay-signer.js";
import { createMemoryStore, type RelayStore, type StoredRecord } from "./relay-store.js";
import { ShopLogIndex } from "./shop-log-index.js";
import { DEFAULT_SNAPSHOT_EVERY, type RestoredShop, SnapshotKeeper } from "./snapshot-keeper.js";
import { applyOpenedEvent } from "../state/fold-opened.js";
import { secp256k1Path } from "../signature/secp256k1-recovery.js";
import { takeReceivedEventBytes } from "../wire/received-event-bytes.js";
import { readShopEvent } from "../wire/read-shop-event.js";
import { createVerifyPool, replayWorkers, type Verdict, type VerifyPool } from "./verify-pool.js";
import { beginUndoable } from "../state/fold-undoable.js";
import { isShopStoreConflictError } from "../errors/shop-store-error.js";
import type { ShopStore } from "./store/store.js";
import { shopStoreLoader } from "./store/shop-store-loader.js";
import { storeFailure } from "./store-failure.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { batchKeycards } from "./store/batch-keycards.js";
import { checkShopStore } from "./store/check-shop-store.js";
import { signedEventParts } from "../wire/signed-event-parts.js";

/** Replayed records per check request at start: folding starts after the first chunk's checks. */
const REPLAY_CHUNK = 256;
/** How long a relay with a pool waits, before it serves, for workers that have not started (they are used once they do). */
const WORKER_START_WAIT_MS = 10_000;
/** Chunks asked for ahead of the one being folded: enough to keep every worker busy. */
const REPLAY_AHEAD = 8;
/** Jobs this thread opens itself between two looks at the workers' answers during a replay (a few ms of checks). */
const REPLAY_HELP = 32;

/**
 * Appends of one write over a shared store: each conflict (another process
 * appended first) catches up and folds again. A busy process wins its shop's
 * next append about as often as it loses, so 64 tries fail together about
 * never; a store that keeps refusing is answered "retry later".
 */
const SHARED_APPEND_TRIES = 64;
/** After the n-th conflict in a row the write waits a random 0…min(n, 8) × this many ms: two busy processes stop colliding in step. */
const SHARED_BACKOFF_MS = 2;

/** How far ahead of the relay's clock a commit_items may be dated (docs/shop-state.md, "Holds"). */
const COMMIT_CLOCK_SKEW_MS = 300_000;

interface Shop {
  readonly id: Uint8Array;
  /** State after every accepted event, durable or not: one fold, each write batch atomic in it (replaced only when a snapshot seeds the shop). */
  fold: ShopFold;
  /** Accepted events as offsets into the store; the first `durable` are stored and visible to readers. */
  readonly log: ShopLogIndex;
  durable: number;
  readonly watchers: Set<() => void>;
  /** Orders holding stock, by lapse time. */
  readonly lapses: LapseQueue;
  /** How the shop's events are signed and its sessions behave, chosen when the shop is first seen. */
  readonly dialect: Dialect;
  /** Settles when the last queued step on this shop has folded (not stored): steps fold in the order they were queued. */
  turn: Promise<void>;
}

/** A ShopEvent union member as an init shape (plain objects for nested messages). */
type UnionInit = NonNullable<MessageInitShape<typeof ShopEventSchema>["union"]>;

interface Accepted {
  readonly signedEvent: SignedEvent;
  readonly event: ShopEvent;
  /** Who signed it, as verified (a shared store keeps it with the record). */
  readonly signer: Address;
  /** Its binary encoding, when the write path already made it. */
  readonly bytes?: Uint8Array | undefined;
}

/** Options of {@link ReferenceRelay.open}. */
export interface ReferenceRelayOptions {
  readonly domain: EventDomain;
  /** The relay's signing key (0x + 64 hex digits). */
  readonly privateKey: Hex;
  /** Defaults to memory only. */
  readonly store?: RelayStore | undefined;
  /**
   * A store other relay processes may share (instead of `store`): each write
   * catches its shop up from the store, folds, and appends before it is
   * acknowledged (docs/relay-guide.md, "Several relay processes").
   */
  readonly shopStore?: ShopStore | undefined;
  readonly clock?: SessionClock | undefined;
  /** Pay every order as soon as its payment details are set (default false: call simulatePayment). */
  readonly autoPay?: boolean | undefined;
  /** Records of a shop between two state snapshots, when the store keeps them (default 2,000). */
  readonly snapshotEvery?: number | undefined;
  /** Where the relay says why it did not use a snapshot, or that a log watcher failed (default console.warn). */
  readonly warn?: ((line: string) => void) | undefined;
  /** Blob uploads (the server's BlobUploads); without them GetBlobUploadURLRequest is refused. */
  readonly blobs?:
    | {
        /** A single-use upload URL for the logged-in keycard; refusals throw a RelayError. */
        issueUploadUrl(input: { keycard: RelayKeycard }): Promise<string>;
      }
    | undefined;
  /**
   * `"v3"`: serve deployed version-3 clients (docs/sessions.md, "Dialects"):
   * EIP-191 events (the relay's own too), an absent shop_id is the session's
   * shop, a keycard key enrolled in one shop only, no state snapshots.
   * A function chooses per shop (0x + 64 hex digits), once, when the shop is
   * first seen. Default `"eip712"`.
   */
  readonly dialect?: Dialect | ((input: { readonly shopId: Hex }) => Dialect) | undefined;
  /**
   * Worker threads that check signatures of writes and of the log replayed at
   * start (docs/sessions.md, "Verification pool"); 0, the default, checks on
   * the relay's thread. The workers use the secp256k1 path in effect here
   * when the relay opens (selectSecp256k1Path).
   */
  readonly verifyWorkers?: number | undefined;
}

/**
 * The reference relay's core (Node only, for development and tests): shops
 * with their state and log, enrolled keycards, writes accepted through the
 * shop state machine (a ShopFold per shop) and totally ordered, the relay's own
 * sandboxed events (enrollment, payment details, a simulated payment), and
 * durable publication (readers see an event once its store acknowledged it).
 * A RelayBackend for RelaySession.
 *
 * @example
 * const relay = await ReferenceRelay.open({ domain, privateKey });
 * await relay.enrollKeycard({ shopId: 23n, publicKey: account.publicKey });
 */
export class ReferenceRelay implements RelayBackend {
  readonly domain: EventDomain;
  /** The dialect of every shop, or undefined when it is chosen per shop ({@link ReferenceRelay.shopDialect}). */
  readonly dialect: Dialect | undefined;
  private readonly choose: (input: { readonly shopId: Hex }) => Dialect;
  private readonly signers: Readonly<Record<Dialect, RelaySigner>>;
  private readonly store: RelayStore;
  /** The shared store, when the relay reads and appends through one (then `store` only loads it at open). */
  private readonly shared: ShopStore | undefined;
  private unsubscribe: () => void = () => undefined;
  private readonly clock: SessionClock;
  private readonly autoPay: boolean;
  private readonly shops = new Map<string, Shop>();
  private readonly connected = new Map<string, { session: object; replace: () => void }>();
  /** Per connected keycard, a set of its one public key: its writes are checked by table, not recovered. */
  private readonly snapshots: SnapshotKeeper;
  private readonly writerKeys = new Map<string, KeycardSet>();
  private readonly writerPublicKeys = new Map<string, Uint8Array>();
  // Each session asks with the same shop id object on every read and write (100 subscribers: 100 reads per event): its hex key is kept, checked against a copy.
  private readonly shopKeys = new WeakMap<Uint8Array, { readonly bytes: Uint8Array; readonly key: string }>();
  /** Signature checks on worker threads, when `verifyWorkers` > 0. */
  private pool: VerifyPool | undefined;
  private failure: unknown;
  private readonly warn: (line: string) => void;
  /** A single-use upload URL from the `blobs` option (RelayBackend.blobUploadUrl); undefined without it. */
  readonly blobUploadUrl: RelayBackend["blobUploadUrl"];

  private constructor({ domain, privateKey, shopStore, store = shopStore === undefined ? createMemoryStore() : shopStoreLoader({ store: shopStore }), clock = systemClock, autoPay = false, snapshotEvery = DEFAULT_SNAPSHOT_EVERY, warn = console.warn, blobs, dialect }: ReferenceRelayOptions) {
    if (typeof dialect !== "function") dialectScheme({ dialect });
    this.domain = domain;
    this.dialect = typeof dialect === "function" ? undefined : (dialect ?? "eip712");
    this.choose = typeof dialect === "function" ? dialect : () => dialect ?? "eip712";
    this.signers = { eip712: createRelaySigner({ privateKey, domain, dialect: "eip712" }), v3: createRelaySigner({ privateKey, domain, dialect: "v3" }) };
    this.store = store;
    this.shared = shopStore;
    this.clock = clock;
    this.autoPay = autoPay;
    this.warn = warn;
    // A v3 shop restarts by replaying its log: records read back under a snapshot would be recovered as EIP-712.
    this.snapshots = new SnapshotKeeper({ store, domain, every: this.dialect === "eip712" ? snapshotEvery : Number.MAX_SAFE_INTEGER, warn });
    this.blobUploadUrl = blobs === undefined ? undefined : (input) => blobs.issueUploadUrl(input);
  }

  /** The dialect of a shop: the one it was given when first seen, or the one it would be given. */
  shopDialect({ shopId }: { shopId: Uint8Array }): Dialect {
    return this.shops.get(this.shopKey(shopId))?.dialect ?? this.dialectFor(shopId);
  }

  private dialectFor(id: Uint8Array): Dialect {
    const chosen = this.choose({ shopId: bytesToHex(id) });
    dialectScheme({ dialect: chosen, path: "dialect(shopId)" });
    return chosen;
  }

  // How a shop's events are opened: EIP-712 with the domain, or v3 (EIP-191, no domain).
  private opening(shop: Shop): { readonly dialect: "v3" } | { readonly domain: EventDomain; readonly dialect: "eip712" } {
    return shop.dialect === "v3" ? { dialect: "v3" } : { domain: this.domain, dialect: "eip712" };
  }

  /** A relay with the records of `store` replayed (each one verified again; under a valid snapshot, only the tail). */
  static async open(options: ReferenceRelayOptions): Promise<ReferenceRelay> {
    let pool: VerifyPool | undefined;
    // Before the try: what is not a store is not closed.
    if (options.shopStore !== undefined) checkShopStore(options.shopStore, "shopStore");
    try {
      const workers = options.verifyWorkers ?? 0;
      if (!Number.isSafeInteger(workers) || workers < 0) throw new RelayError({ errorCode: ErrorCodes.INVALID, relayMessage: "verifyWorkers: expected a whole number ≥ 0" });
      if (options.shopStore !== undefined && options.store !== undefined) throw new FieldValueError("WRONG_TYPE", "expected either store (one process) or shopStore (shared), not both", { path: "shopStore" });
      const relay = new ReferenceRelay(options);
      // The workers start while the log loads and the snapshots are read.
      const loading = relay.store.load();
      loading.catch(() => undefined);
      // Only the workers the replay needs beside this thread (which checks too); the others start after it.
      if (workers > 0) pool = relay.pool = await createVerifyPool({ size: workers, start: await replayWorkers({ size: workers }), domain: options.domain, crypto: secp256k1Path(), warn: relay.warn });
      const records = await loading;
      // With a pool, the records to replay are collected first and checked on every worker at once, then folded in order.
      const tail: StoredRecord[] = [];
      const replay = pool === undefined ? (record: StoredRecord) => relay.replay(record) : (record: StoredRecord) => {
        // The shop is made now, in log order, as without a pool.
        relay.shopFor(record.shopId);
        tail.push(record);
      };
      await relay.snapshots.restore({ records, replay, seed: (shop) => relay.seed(shop) });
      if (pool !== undefined) await relay.replayOn(pool, tail);
      // Started before the relay serves (until then every check falls back to this thread), but a worker that
      // neither starts nor dies must not keep the relay from serving. The rest start while it serves.
      if (pool !== undefined && !(await startedWithin(pool, WORKER_START_WAIT_MS))) {
        relay.warn(`relay: verification workers have not started after ${WORKER_START_WAIT_MS / 1000} s; the relay serves and checks on its own thread until they do`);
      }
      pool?.grow();
      // One pass at start; afterwards only commits and payment details add holds.
      for (const shop of relay.shops.values()) for (const order of Object.values(shop.fold.state.orders)) relay.schedule(shop, order);
      if (relay.shared !== undefined) await relay.follow(relay.shared);
      return relay;
    } catch (error) {
      // A refused key or log must not keep the file (and the directory lock) open.
      await pool?.close();
      await Promise.all([options.store?.close(), options.shopStore?.close()]);
      throw error;
    }
  }

  // Folds replayed records chunk by chunk as the checks come back, a few chunks ahead, so this thread folds
  // while the workers check. While the next chunk's checks are out (or no worker has started yet), this thread
  // opens the last queued jobs itself (pool.help), a few at a time: it checks too instead of waiting.
  private async replayOn(pool: VerifyPool, tail: readonly StoredRecord[]): Promise<void> {
    const check = (at: number) => {
      const jobs = tail.slice(at, at + REPLAY_CHUNK).map((record) => ({ bytes: record.signedEvent, dialect: this.shopFor(record.shopId).dialect }));
      const chunk: { verdicts?: Verdict[]; readonly checked: Promise<Verdict[]> } = { checked: pool.open(jobs, { helped: true }) };
      void chunk.checked.then((verdicts) => (chunk.verdicts = verdicts));
      return chunk;
    };
    const ahead: ReturnType<typeof check>[] = [];
    let next = 0;
    for (let at = 0; at < tail.length; at += REPLAY_CHUNK) {
      while (ahead.length < REPLAY_AHEAD && next < tail.length) {
        ahead.push(check(next));
        next += REPLAY_CHUNK;
      }
      const chunk = ahead.shift() as ReturnType<typeof check>;
      // Yielding between helps lets the workers' answers (and a worker's start) in, and sends them more.
      while (chunk.verdicts === undefined && pool.help(REPLAY_HELP) > 0) await new Promise((resolve) => setImmediate(resolve));
      const verdicts = await chunk.checked;
      for (const [i, verdict] of verdicts.entries()) this.replay(tail[at + i] as StoredRecord, verdict);
    }
  }

  /** The address the relay signs its own events with. */
  get address(): Address {
    return this.signers.eip712.address;
  }

  /** Current state of a shop (including accepted events still being stored), or undefined; live (the next write changes it): keep `shopStateToJSON` of it to hold on to one. */
  shopState({ shopId }: { shopId: ShopIdInput }): ShopState | undefined {
    return this.shops.get(bytesToHex(shopIdBytes({ shopId })))?.fold.state;
  }

  /** The durable log of a shop. */
  shopLog({ shopId }: { shopId: ShopIdInput }): readonly RelayLogEntry[] {
    const shop = this.shops.get(bytesToHex(shopIdBytes({ shopId })));
    return shop === undefined ? [] : shop.log.entries({ from: 0, to: shop.durable });
  }

  /**
   * Dev-only enrollment: the relay signs Account.enroll_keycard for the key,
   * creating the shop on first use. A zero `userWallet` (`guest: true`) enrols a guest.
   */
  async enrollKeycard({ shopId, publicKey, userWallet, guest = false }: { shopId: ShopIdInput; publicKey: Hex | Uint8Array; userWallet?: Address | undefined; guest?: boolean | undefined }): Promise<Address> {
    const id = shopIdBytes({ shopId });
    const raw = uncompressedPublicKey({ publicKey: typeof publicKey === "string" ? hexToBytes(publicKey) : publicKey }).slice(1);
    const address = keycardAddress({ keycard: raw });
    // v3 events carry no shop_id: a key in two shops could have its events replayed from one into the other.
    const existing = this.enrolledShop(address);
    if (existing !== undefined && (this.shopDialect({ shopId: id }) === "v3" || this.shops.get(existing)?.dialect === "v3")) {
      throw new RelayError({ errorCode: ErrorCodes.INVALID, relayMessage: `keycard ${address} is already enrolled (v3 dialect: one shop per keycard key)` });
    }
    const shop = this.shopFor(id);
    const wallet = guest ? zeroAddress : (userWallet ?? address);
    await this.inTurn(shop, async () => ({ stored: this.commit(shop, () => this.acceptRelayEvents(shop, [
      this.relayEvent(shop, { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw }, userWallet: { raw: hexToBytes(wallet) } } } } }),
    ])) }));
    return address;
  }

  /** Dev-only payment: the relay takes an unpaid order's lines out of stock and records a payment transaction. */
  async simulatePayment({ shopId, orderId }: { shopId: ShopIdInput; orderId: ObjectIdInput }): Promise<void> {
    const shop = this.shops.get(bytesToHex(shopIdBytes({ shopId })));
    if (shop === undefined) throw new RelayError({ errorCode: ErrorCodes.NOT_FOUND, relayMessage: "unknown shop" });
    const id = objectIdKey({ id: orderId, path: "orderId" });
    await this.inTurn(shop, async () => ({ stored: this.commit(shop, () => this.payment(shop, id)) }));
  }

  /** The shop (0x + 32 bytes) where a keycard address was ever enrolled, revoked or not, or undefined. */
  enrolledShop(address: Address): Hex | undefined {
    for (const shop of this.shops.values()) if (shop.fold.state.keycards[address] !== undefined) return bytesToHex(shop.id);
    return undefined;
  }

  findKeycard({ publicKey }: { publicKey: Uint8Array }): RelayKeycard | undefined {
    const address = keycardAddress({ keycard: publicKey });
    for (const shop of this.shops.values()) {
      const keycard = shop.fold.state.keycards[address];
      if (keycard !== undefined && !keycard.revoked) return { address, shopId: shop.id, guest: keycard.role === "guest" };
    }
    return undefined;
  }

  claimKeycard({ keycard, session, replace }: { keycard: RelayKeycard; session: object; replace: () => void }): void {
    const older = this.connected.get(keycard.address);
    this.connected.set(keycard.address, { session, replace });
    if (older !== undefined && older.session !== session) older.replace();
  }

  releaseKeycard({ keycard, session }: { keycard: RelayKeycard; session: object }): void {
    if (this.connected.get(keycard.address)?.session !== session) return;
    this.connected.delete(keycard.address);
    this.writerKeys.delete(keycard.address);
    this.writerPublicKeys.delete(keycard.address);
  }

  orderOwner({ shopId, orderId }: { shopId: Uint8Array; orderId: Uint8Array }): Address | undefined {
    return this.shops.get(this.shopKey(shopId))?.fold.state.orders[bytesToHex(orderId)]?.owner;
  }

  hasShop({ shopId }: { shopId: Uint8Array }): boolean {
    return this.shops.has(this.shopKey(shopId));
  }

  read({ shopId, afterSeqNo, limit }: { shopId: Uint8Array; afterSeqNo: bigint; limit?: number | undefined }): readonly RelayLogEntry[] {
    const shop = this.shops.get(this.shopKey(shopId));
    if (shop === undefined || afterSeqNo >= BigInt(shop.durable)) return [];
    const from = Number(afterSeqNo);
    return shop.log.entries({ from, to: limit === undefined ? shop.durable : Math.min(shop.durable, from + Math.max(1, Math.floor(limit))) });
  }

  watch({ shopId, onAppend }: { shopId: Uint8Array; onAppend: () => void }): () => void {
    const shop = this.shops.get(this.shopKey(shopId));
    if (shop === undefined) return () => undefined;
    shop.watchers.add(onAppend);
    return () => shop.watchers.delete(onAppend);
  }

  // The shops map's key for `shopId`: remembered per id object, and used only while the object still holds the same bytes.
  private shopKey(shopId: Uint8Array): string {
    const known = this.shopKeys.get(shopId);
    if (known !== undefined && sameBytes({ a: known.bytes, b: shopId })) return known.key;
    const key = bytesToHex(shopId);
    this.shopKeys.set(shopId, { bytes: shopId.slice(), key });
    return key;
  }

  // The writer's public key, kept while it is connected (65 bytes each): what the workers check against first.
  private writerPublicKey(shop: Shop, address: Address): Uint8Array | undefined {
    const cached = this.writerPublicKeys.get(address);
    if (cached !== undefined) return cached;
    const enrolled = shop.fold.state.keycards[address];
    if (enrolled === undefined || !this.connected.has(address)) return undefined;
    const publicKey = uncompressedPublicKey({ publicKey: hexToBytes(enrolled.publicKey) });
    this.writerPublicKeys.set(address, publicKey);
    return publicKey;
  }

  // The writer's key as a KeycardSet (its table, once it pays, lives in the set), for events this thread checks itself:
  // for the KNOWN_KEY_TABLES most recent writers only, an LRU, so tables stay few however many write.
  private writerKeySet(address: Address, publicKey: Uint8Array): KeycardSet {
    let set = this.writerKeys.get(address);
    if (set !== undefined) this.writerKeys.delete(address);
    else set = createKeycardSet({ keycards: [publicKey] });
    if (this.writerKeys.size >= KNOWN_KEY_TABLES) this.writerKeys.delete(this.writerKeys.keys().next().value as string);
    this.writerKeys.set(address, set);
    return set;
  }

  async write({ keycard, events }: { keycard: RelayKeycard; events: readonly SignedEvent[] }): Promise<Uint8Array | undefined> {
    const shop = this.shops.get(this.shopKey(keycard.shopId));
    if (shop === undefined) throw new RelayError({ errorCode: ErrorCodes.NOT_FOUND, relayMessage: "unknown shop" });
    const publicKey = this.writerPublicKey(shop, keycard.address);
    // Checked on the workers while earlier writes fold; folded in the order received (the shop's turn).
    // The bytes as they came in a canonical frame (the same as toBinary's), else encoded here when a worker needs them.
    const received = events.map((signedEvent) => takeReceivedEventBytes(signedEvent));
    const encoded = this.pool === undefined && received.includes(undefined) ? undefined : events.map((signedEvent, i) => received[i] ?? toBinary(SignedEventSchema, signedEvent));
    const checking = encoded === undefined ? undefined : this.pool?.open(encoded.map((bytes) => ({ bytes, dialect: shop.dialect, expectedKey: publicKey })));
    await this.inTurn(shop, async () => {
      const verdicts = await checking;
      // Lapsed holds are released first, so the write sees the stock they held.
      await this.releaseLapsedHolds(shop);
      // The batch and the relay's reactions fold in one step: any refusal undoes all of it.
      return { stored: this.commit(shop, () => {
      const accepted: Accepted[] = [];
      for (const [i, signedEvent] of events.entries()) {
        let verified;
        try {
          const signer = verdicts?.[i];
          // The writer's table only where this thread checks: a worker's verdict needs none.
          verified = signer !== undefined ? this.applyChecked(shop, signedEvent, signer) : shop.fold.verify({ signedEvent, ...this.opening(shop), keycards: publicKey === undefined ? undefined : this.writerKeySet(keycard.address, publicKey) });
        } catch (error) {
          throw refusal({ error, at: `event_write_request.events[${i}]`, domain: shop.dialect === "v3" ? undefined : this.domain });
        }
        if (verified.signer !== keycard.address) {
          throw new RelayError({ errorCode: ErrorCodes.INVALID, relayMessage: `event_write_request.events[${i}]: signed by ${verified.signer}, not by the logged-in keycard` });
        }
        // A hold lapses a day after the commit's own timestamp: a commit dated ahead would hold stock for longer.
        const union = verified.event.union;
        const at = verified.event.timestamp;
        if (union.case === "updateOrder" && union.value.action.case === "commitItems" && at !== undefined && timestampMs(at) > this.clock.now() + COMMIT_CLOCK_SKEW_MS) {
          throw new RelayError({ errorCode: ErrorCodes.INVALID, relayMessage: `event_write_request.events[${i}].timestamp: commit_items is dated more than ${COMMIT_CLOCK_SKEW_MS / 1000} s ahead of the relay's clock` });
        }
        accepted.push({ signedEvent, event: verified.event, signer: verified.signer as Address, bytes: encoded?.[i] }, ...this.react(shop, verified.event));
      }
      return accepted;
      }) };
    });
    return undefined;
  }

  // A write whose signer a worker found for its exact bytes: the state rules here, as ShopFold.verify applies them.
  private applyChecked(shop: Shop, signedEvent: SignedEvent, signer: Address): { readonly event: ShopEvent; readonly signer: Address } {
    return this.foldChecked(shop, eventBytesOf(signedEvent), signer);
  }

  // The same from the event bytes (Any.value), decoded from a copy: the decoded event keeps no view of them.
  private foldChecked(shop: Shop, eventBytes: Uint8Array, signer: Address): { readonly event: ShopEvent; readonly signer: Address } {
    const event = readShopEvent(eventBytes);
    applyOpenedEvent(shop.fold, event, signer, shop.dialect);
    return { event, signer };
  }

  /**
   * Runs `step` when the shop's earlier steps have folded, and lets the next one
   * start as soon as this one has folded (its store write, the promise it
   * returns, may still run): one shop's writes fold in the order they arrived.
   */
  private async inTurn(shop: Shop, step: () => Promise<{ readonly stored: Promise<void> }>): Promise<void> {
    const previous = shop.turn;
    let release = (): void => undefined;
    shop.turn = new Promise<void>((resolve) => (release = resolve));
    let folded: { readonly stored: Promise<void> };
    try {
      await previous;
      folded = await step();
      // Over a shared store the next step folds on what this one stored: no pipelining past the append.
      if (this.shared !== undefined) await folded.stored;
    } finally {
      release();
    }
    await folded.stored;
  }

  /**
   * Cancels, as the relay, every order whose hold on stock has lapsed by the
   * relay's clock (docs/shop-state.md, "Holds"); a write to a shop does this
   * for that shop first. Returns how many orders it cancelled.
   */
  async cancelLapsedOrders(): Promise<number> {
    let count = 0;
    for (const shop of this.shops.values()) {
      await this.inTurn(shop, async () => {
        count += await this.releaseLapsedHolds(shop);
        return { stored: Promise.resolve() };
      });
    }
    return count;
  }

  // Relay cancels of the shop's lapsed holds, in one step; each queue entry is taken once.
  private async releaseLapsedHolds(shop: Shop): Promise<number> {
    const ms = this.clock.now();
    const now = BigInt(ms) * 1_000_000n;
    const due: string[] = [];
    for (let entry = shop.lapses.takeDue(now); entry !== undefined; entry = shop.lapses.takeDue(now)) due.push(entry.orderId);
    if (due.length === 0) return 0;
    let count = 0;
    const stored = this.commit(shop, () => {
      const accepted: Accepted[] = [];
      for (const orderId of due) {
        const order = shop.fold.state.orders[orderId];
        const lapsesAt = order === undefined ? null : holdLapsesAt(order);
        // Paid or cancelled since, or its hold now lapses later (that lapse has its own entry).
        if (lapsesAt === null || lapsesAt > now) continue;
        accepted.push(...this.acceptRelayEvents(shop, [this.relayEvent(shop, { case: "updateOrder", value: { id: { raw: hexToBytes(orderId as Hex) }, action: { case: "cancel", value: {} } } }, ms)]));
      }
      count = accepted.length;
      return accepted;
    });
    try {
      await stored;
    } catch (error) {
      // Not cancelled: their lapses are due again at the next write.
      for (const orderId of due) {
        const order = shop.fold.state.orders[orderId];
        if (order !== undefined) this.schedule(shop, order);
      }
      throw error;
    }
    return count;
  }

  private schedule(shop: Shop, order: OrderState): void {
    const lapsesAt = holdLapsesAt(order);
    if (lapsesAt !== null) shop.lapses.add({ lapsesAt, orderId: order.id });
  }

  /** Lets every queued write fold (and settle), stops the verification workers, then closes the store (the file log, when there is one). */
  async close(): Promise<void> {
    this.unsubscribe();
    await Promise.all([...this.shops.values()].map((shop) => shop.turn));
    await this.pool?.close();
    await this.snapshots.close();
    await this.store.close();
  }

  /** Relay events a client event triggers: payment details after choose_payment (and the payment with autoPay). */
  private react(shop: Shop, event: ShopEvent): Accepted[] {
    const union = event.union;
    if (union.case !== "updateOrder" || union.value.action.case !== "choosePayment") return [];
    const orderId = bytesToHex(union.value.id?.raw ?? new Uint8Array(0));
    // The region the address is in, and the total charged with it: what the shop rules (and every client) check.
    const value = paymentDetailsFor({ state: shop.fold.state, orderId, paymentId: randomBytes(32), ttl: "3600" });
    const details = this.relayEvent(shop, { case: "updateOrder", value: { id: { raw: hexToBytes(orderId as Hex) }, action: { case: "setPaymentDetails", value } } });
    const first = this.acceptRelayEvents(shop, [details]);
    return this.autoPay ? [...first, ...this.payment(shop, orderId as Hex)] : first;
  }

  private payment(shop: Shop, orderId: Hex): Accepted[] {
    const order = shop.fold.state.orders[orderId];
    if (order === undefined || order.status !== "unpaid") throw new RelayError({ errorCode: ErrorCodes.NOT_FOUND, relayMessage: `no unpaid order ${orderId}` });
    // add_payment_tx alone: the payment itself takes the order's lines out of stock.
    const tx = { txHash: { raw: randomBytes(32) }, blockHash: { raw: randomBytes(32) } };
    return this.acceptRelayEvents(shop, [this.relayEvent(shop, { case: "updateOrder", value: { id: { raw: hexToBytes(orderId) }, action: { case: "addPaymentTx", value: tx } } })]);
  }

  private relayEvent(shop: Shop, union: UnionInit, ms: number = this.clock.now()): SignedEvent {
    const last = lastNonce({ nonces: shop.fold.state.nonces, signer: this.address });
    const event = create(ShopEventSchema, {
      nonce: (last ?? 0n) + 1n,
      shopId: { raw: shop.id },
      timestamp: timestampFromMs(ms),
      union,
    });
    return this.signers[shop.dialect].sign(event);
  }

  private acceptRelayEvents(shop: Shop, events: readonly SignedEvent[]): Accepted[] {
    return events.map((signedEvent) => {
      const verified = shop.fold.verify({ signedEvent, ...this.opening(shop) });
      return { signedEvent, event: verified.event, signer: verified.signer as Address };
    });
  }

  /** Folds what `build` accepts into the shop in one atomic step (nothing on a throw), then logs and stores it. */
  private async commit(shop: Shop, build: () => readonly Accepted[]): Promise<void> {
    if (this.shared !== undefined) return this.commitShared(shop, this.shared, build);
    if (this.failure !== undefined) throw storeFailure({ detail: "the relay's store failed and it accepts no writes until it restarts; retry later" });
    const accepted = shop.fold.atomically(build);
    const records: StoredRecord[] = [];
    for (const { signedEvent, event, bytes } of accepted) {
      this.scheduleFor(shop, event);
      const record = { shopId: shop.id, seqNo: BigInt(shop.log.length + 1), signedEvent: bytes ?? toBinary(SignedEventSchema, signedEvent) };
      // Held until the store says where it wrote them (shop-log-index.ts); the decoded objects spare the pushes a decode.
      shop.log.push({ record, decoded: { signedEvent, event } });
      records.push(record);
    }
    const first = shop.log.length - records.length + 1;
    const upTo = shop.log.length;
    // The fold is live: a snapshot due at this position is taken now, before later writes change it.
    const stateJson = this.snapshots.due({ shopId: shop.id, seqNo: BigInt(upTo) }) ? shopStateToJSON({ state: shop.fold.state }) : undefined;
    try {
      shop.log.stored({ first, offsets: await this.store.append(records) });
    } catch (error) {
      // Later accepted events depend on these: nothing after them may be acknowledged.
      this.failure = error;
      this.warn(`relay: the store failed; no writes are accepted until the relay restarts: ${error instanceof Error ? error.message : String(error)}`);
      throw storeFailure({ detail: "the relay could not store the write and accepts no writes until it restarts; retry later" });
    }
    this.published(shop, records, stateJson, upTo);
  }

  // The two events that start a hold or move its lapse.
  private scheduleFor(shop: Shop, event: ShopEvent): void {
    const union = event.union;
    if (union.case === "updateOrder" && (union.value.action.case === "commitItems" || union.value.action.case === "setPaymentDetails")) {
      const order = shop.fold.state.orders[bytesToHex(union.value.id?.raw ?? new Uint8Array(0))];
      if (order !== undefined) this.schedule(shop, order);
    }
  }

  /**
   * A commit over a shared store, in the shop's turn: catch up, fold
   * tentatively, append at the next seq_no; on a conflict undo, catch up and
   * fold again (SHARED_APPEND_TRIES in all); on a failure undo and refuse.
   */
  private async commitShared(shop: Shop, store: ShopStore, build: () => readonly Accepted[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.catchUp(shop, store);
      const step = beginUndoable(shop.fold);
      let accepted: readonly Accepted[];
      try {
        accepted = build();
      } catch (error) {
        step.undo();
        throw error;
      }
      if (accepted.length === 0) return step.keep();
      const first = shop.log.length + 1;
      const records = accepted.map(({ signedEvent, event, signer, bytes }, i) => ({ seqNo: BigInt(first + i), signedEvent: bytes ?? toBinary(SignedEventSchema, signedEvent), signer, nonce: event.nonce }));
      try {
        await store.append({ shopId: shop.id, records, keycards: batchKeycards({ state: shop.fold.state, events: accepted.map(({ event }) => event) }) });
      } catch (error) {
        step.undo();
        if (isShopStoreConflictError(error) && attempt < SHARED_APPEND_TRIES) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 8) * SHARED_BACKOFF_MS));
          continue;
        }
        this.warn(`relay: append to shop ${bytesToHex(shop.id)} not stored (attempt ${attempt}): ${error instanceof Error ? error.message : String(error)}`);
        throw storeFailure({ detail: isShopStoreConflictError(error) ? "other relay processes kept writing to this shop first; retry later" : "the relay's store failed, the write may or may not be stored; retry later" });
      }
      step.keep();
      for (const { event } of accepted) this.scheduleFor(shop, event);
      this.publishStored(shop, records);
      return;
    }
  }

  /**
   * Reads the shop's records after its local head from the shared store and
   * folds them. Each is verified again, as at open: the store is the
   * record, and a record that does not verify or fold here must not be served.
   */
  private async catchUp(shop: Shop, store: ShopStore): Promise<void> {
    let records;
    try {
      records = await store.read({ shopId: shop.id, afterSeqNo: BigInt(shop.log.length) });
    } catch (error) {
      this.warn(`relay: reading shop ${bytesToHex(shop.id)} from the store failed: ${error instanceof Error ? error.message : String(error)}`);
      throw storeFailure({ detail: "the relay could not read the shop from its store; retry later" });
    }
    let folded = 0;
    try {
      for (const record of records) {
        if (record.seqNo !== BigInt(shop.log.length + folded + 1)) throw new Error(`seq_no ${record.seqNo} after ${shop.log.length + folded}`);
        const signedEvent = fromBinary(SignedEventSchema, record.signedEvent);
        // One step: a record whose signer differs from the stored one is not folded either.
        const verified = shop.fold.atomically(() => {
          const opened = shop.fold.verify({ signedEvent, ...this.opening(shop) });
          if (opened.signer.toLowerCase() !== record.signer.toLowerCase()) throw new Error(`seq_no ${record.seqNo} is signed by ${opened.signer}, stored as ${record.signer}`);
          return opened;
        });
        this.scheduleFor(shop, verified.event);
        folded += 1;
      }
    } catch (error) {
      this.warn(`relay: shop ${bytesToHex(shop.id)} in the store does not fold here: ${error instanceof Error ? error.message : String(error)}`);
      this.publishStored(shop, records.slice(0, folded));
      throw storeFailure({ detail: "the shop's log in the relay's store does not fold; the relay's operator must look at it" });
    }
    this.publishStored(shop, records);
  }

  // Records the shared store holds, folded here: logged, chained for snapshots, shown to watchers.
  private publishStored(shop: Shop, records: readonly { readonly seqNo: bigint; readonly signedEvent: Uint8Array }[]): void {
    if (records.length === 0) return;
    const logged = records.map((record) => ({ shopId: shop.id, seqNo: record.seqNo, signedEvent: record.signedEvent }));
    for (const record of logged) shop.log.push({ record });
    const upTo = BigInt(shop.log.length);
    const stateJson = this.snapshots.due({ shopId: shop.id, seqNo: upTo }) ? shopStateToJSON({ state: shop.fold.state }) : undefined;
    this.published(shop, logged, stateJson, shop.log.length);
  }

  /** Follows the shared store: another process's appends are caught up in the shop's turn, and shops first seen there are loaded. */
  private async follow(store: ShopStore): Promise<void> {
    const catchUpLater = (shop: Shop, head: bigint): void => {
      if (head <= BigInt(shop.log.length)) return;
      this.inTurn(shop, async () => {
        if (head > BigInt(shop.log.length)) await this.catchUp(shop, store);
        return { stored: Promise.resolve() };
      }).catch((error: unknown) => this.warn(`relay: catching up shop ${bytesToHex(shop.id)} failed: ${error instanceof Error ? error.message : String(error)}`));
    };
    this.unsubscribe = store.onAppend(({ shopId, head }) => catchUpLater(this.shopFor(shopId), head));
    // Appends between the load and the subscription: every shop is caught up once.
    for (const shopId of await store.shops()) catchUpLater(this.shopFor(shopId), await store.head({ shopId }));
  }

  // Records now durable: chained (and a due snapshot saved), then watchers told.
  private published(shop: Shop, records: readonly StoredRecord[], stateJson: string | undefined, upTo: number): void {
    this.snapshots.committed({ shopId: shop.id, records, stateJson, seqNo: BigInt(upTo) });
    if (upTo > shop.durable) {
      shop.durable = upTo;
      // The write is durable: a watcher that throws must not turn its ack into a refusal, nor starve the others.
      for (const watcher of [...shop.watchers]) {
        try {
          watcher();
        } catch (error) {
          this.warn(`relay: a log watcher failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }

  private replay(record: StoredRecord, signer?: Verdict): void {
    const shop = this.shopFor(record.shopId);
    // With a worker's signer only the event bytes are needed: read in place (foldChecked decodes a copy).
    const value = signer === undefined ? undefined : signedEventParts(record.signedEvent)?.value;
    // A copy: the decoded event's byte fields would be views of the whole file read at load.
    const signedEvent = value === undefined ? fromBinary(SignedEventSchema, new Uint8Array(record.signedEvent)) : undefined;
    if (record.seqNo !== BigInt(shop.log.length + 1)) throw new Error(`stored log out of order at seq_no ${record.seqNo}`);
    if (signer === undefined) shop.fold.verify({ signedEvent: signedEvent as SignedEvent, ...this.opening(shop) });
    else this.foldChecked(shop, value ?? eventBytesOf(signedEvent as SignedEvent), signer);
    shop.log.push({ record });
    shop.durable = shop.log.length;
  }

  // A shop restored from a snapshot: its state, and the records it covers (signers recovered when read).
  private seed({ shopId, state, records }: RestoredShop): void {
    const shop = this.shopFor(shopId);
    shop.fold = createShopFold({ state });
    for (const record of records) shop.log.push({ record });
    shop.durable = shop.log.length;
  }

  private shopFor(id: Uint8Array): Shop {
    const key = bytesToHex(id);
    let shop = this.shops.get(key);
    if (shop === undefined) {
      const dialect = this.dialectFor(id);
      // new Uint8Array copies (Buffer's slice would not): a loaded record's shop id is a view of the whole file read.
      const own = new Uint8Array(id);
      shop = { id: own, fold: createShopFold({ state: createShopState({ context: { shopId: own, relays: [this.address] } }) }), log: new ShopLogIndex({ shopId: own, store: this.store, domain: dialect === "v3" ? undefined : this.domain, shareRecent: true }), durable: 0, watchers: new Set(), lapses: new LapseQueue(), dialect, turn: Promise.resolve() };
      this.shops.set(key, shop);
    }
    return shop;
  }
}

// Whether the pool's started workers are ready within `ms` (the timer never keeps the process alive).
async function startedWithin(pool: VerifyPool, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    (timer as { unref?: () => void }).unref?.();
  });
  try {
    return await Promise.race([pool.ready().then(() => true as const), waited]);
  } finally {
    clearTimeout(timer);
  }
}

function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** A SignedEvent's event bytes (Any.value; empty when it has no event). */
function eventBytesOf(signedEvent: SignedEvent): Uint8Array {
  return signedEvent.event?.value ?? new Uint8Array(0);
}
