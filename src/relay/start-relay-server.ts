// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The reference relay on the network: a WebSocket endpoint (the `ws`
// package) feeding one RelaySession per connection, plus dev-only HTTP
// endpoints for enrollment, payments and discovery. Node only.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { type CryptoPaths, cryptoPaths } from "../crypto/crypto-paths.js";
import { selectSecp256k1Path } from "../signature/select-secp256k1-path.js";
import type { Address, Hex } from "viem";
import { isHex } from "../crypto/hex.js";
import { isAddress } from "../crypto/checksum-address.js";
import { WebSocketServer, type WebSocket } from "ws";
import type { EventDomain } from "../eip712/domain.js";
import { isNetworkSchemaError } from "../errors/base.js";
import { SESSION_CLOSE_CODES } from "../session/close-codes.js";
import { RelaySession } from "../session/relay-session.js";
import { createTickScheduler } from "../session/tick-scheduler.js";
import type { SessionTimings } from "../session/timings.js";
import { DEFAULT_MAX_ENVELOPE_BYTES } from "../wire/constants.js";
import { type SessionClock, systemClock } from "../session/transport.js";
import { handleBlobHttp } from "./blob/blob-routes.js";
import type { BlobUploadOptions, BlobUploads } from "./blob/blob-uploads.js";
import { openBlobUploads } from "./blob/open-blob-uploads.js";
import { createConnectionLimits, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS } from "./connection-limits.js";
import { createFileStore } from "./file-store.js";
import type { RelayStore } from "./relay-store.js";
import type { ShopStore } from "./store/store.js";
import { createSessionTrace } from "./session-trace.js";
import { createSocketTransport } from "./socket-transport.js";
import { ReferenceRelay, type ReferenceRelayOptions } from "./reference-relay.js";
import { discoveryBody } from "./http/discovery.js";
import { ENROLL_PATH, enrollBySignIn } from "./http/enrollment.js";
import { corsOrigin, signInHosts } from "./http/sign-in-hosts.js";
import { createShopAccess, type ShopAccess, type ShopAccessOptions } from "./http/shop-access.js";

/** Path of the WebSocket endpoint, as on v3 relays. */
export const SESSIONS_PATH = "/v3/sessions";
const MAX_HTTP_BODY = 16 * 1024;
/** Default cap (1 MiB) of a connection's unsent output: the push budget, a frame and the answers to the peer's requests fit well under it. */
export const DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024;

export interface RelayServerOptions {
  readonly domain: EventDomain;
  readonly privateKey: Hex;
  /** Defaults to 127.0.0.1 (loopback only). */
  readonly host?: string | undefined;
  /** Defaults to 0: any free port. */
  readonly port?: number | undefined;
  /** Keep the log in an append-only file in this directory. */
  readonly dataDir?: string | undefined;
  /** The relay's store instead of dataDir's log; closed with the server. */
  readonly store?: RelayStore | undefined;
  /** A store other relay processes may share (ReferenceRelayOptions.shopStore), instead of `store` and `dataDir`'s log; closed with the server. */
  readonly shopStore?: ShopStore | undefined;
  readonly timings?: SessionTimings | undefined;
  readonly clock?: SessionClock | undefined;
  readonly autoPay?: boolean | undefined;
  /** Open connections in total; more are closed with TRY_AGAIN_LATER (1013). Default {@link DEFAULT_MAX_CONNECTIONS}. */
  readonly maxConnections?: number | undefined;
  /** Open connections per remote address; more are closed with TRY_AGAIN_LATER (1013). Default {@link DEFAULT_MAX_CONNECTIONS_PER_ADDRESS}. */
  readonly maxConnectionsPerAddress?: number | undefined;
  /** Push bytes a session may have unacknowledged (RelaySessionOptions.maxOutstandingPushBytes). */
  readonly maxOutstandingPushBytes?: number | undefined;
  /** Unsent output of one connection above which it closes with SLOW_READER (4004). Default {@link DEFAULT_MAX_BUFFERED_BYTES}. */
  readonly maxBufferedBytes?: number | undefined;
  /** Where refused and slow connections are reported, one line each; defaults to stderr. */
  readonly log?: ((line: string) => void) | undefined;
  /** The talkative relay: a line per session, per answered request and per refusal with its rule and path; off when absent. */
  readonly trace?: ((line: string) => void) | undefined;
  /** Limits of blob uploads (stored in `dataDir/blobs`, else in memory). */
  readonly blobs?: BlobUploadOptions | undefined;
  /** `"v3"` serves deployed version-3 clients; a function chooses per shop (ReferenceRelayOptions.dialect). */
  readonly dialect?: ReferenceRelayOptions["dialect"];
  /** Who may enroll clerks by sign-in (POST /v3/enroll_key_card); default: the first wallet that signs in for a shop owns it. */
  readonly access?: ShopAccessOptions | undefined;
  /** The relay's token id, named in sign-in messages and discovery; default the relay's address as a number. */
  readonly relayTokenId?: bigint | undefined;
  /** Hosts (host:port) sign-in messages may name beside the relay's own addresses: its public host behind a proxy, or web pages that sign users in (with a Referer). */
  readonly signInHosts?: readonly string[] | undefined;
  /**
   * The secp256k1 path to select for this process before the relay opens
   * (selectSecp256k1Path): `"native"` (the default) where the optional
   * `secp256k1` addon loads, else the portable one; `"wasm"` or `"js"` to force
   * one; `"current"` keeps the path the process already selected.
   */
  readonly crypto?: "native" | "wasm" | "js" | "current" | undefined;
  /** Signature-check worker threads (ReferenceRelayOptions.verifyWorkers); default one per core (`os.availableParallelism()`), 0 = none. */
  readonly verifyWorkers?: number | undefined;
}

