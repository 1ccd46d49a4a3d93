// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { ShopStore } from "./store/store.js";
import type { ObjectIdInput } from "../values/object-id.js";
import type { Address, Hex } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { WebSocket } from "ws";
import type { EventDomain } from "../eip712/domain.js";
import { objectParameter } from "../errors/object-parameter.js";
import type { ClientSession, ClientSessionEvent } from "../session/client-session.js";
import { connectClientSession } from "../session/connect-client-session.js";
import type { SessionTimings } from "../session/timings.js";
import type { ShopState } from "../state/shop-state.js";
import type { Dialect } from "../wire/dialect.js";
import type { ShopIdInput } from "../wire/shop-id.js";
import type { BlobUploadOptions } from "./blob/blob-uploads.js";
import type { ShopAccessOptions } from "./http/shop-access.js";
import { startRelayServer } from "./start-relay-server.js";

/** The domain a test relay uses unless told otherwise: chain 31337 (a local dev chain) and a fixed registry address. */
export const TEST_RELAY_DOMAIN: EventDomain = Object.freeze({ chainId: 31337, verifyingContract: "0x000000000000000000000000000000000000dEaD" });

export interface StartTestRelayParameters {
  /** Defaults to {@link TEST_RELAY_DOMAIN}. */
  readonly domain?: EventDomain | undefined;
  /** The relay's signing key; defaults to a fresh random one. */
  readonly privateKey?: Hex | undefined;
  /** Defaults to 127.0.0.1. */
  readonly host?: string | undefined;
  /** Defaults to 0 (a free port). */
  readonly port?: number | undefined;
  /** Keep the log in an append-only, fsynced file in this directory (replayed on start). */
  readonly dataDir?: string | undefined;
  /** Ping, kick, request timeout and frame cap of the relay's sessions. */
  readonly timings?: SessionTimings | undefined;
  /** Pay each order as soon as the relay sets its payment details. */
  readonly autoPay?: boolean | undefined;
  /** Open connections in total; more are closed with TRY_AGAIN_LATER (1013). Default 1024. */
  readonly maxConnections?: number | undefined;
  /** Open connections per remote address; more are closed with TRY_AGAIN_LATER (1013). Default 128. */
  readonly maxConnectionsPerAddress?: number | undefined;
  /** Push bytes a session may have unacknowledged; default 256 KiB (`DEFAULT_MAX_OUTSTANDING_PUSH_BYTES`). */
  readonly maxOutstandingPushBytes?: number | undefined;
  /** Where refused and slow connections are reported, one line each; defaults to stderr. */
  readonly log?: ((line: string) => void) | undefined;
  /** Limits of blob uploads (kept in `dataDir/blobs`, else in memory); 32 MiB per file by default. */
  readonly blobs?: BlobUploadOptions | undefined;
  /**
   * `"v3"`: serve deployed version-3 clients, and connect() gives v3-dialect
   * sessions (docs/sessions.md, "Dialects"). A function chooses per shop
   * (0x + 64 hex digits); connect() then takes the client's `dialect`.
   */
  readonly dialect?: Dialect | ((input: { readonly shopId: Hex }) => Dialect) | undefined;
  /** Who may enroll clerks by sign-in (POST /v3/enroll_key_card); default: the first wallet that signs in for a shop owns it. */
  readonly access?: ShopAccessOptions | undefined;
  /** The relay's token id in sign-in messages and discovery; default the relay's address as a number. */
  readonly relayTokenId?: bigint | undefined;
  /** Hosts (host:port) sign-in messages may name beside the relay's own addresses (RelayServerOptions.signInHosts). */
  readonly signInHosts?: readonly string[] | undefined;
  /** A store other relays may share (RelayServerOptions.shopStore): e.g. two test relays on two connections of one createMemoryShopStore. */
  readonly shopStore?: ShopStore | undefined;
}

