// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The values doc examples may use without declaring them, with their types:
// test/docs/examples.test.ts imports from here every name an example uses and
// does not declare. An example needing another value declares it, or it is
// added here with its real type (never `any`), so examples stay type-checked.
import type { Address, Hex, LocalAccount, WalletClient } from "viem";
import type { Envelope } from "../../gen/market/mass/envelope_pb.js";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import type { EventWriteRequest } from "../../gen/market/mass/transport_pb.js";
import type { WebSocket as NodeWebSocket } from "ws";
import type { ClientSession, CustomerView, PushedEvent, EventDomain, HashingBudget, KeycardInput, KeycardSet, NonceTracker, OpenSignedEventReturnType, ShopContext, RelayBackend, RelaySession, SessionTransport, ShopState, TimestampWindow } from "../../src/index.js";

/** A shop event to sign, hash or check. */
export declare const event: ShopEvent;
/** The EIP-712 domain of the shop registry. */
export declare const domain: EventDomain;
/** The shop registry contract. */
export declare const registry: Address;
/** A keycard key. */
export declare const account: LocalAccount;
/** A keycard's address (or, for verification, the expected signer). */
export declare const keycard: Address;
/** A keycard's address. */
export declare const address: Address;
/** A wallet reached over JSON-RPC, with its account. */
export declare const walletClient: WalletClient;
/** An EIP-712 or EIP-191 signature. */
export declare const signature: Hex;
/** A signed event as received. */
export declare const signedEvent: SignedEvent;
/** Event bytes as signed and sent. */
export declare const eventBytes: Uint8Array;
/** Bytes received from a peer. */
export declare const bytes: Uint8Array;
/** The relay's login challenge. */
export declare const challenge: Uint8Array;
/** A request Envelope that was sent. */
export declare const sent: Envelope;
/** A request Envelope. */
export declare const request: Envelope;
/** A WebSocket to a relay. */
export declare const socket: WebSocket;
/** The shop's token id. */
export declare const shopId: bigint;
/** The shop's enrolled keycards. */
export declare const keycards: KeycardSet;
/** A subscription id from the relay. */
export declare const subscriptionId: Uint8Array;
/** Something caught: `catch (error)` in an example is written as a test of this value. */
export declare const error: unknown;
/** An EventWriteRequest to send or check. */
export declare const writeRequest: EventWriteRequest;
/** An Envelope received or built. */
export declare const envelope: Envelope;
/** A 32-byte EIP-712 or EIP-191 digest. */
export declare const digest: Uint8Array;
/** The address a signature recovers to. */
export declare const signer: Address;
/** Something that may be a signer: a LocalAccount, a WalletClient, or neither. */
export declare const client: unknown;
/** A size cap in bytes. */
export declare const maxBytes: number;
/** A SignedEvent opened by openSignedEvent. */
export declare const opened: OpenSignedEventReturnType;
/** The last nonce the signer used in this shop, if any. */
export declare const lastNonce: bigint | undefined;
/** The last nonce of each keycard. */
export declare const nonces: NonceTracker;
/** When events may be timestamped. */
export declare const timestampWindow: TimestampWindow;
/** A shop's folded state. */
export declare const state: ShopState;
/** What a shop state starts from: the shop and its relays. */
export declare const context: ShopContext;
/** The shop's relay keys. */
export declare const relays: readonly KeycardInput[];
/** Signed events of a shop's log, in order. */
export declare const signedEvents: readonly SignedEvent[];
/** A hashing budget. */
export declare const budget: HashingBudget;
/** A secp256k1 private key (0x + 64 hex digits), e.g. a relay's signing key. */
export declare const privateKey: Hex;
/** A keycard's private key (0x + 64 hex digits). */
export declare const keycardKey: Hex;
/** A client session connected to a relay. */
export declare const session: ClientSession;
/** A guest's customer view of a shop (session.view, foldCustomerView). */
export declare const view: CustomerView;
/** An order id as the state and the view key it: 0x + 16 lowercase hex digits. */
export declare const orderId: Hex;
/** Events a session delivered (its `events` notifications, or `session.events()`). */
export declare const pushed: readonly PushedEvent[];
/** A relay's session with one client. */
export declare const relaySession: RelaySession;
/** One received binary frame (one Envelope). */
export declare const frame: Uint8Array;
/** Where a session's frames go. */
export declare const transport: SessionTransport;
/** What a RelaySession serves: keycards, shop logs and the write path. */
export declare const backend: RelayBackend;
/** A client's connection as a Node relay server (the `ws` package) sees it. */
export declare const ws: NodeWebSocket;