export interface RelayServer {
  /** The WebSocket URL of the session endpoint. */
  readonly url: string;
  /** Base URL of the HTTP endpoints. */
  readonly httpUrl: string;
  readonly relay: ReferenceRelay;
  /** Blob uploads: upload URLs, `POST /v3/upload_blob` and `GET /ipfs/<cid>`. */
  readonly blobs: BlobUploads;
  /** The enrollment access policy (first-wallet-owns when none was given). */
  readonly access: ShopAccess;
  /** The relay's token id. */
  readonly relayTokenId: bigint;
  /** Open sessions. */
  readonly sessions: ReadonlySet<RelaySession>;
  /** The crypto paths in effect, and why secp256k1 is not on the path asked for (undefined when it is). */
  readonly crypto: CryptoPaths & { readonly reason?: string | undefined };
  /** Signature-check worker threads (0: checks on the relay's thread). */
  readonly verifyWorkers: number;
  /** Bytes queued in the open sockets and not yet handed to the network (sum of `bufferedAmount`). */
  bufferedBytes(): number;
  close(): Promise<void>;
}

export async function startRelayServer(options: RelayServerOptions): Promise<RelayServer> {
  const { domain, privateKey, host = "127.0.0.1", port = 0, dataDir, timings = {}, clock = systemClock, autoPay, maxOutstandingPushBytes, dialect } = options;
  const { maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES, log = (line: string) => process.stderr.write(`${line}\n`) } = options;
  const limits = createConnectionLimits({
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    maxConnectionsPerAddress: options.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
  });
  const selected = options.crypto === "current" ? undefined : await selectSecp256k1Path({ path: options.crypto ?? "native" });
  const crypto = { ...cryptoPaths(), reason: selected !== undefined && "reason" in selected ? selected.reason : undefined };
  const verifyWorkers = options.verifyWorkers ?? availableParallelism();
  const store = options.store ?? (dataDir === undefined || options.shopStore !== undefined ? undefined : await createFileStore({ directory: dataDir }));
  const blobs = await openBlobUploads({ dataDir, clock, options: options.blobs, log }).catch(async (error: unknown) => {
    await (store ?? options.shopStore)?.close();
    throw error;
  });
  const relay = await ReferenceRelay.open({ domain, privateKey, store, shopStore: options.shopStore, clock, autoPay, blobs, dialect, verifyWorkers });
  const access = createShopAccess(options.access);
  const relayTokenId = options.relayTokenId ?? BigInt(relay.address);
  const sessions = new Set<RelaySession>();
  let authority = "";
  let hosts: readonly string[] = [];
  const sockets = new Set<WebSocket>();
  const http = createServer((request, response) => handleBlobHttp({ blobs, request, response, log }) || void handleHttp({ relay, domain, request, response, signIn: { access, relayTokenId, hosts: () => hosts, clock } }));
  const wss = new WebSocketServer({ server: http, path: SESSIONS_PATH, maxPayload: timings.maxFrameBytes ?? DEFAULT_MAX_ENVELOPE_BYTES });
  wss.on("connection", (socket, request) => {
    const remote = request.socket.remoteAddress ?? "unknown";
    const refused = limits.admit(remote);
    if (refused !== undefined) {
      log(`relay: refused a connection from ${remote}: ${refused}`);
      socket.on("error", () => undefined);
      return socket.close(SESSION_CLOSE_CODES.TRY_AGAIN_LATER, "too many connections");
    }
    sockets.add(socket);
    const trace = options.trace === undefined ? undefined : createSessionTrace({ remote, line: options.trace });
    const socketTransport = createSocketTransport({
        socket,
        stream: request.socket,
        maxBufferedBytes,
        sent: () => ticks.arm(),
        slow: (close) => {
          log(`relay: closed a connection from ${remote}: ${close.reason}`);
          session.close(close);
        },
      });
    const session = new RelaySession({
      transport: trace === undefined ? socketTransport : trace.transport(socketTransport),
      backend: relay,
      timings,
      clock,
      maxOutstandingPushBytes,
      onBackendFailure: (error) => log(`relay: closed a session from ${remote}: ${error instanceof Error ? error.message : String(error)}`),
    });
    const ticks = createTickScheduler({ session, clock });
    sessions.add(session);
    ticks.arm();
    socket.on("message", (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data;
      const frame = isBinary ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : bytes.toString();
      trace?.received(frame);
      session.receive({ frame });
      ticks.arm();
    });
    socket.on("error", () => undefined);
    socket.on("close", (code, reason) => {
      ticks.stop();
      limits.release(remote);
      sockets.delete(socket);
      sessions.delete(session);
      trace?.closed(code, reason.toString());
      session.transportClosed({ code, reason: reason.toString() });
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => resolve());
  }).catch(async (error: unknown) => {
    // A port in use must not leave the data directory locked.
    wss.close();
    await relay.close();
    throw error;
  });
  const address = http.address() as AddressInfo;
  authority = `${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  hosts = signInHosts({ address: address.address, port: address.port, extra: options.signInHosts });
  blobs.listening({ baseUrl: `http://${authority}` });
  return {
    url: `ws://${authority}${SESSIONS_PATH}`,
    httpUrl: `http://${authority}`,
    relay,
    blobs,
    access,
    relayTokenId,
    sessions,
    crypto,
    verifyWorkers,
    bufferedBytes: () => [...sockets].reduce((sum, socket) => sum + socket.bufferedAmount, 0),
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await relay.close();
    },
  };
}