/** A running reference relay for client tests. */
export interface TestRelay {
  /** WebSocket URL of the session endpoint (ws://127.0.0.1:PORT/v3/sessions). */
  readonly url: string;
  /** Base URL of the dev HTTP endpoints. */
  readonly httpUrl: string;
  readonly domain: EventDomain;
  /** The relay's dialect, or undefined when it is chosen per shop. */
  readonly dialect: Dialect | undefined;
  /** The relay's token id (`mass-relayid` in sign-in messages, `relay_token_id` in discovery). */
  readonly relayTokenId: bigint;
  /** First-wallet-owns (no access policy given): the owner lists another clerk wallet of its shop. */
  listClerk(parameters: { shopId: Hex; wallet: Address }): void;
  /** Address the relay signs its sandboxed events with; give it to clients as `relays`. */
  readonly relayAddress: Address;
  /** Dev-only enrollment of a keycard (64- or 65-byte public key) for a shop; creates the shop. */
  enrollKeycard(parameters: { shopId: ShopIdInput; publicKey: Hex | Uint8Array; guest?: boolean | undefined; userWallet?: Address | undefined }): Promise<Address>;
  /** Dev-only payment of an unpaid order (a relay-signed payment transaction, which takes its lines out of stock). */
  simulatePayment(parameters: { shopId: ShopIdInput; orderId: ObjectIdInput }): Promise<void>;
  /** The relay's current state of a shop. */
  shopState(parameters: { shopId: ShopIdInput }): ShopState | undefined;
  /** Number of events in a shop's durable log. */
  logLength(parameters: { shopId: ShopIdInput }): number;
  /** A ClientSession connected to this relay (domain and relay address filled in). */
  connect(parameters?: {
    timings?: SessionTimings | undefined;
    onEvent?: ((event: ClientSessionEvent) => void) | undefined;
    /** Resume: a state saved from an earlier full subscription and its last seq_no. */
    state?: ShopState | undefined;
    lastSeqNo?: bigint | undefined;
    /** The session's dialect; defaults to the relay's (`"eip712"` when chosen per shop). */
    dialect?: Dialect | undefined;
  }): Promise<ClientSession>;
  /** Stops the relay and closes every session. */
  close(): Promise<void>;
}

/**
 * Starts the in-memory reference relay on loopback for a client test suite
 * (Node only): WebSocket sessions, dev enrollment and payments, pushes and
 * SyncStatus, events accepted through the shop state machine.
 *
 * @example
 * const relay = await startTestRelay();
 * await relay.enrollKeycard({ shopId: 23n, publicKey: account.publicKey });
 * const session = await relay.connect();
 * await session.login({ account });
 * // A relay for deployed version-3 clients:
 * const v3Relay = await startTestRelay({ dialect: "v3" });
 */
export async function startTestRelay(parameters: StartTestRelayParameters = {}): Promise<TestRelay> {
  const { domain = TEST_RELAY_DOMAIN, privateKey = generatePrivateKey(), host, port, dataDir, timings, autoPay, dialect = "eip712", ...rest } = objectParameter(parameters);
  // A test relay leaves the process's crypto path alone and checks signatures on its own thread.
  const server = await startRelayServer({ domain, privateKey, host, port, dataDir, timings, autoPay, dialect, crypto: "current", verifyWorkers: 0, ...rest });
  const { relay } = server;
  return {
    url: server.url,
    httpUrl: server.httpUrl,
    domain,
    dialect: relay.dialect,
    relayTokenId: server.relayTokenId,
    listClerk: (input) => server.access.listClerk(input),
    relayAddress: relay.address,
    enrollKeycard: (input) => relay.enrollKeycard(input),
    simulatePayment: (input) => relay.simulatePayment(input),
    shopState: (input) => relay.shopState(input),
    logLength: (input) => relay.shopLog(input).length,
    connect: ({ timings: clientTimings, onEvent, state, lastSeqNo, dialect: clientDialect = relay.dialect } = {}) =>
      connectClientSession({ url: server.url, domain, dialect: clientDialect, relays: [relay.address], WebSocket, timings: clientTimings, onEvent, state, lastSeqNo }),
    close: () => server.close(),
  };
}
