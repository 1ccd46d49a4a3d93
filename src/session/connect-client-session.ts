// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import type { EventDomain } from "../eip712/domain.js";
import type { Dialect } from "../wire/dialect.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { SessionError } from "../errors/session-error.js";
import { ClientSession, type ClientSessionEvent } from "./client-session.js";
import { createTickScheduler } from "./tick-scheduler.js";
import type { ShopState } from "../state/shop-state.js";
import type { SessionTimings } from "./timings.js";

/** The part of the WHATWG WebSocket a ClientSession needs (browsers, Node 22+, or the `ws` package). */
export interface WebSocketLike {
  /** Set to "arraybuffer" so binary frames arrive as ArrayBuffer. */
  binaryType: string;
  /** The connection state (0 connecting, 1 open, 2 closing, 3 closed). */
  readonly readyState: number;
  /** Called once the connection is open. */
  onopen: ((event: unknown) => void) | null;
  /** Called with each received frame in \`data\`. */
  onmessage: ((event: { data: unknown }) => void) | null;
  /** Called once the connection closed, with its close code and reason. */
  onclose: ((event: { code: number; reason: string }) => void) | null;
  /** Called on a connection error (a close follows). */
  onerror: ((event: unknown) => void) | null;
  /** Sends one binary frame. */
  send(data: Uint8Array): void;
  /** Closes the connection. */
  close(code?: number, reason?: string): void;
}

export interface ConnectClientSessionParameters {
  /** The relay's session endpoint, e.g. `ws://127.0.0.1:4444/v3/sessions`. */
  readonly url: string;
  /** Chain and shop registry of the shop. */
  readonly domain?: EventDomain | undefined;
  /** `"v3"` to talk as version-3 clients do (ClientSessionOptions.dialect); default `"eip712"`. */
  readonly dialect?: Dialect | undefined;
  /** Relay addresses allowed to sign sandboxed events. */
  readonly relays?: readonly Address[] | undefined;
  /**
   * WebSocket constructor with the WHATWG interface ({@link WebSocketLike});
   * defaults to `globalThis.WebSocket`. On Node 20 pass the `ws` package's.
   */
  readonly WebSocket?: (new (url: string) => object) | undefined;
  readonly timings?: SessionTimings | undefined;
  /** A state saved from an earlier full subscription, to resume from (see ClientSessionOptions). */
  readonly state?: ShopState | undefined;
  /** The last seq_no folded into \`state\`. */
  readonly lastSeqNo?: bigint | undefined;
  /** Called for pushed events, sync status and the close. */
  readonly onEvent?: ((event: ClientSessionEvent) => void) | undefined;
  /** Most delivered events kept for `events()` (ClientSessionOptions.historyLimit). */
  readonly historyLimit?: number | undefined;
}

/**
 * Opens a WebSocket to a relay and resolves with a ClientSession driven by
 * it (frames in and out, timers armed at the session's deadlines).
 *
 * @throws SessionError (CLOSED) when the connection fails
 * @example
 * const session = await connectClientSession({ url: "ws://127.0.0.1:4444/v3/sessions", domain });
 * await session.login({ account });
 */
export function connectClientSession(parameters: ConnectClientSessionParameters): Promise<ClientSession> {
  const { url, domain, dialect, relays, WebSocket: given, timings, onEvent, state, lastSeqNo, historyLimit } = objectParameter(parameters);
  const Socket = (given ?? (globalThis as { WebSocket?: unknown }).WebSocket) as (new (url: string) => WebSocketLike) | undefined;
  if (typeof url !== "string") return Promise.reject(new FieldValueError("WRONG_TYPE", "expected a ws:// or wss:// URL", { path: "url" }));
  if (typeof Socket !== "function") return Promise.reject(new FieldValueError("MISSING_FIELD", "expected a WebSocket constructor (none is global here)", { path: "WebSocket" }));
  return new Promise<ClientSession>((resolve, reject) => {
    let socket: WebSocketLike;
    try {
      socket = new Socket(url);
    } catch (cause) {
      return reject(new FieldValueError("WRONG_TYPE", "expected a ws:// or wss:// URL", { path: "url", cause }));
    }
    socket.binaryType = "arraybuffer";
    let opened = false;
    const session = new ClientSession({
      transport: {
        send: (frame) => {
          socket.send(frame);
          ticks.arm();
        },
        close: (code, reason) => socket.close(code, reason),
      },
      domain,
      dialect,
      relays,
      timings,
      onEvent,
      state,
      lastSeqNo,
      historyLimit,
      // A waitFor deadline arrives without a frame: the timer is re-armed for it.
      onDeadline: () => ticks.arm(),
    });
    const ticks = createTickScheduler({ session });
    socket.onopen = () => {
      opened = true;
      ticks.arm();
      resolve(session);
    };
    socket.onmessage = ({ data }) => {
      session.receive({ frame: data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Uint8Array) });
      ticks.arm();
    };
    socket.onerror = () => undefined;
    socket.onclose = ({ code, reason }) => {
      ticks.stop();
      session.transportClosed({ code, reason });
      if (!opened) reject(new SessionError({ problem: "CLOSED", expected: `could not connect to ${url} (${code})` }));
    };
  });
}