interface SignIn {
  readonly access: ShopAccess;
  readonly relayTokenId: bigint;
  readonly hosts: () => readonly string[];
  readonly clock: SessionClock;
}

async function handleHttp({ relay, domain, request, response, signIn }: { relay: ReferenceRelay; domain: EventDomain; request: IncomingMessage; response: ServerResponse; signIn: SignIn }): Promise<void> {
  // A web page the relay lists as a sign-in host may read its answers (sign-in and discovery).
  const allow = corsOrigin({ origin: request.headers.origin, hosts: signIn.hosts() });
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json", ...(allow === undefined ? {} : { "access-control-allow-origin": allow, vary: "Origin" }) });
    response.end(JSON.stringify(body));
  };
  const url = new URL(request.url ?? "/", "http://relay");
  try {
    if (request.method === "GET" && url.pathname === "/health") return reply(200, { status: "ok" });
    if (request.method === "GET" && url.pathname === "/testing/discovery") {
      return reply(200, discoveryBody({ relayAddress: relay.address, relayTokenId: signIn.relayTokenId, domain }));
    }
    if (request.method === "POST" && url.pathname === ENROLL_PATH) {
      const { access, relayTokenId, hosts, clock } = signIn;
      const { referer } = request.headers;
      const answer = await enrollBySignIn({ relay, access, hosts: hosts(), referer, relayTokenId, body: await readJson(request), guest: url.searchParams.get("guest") === "1", now: new Date(clock.now()) });
      return reply(answer.status, answer.body);
    }
    if (request.method === "POST" && url.pathname === "/testing/enroll_keycard") {
      const body = await readJson(request);
      const guest = body.guest === true;
      const userWallet = typeof body.userWallet === "string" && isAddress(body.userWallet) ? (body.userWallet as Address) : undefined;
      const address = await relay.enrollKeycard({ shopId: shopIdOf(body.shopId), publicKey: hexOf(body.publicKey, "publicKey"), guest, userWallet });
      return reply(201, { success: true, address });
    }
    if (request.method === "POST" && url.pathname === "/testing/pay") {
      const body = await readJson(request);
      await relay.simulatePayment({ shopId: shopIdOf(body.shopId), orderId: hexOf(body.orderId, "orderId") });
      return reply(201, { success: true });
    }
    return reply(404, { error: "not found" });
  } catch (error) {
    if (isNetworkSchemaError(error) || error instanceof SyntaxError || error instanceof TypeError) return reply(400, { error: error.message });
    return reply(500, { error: "internal error" });
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_HTTP_BODY) throw new TypeError("body too large");
    chunks.push(chunk as Buffer);
  }
  const value: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  if (typeof value !== "object" || value === null) throw new TypeError("expected a JSON object");
  return value as Record<string, unknown>;
}

function hexOf(value: unknown, name: string): Hex {
  if (typeof value !== "string" || !isHex(value, { strict: true })) throw new TypeError(`${name}: expected 0x-hex`);
  return value;
}

function shopIdOf(value: unknown): bigint | Hex {
  if (typeof value === "string" && /^[0-9]+$/.test(value)) return BigInt(value);
  return hexOf(value, "shopId");
}
