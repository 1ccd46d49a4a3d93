// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * Sessions over Envelope frames, transport-agnostic (bytes in, bytes out,
 * an injectable clock): {@link ClientSession} for clients and
 * {@link RelaySession} for relays, with {@link connectClientSession} to drive
 * a client over a WebSocket. Protocol rules: docs/sessions.md.
 *
 * @example
 * import { connectClientSession } from "@massmarket/network-schema/session";
 * const session = await connectClientSession({ url: "ws://127.0.0.1:4444/v3/sessions", domain });
 *
 * @module session
 */
export * from "./errors/index.js";
export * from "./session/index.js";
