// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The reference relay's core, behind the RelaySessions: shops with their state
// and log, keycards, the write path through the shop state machine, and the
// relay's own sandboxed events (enrollment, payment details, payment).
import { create, fromBinary, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { type Address, bytesToHex, type Hex, hexToBytes, zeroAddress } from "viem";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import { isNetworkSchemaError } from "../errors/base.js";
import { isEventRejectedError } from "../errors/event-rejected-error.js";
import { RelayError } from "../errors/relay-error.js";
import type { RelayBackend, RelayKeycard, RelayLogEntry } from "../session/relay-backend.js";
import { type SessionClock, systemClock } from "../session/transport.js";
import { computeOrderTotal } from "../state/compute-order-total.js";
import { createShopState } from "../state/create-shop-state.js";
import type { ShopState } from "../state/shop-state.js";
import { verifyShopEvent } from "../state/verify-shop-event.js";
import { createKeycardSet, keycardAddress, type KeycardSet, uncompressedPublicKey } from "../wire/keycards.js";
import { lastNonce } from "../wire/last-nonce.js";
import { shopIdBytes, type ShopIdInput } from "../wire/shop-id.js";
import { lazyLogEntry } from "./lazy-log-entry.js";
import { createRelaySigner, type RelaySigner } from "./relay-signer.js";
import { createMemoryStore, type RelayStore, type StoredRecord } from "./relay-store.js";
import { DEFAULT_SNAPSHOT_EVERY, type RestoredShop, SnapshotKeeper } from "./snapshot-keeper.js";

interface Shop {
  readonly id: Uint8Array;
  /** State after every accepted event, durable or not. */
  state: ShopState;
  /** Accepted events; the first `durable` are stored and visible to readers. */
  readonly log: RelayLogEntry[];
  durable: number;
  readonly watchers: Set<() => void>;
}

/** A ShopEvent union member as an init shape (plain objects for nested messages). */
type UnionInit = NonNullable<MessageInitShape<typeof ShopEventSchema>["union"]>;

interface Accepted {
  readonly signedEvent: SignedEvent;
  readonly event: ShopEvent;
  readonly signer: Address;
}

/** Options of {@link ReferenceRelay.open}. */
export interface ReferenceRelayOptions {
  readonly domain: EventDomain;
  /** The relay's signing key (0x + 64 hex digits). */
  readonly privateKey: Hex;
  /** Defaults to memory only. */
  readonly store?: RelayStore | undefined;
  readonly clock?: SessionClock | undefined;
  /** Pay every order as soon as its payment details are set (default false: call simulatePayment). */
  readonly autoPay?: boolean | undefined;
  /** Records of a shop between two state snapshots, when the store keeps them (default 2,000). */
  readonly snapshotEvery?: number | undefined;
  /** Where the relay says why it did not use a snapshot (default console.warn). */
  readonly warn?: ((line: string) => void) | undefined;
}

/**
 * The reference relay's core (Node only, for development and tests): shops
 * with their state and log, enrolled keycards, writes accepted through the
 * shop state machine (verifyShopEvent) and totally ordered, the relay's own
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
  private readonly signer: RelaySigner;
  private readonly store: RelayStore;
  private readonly clock: SessionClock;
  private readonly autoPay: boolean;
  private readonly shops = new Map<string, Shop>();
  private readonly connected = new Map<string, { session: object; replace: () => void }>();
  /** Per connected keycard, a set of its one public key: its writes are checked by table, not recovered. */
  private readonly writerKeys = new Map<string, KeycardSet>();
  private failure: unknown;
  private readonly snapshots: SnapshotKeeper;

  private constructor({ domain, privateKey, store = createMemoryStore(), clock = systemClock, autoPay = false, snapshotEvery = DEFAULT_SNAPSHOT_EVERY, warn = console.warn }: ReferenceRelayOptions) {
    this.domain = domain;
    this.signer = createRelaySigner({ privateKey, domain });
    this.store = store;
    this.clock = clock;
    this.autoPay = autoPay;
    this.snapshots = new SnapshotKeeper({ store, domain, every: snapshotEvery, warn });
  }

  /** A relay with the records of `store` replayed (each one verified again; under a valid snapshot, only the tail). */
  static async open(options: ReferenceRelayOptions): Promise<ReferenceRelay> {
    try {
      const relay = new ReferenceRelay(options);
      const records = await relay.store.load();
      await relay.snapshots.restore({ records, replay: (record) => relay.replay(record), seed: (shop) => relay.seed(shop) });
      return relay;
    } catch (error) {
      // A refused key or log must not keep the file (and the directory lock) open.
      await options.store?.close();
      throw error;
    }
  }

  /** The address the relay signs its own events with. */
  get address(): Address {
    return this.signer.address;
  }

  /** Current state of a shop (including accepted events still being stored), or undefined. */
  shopState({ shopId }: { shopId: ShopIdInput }): ShopState | undefined {
    return this.shops.get(bytesToHex(shopIdBytes({ shopId })))?.state;
  }

  /** The durable log of a shop. */
  shopLog({ shopId }: { shopId: ShopIdInput }): readonly RelayLogEntry[] {
    const shop = this.shops.get(bytesToHex(shopIdBytes({ shopId })));
    return shop === undefined ? [] : shop.log.slice(0, shop.durable);
  }

  /**
   * Dev-only enrollment: the relay signs Account.enroll_keycard for the key,
   * creating the shop on first use. A zero `userWallet` (`guest: true`) enrols a guest.
   */
  async enrollKeycard({ shopId, publicKey, userWallet, guest = false }: { shopId: ShopIdInput; publicKey: Hex | Uint8Array; userWallet?: Address | undefined; guest?: boolean | undefined }): Promise<Address> {
    const shop = this.shopFor(shopIdBytes({ shopId }));
    const raw = uncompressedPublicKey({ publicKey: typeof publicKey === "string" ? hexToBytes(publicKey) : publicKey }).slice(1);
    const address = keycardAddress({ keycard: raw });
    const wallet = guest ? zeroAddress : (userWallet ?? address);
    const event = this.relayEvent(shop, { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw }, userWallet: { raw: hexToBytes(wallet) } } } } });
    const { state, accepted } = this.acceptRelayEvents(shop, shop.state, [event]);
    await this.commit(shop, state, accepted);
    return address;
  }

  /** Dev-only payment: the relay takes an unpaid order's lines out of stock and records a payment transaction. */
  async simulatePayment({ shopId, orderId }: { shopId: ShopIdInput; orderId: Hex }): Promise<void> {
    const shop = this.shops.get(bytesToHex(shopIdBytes({ shopId })));
    if (shop === undefined) throw new RelayError({ errorCode: ErrorCodes.NOT_FOUND, relayMessage: "unknown shop" });
    const { state, accepted } = this.payment(shop, shop.state, orderId);
    await this.commit(shop, state, accepted);
  }

  findKeycard({ publicKey }: { publicKey: Uint8Array }): RelayKeycard | undefined {
    const address = keycardAddress({ keycard: publicKey });
    for (const shop of this.shops.values()) {
      const keycard = shop.state.keycards[address];
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
  }

  orderOwner({ shopId, orderId }: { shopId: Uint8Array; orderId: Uint8Array }): Address | undefined {
    return this.shops.get(bytesToHex(shopId))?.state.orders[bytesToHex(orderId)]?.owner;
  }

  hasShop({ shopId }: { shopId: Uint8Array }): boolean {
    return this.shops.has(bytesToHex(shopId));
  }

  read({ shopId, afterSeqNo }: { shopId: Uint8Array; afterSeqNo: bigint }): readonly RelayLogEntry[] {
    const shop = this.shops.get(bytesToHex(shopId));
    if (shop === undefined || afterSeqNo >= BigInt(shop.durable)) return [];
    return shop.log.slice(Number(afterSeqNo), shop.durable);
  }

  watch({ shopId, onAppend }: { shopId: Uint8Array; onAppend: () => void }): () => void {
    const shop = this.shops.get(bytesToHex(shopId));
    if (shop === undefined) return () => undefined;
    shop.watchers.add(onAppend);
    return () => shop.watchers.delete(onAppend);
  }

  // The writer's public key as a KeycardSet, kept while it is connected (its table lives in the set).
  private writerKeySet(shop: Shop, address: Address): KeycardSet | undefined {
    const cached = this.writerKeys.get(address);
    if (cached !== undefined) return cached;
    const enrolled = shop.state.keycards[address];
    if (enrolled === undefined || !this.connected.has(address)) return undefined;
    const set = createKeycardSet({ keycards: [enrolled.publicKey] });
    this.writerKeys.set(address, set);
    return set;
  }

  async write({ keycard, events }: { keycard: RelayKeycard; events: readonly SignedEvent[] }): Promise<Uint8Array | undefined> {
    const shop = this.shops.get(bytesToHex(keycard.shopId));
    if (shop === undefined) throw new RelayError({ errorCode: ErrorCodes.NOT_FOUND, relayMessage: "unknown shop" });
    let state = shop.state;
    const accepted: Accepted[] = [];
    const keycards = this.writerKeySet(shop, keycard.address);
    for (const [i, signedEvent] of events.entries()) {
      let verified;
      try {
        verified = verifyShopEvent({ state, signedEvent, domain: this.domain, keycards });
      } catch (error) {
        throw refusal(error, `event_write_request.events[${i}]`);
      }
      if (verified.signer !== keycard.address) {
        throw new RelayError({ errorCode: ErrorCodes.INVALID, relayMessage: `event_write_request.events[${i}]: signed by ${verified.signer}, not by the logged-in keycard` });
      }
      state = verified.state;
      accepted.push({ signedEvent, event: verified.event, signer: verified.signer });
      const reaction = this.react(shop, state, verified.event);
      state = reaction.state;
      accepted.push(...reaction.accepted);
    }
    await this.commit(shop, state, accepted);
    return undefined;
  }

  /** Closes the store (the file log, when there is one). */
  async close(): Promise<void> {
    await this.snapshots.close();
    await this.store.close();
  }

  /** Relay events a client event triggers: payment details after choose_payment (and the payment with autoPay). */
  private react(shop: Shop, state: ShopState, event: ShopEvent): { state: ShopState; accepted: Accepted[] } {
    const union = event.union;
    if (union.case !== "updateOrder" || union.value.action.case !== "choosePayment") return { state, accepted: [] };
    const orderId = bytesToHex(union.value.id?.raw ?? new Uint8Array(0));
    const total = computeOrderTotal({ state, orderId });
    const details = this.relayEvent(shop, {
      case: "updateOrder",
      value: {
        id: { raw: hexToBytes(orderId as Hex) },
        action: { case: "setPaymentDetails", value: { paymentId: { raw: randomBytes(32) }, total: { raw: uint256(total) }, ttl: "3600" } },
      },
    }, state);
    const first = this.acceptRelayEvents(shop, state, [details]);
    if (!this.autoPay) return first;
    const paid = this.payment(shop, first.state, orderId as Hex);
    return { state: paid.state, accepted: [...first.accepted, ...paid.accepted] };
  }

  private payment(shop: Shop, start: ShopState, orderId: Hex): { state: ShopState; accepted: Accepted[] } {
    const order = start.orders[orderId];
    if (order === undefined || order.status !== "unpaid") throw new RelayError({ errorCode: ErrorCodes.NOT_FOUND, relayMessage: `no unpaid order ${orderId}` });
    let state = start;
    const accepted: Accepted[] = [];
    const step = (union: UnionInit) => {
      const done = this.acceptRelayEvents(shop, state, [this.relayEvent(shop, union, state)]);
      state = done.state;
      accepted.push(...done.accepted);
    };
    for (const line of order.items) {
      step({ case: "changeInventory", value: { id: { raw: hexToBytes(line.listingId) }, variationIds: line.variationIds.map((v) => ({ raw: hexToBytes(v) })), diff: -line.quantity } });
    }
    step({ case: "updateOrder", value: { id: { raw: hexToBytes(orderId) }, action: { case: "addPaymentTx", value: { txHash: { raw: randomBytes(32) }, blockHash: { raw: randomBytes(32) } } } } });
    return { state, accepted };
  }

  private relayEvent(shop: Shop, union: UnionInit, state: ShopState = shop.state): SignedEvent {
    const last = lastNonce({ nonces: state.nonces, signer: this.signer.address });
    const event = create(ShopEventSchema, {
      nonce: (last ?? 0n) + 1n,
      shopId: { raw: shop.id },
      timestamp: timestampFromMs(this.clock.now()),
      union,
    });
    return this.signer.sign(event);
  }

  private acceptRelayEvents(_shop: Shop, start: ShopState, events: readonly SignedEvent[]): { state: ShopState; accepted: Accepted[] } {
    let state = start;
    const accepted: Accepted[] = [];
    for (const signedEvent of events) {
      const verified = verifyShopEvent({ state, signedEvent, domain: this.domain });
      state = verified.state;
      accepted.push({ signedEvent, event: verified.event, signer: verified.signer });
    }
    return { state, accepted };
  }

  private async commit(shop: Shop, state: ShopState, accepted: readonly Accepted[]): Promise<void> {
    if (this.failure !== undefined) throw new RelayError({ errorCode: ErrorCodes.INVALID, relayMessage: "the relay's store failed; restart it" });
    shop.state = state;
    const records: StoredRecord[] = [];
    for (const { signedEvent, signer } of accepted) {
      const seqNo = BigInt(shop.log.length + 1);
      const bytes = toBinary(SignedEventSchema, signedEvent);
      // Bytes, not decoded messages, stay in memory (lazy-log-entry.ts).
      shop.log.push(lazyLogEntry({ seqNo, bytes, domain: this.domain, signer }));
      records.push({ shopId: shop.id, seqNo, signedEvent: bytes });
    }
    const upTo = shop.log.length;
    try {
      await this.store.append(records);
    } catch (error) {
      // Later accepted events depend on these: nothing after them may be acknowledged.
      this.failure = error;
      throw new RelayError({ errorCode: ErrorCodes.INVALID, relayMessage: "the relay could not store the write" });
    }
    this.snapshots.committed({ shopId: shop.id, records, state, seqNo: BigInt(upTo) });
    if (upTo > shop.durable) {
      shop.durable = upTo;
      for (const watcher of [...shop.watchers]) watcher();
    }
  }

  private replay(record: StoredRecord): void {
    const shop = this.shopFor(record.shopId);
    const signedEvent = fromBinary(SignedEventSchema, record.signedEvent);
    const verified = verifyShopEvent({ state: shop.state, signedEvent, domain: this.domain });
    if (record.seqNo !== BigInt(shop.log.length + 1)) throw new Error(`stored log out of order at seq_no ${record.seqNo}`);
    shop.state = verified.state;
    shop.log.push(lazyLogEntry({ seqNo: record.seqNo, bytes: record.signedEvent, domain: this.domain, signer: verified.signer }));
    shop.durable = shop.log.length;
  }

  // A shop restored from a snapshot: its state, and the log entries it covers.
  private seed({ shopId, state, entries }: RestoredShop): void {
    const shop = this.shopFor(shopId);
    shop.state = state;
    for (const entry of entries) shop.log.push(entry);
    shop.durable = shop.log.length;
  }

  private shopFor(id: Uint8Array): Shop {
    const key = bytesToHex(id);
    let shop = this.shops.get(key);
    if (shop === undefined) {
      shop = { id: id.slice(), state: createShopState({ context: { shopId: id, relays: [this.signer.address] } }), log: [], durable: 0, watchers: new Set() };
      this.shops.set(key, shop);
    }
    return shop;
  }
}

function refusal(error: unknown, path: string): RelayError {
  if (isEventRejectedError(error)) return new RelayError({ errorCode: error.errorCode, relayMessage: `${path}: ${error.message}` });
  if (isNetworkSchemaError(error)) return new RelayError({ errorCode: ErrorCodes.INVALID, relayMessage: `${path}: ${error.message}` });
  throw error;
}

function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

function uint256(value: bigint): Uint8Array {
  return hexToBytes(`0x${value.toString(16).padStart(64, "0")}`);
}
