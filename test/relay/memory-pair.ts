// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A ClientSession talking to a RelaySession of a relay through queued microtasks: no sockets.
import { ClientSession, type ClientSessionOptions } from "../../src/session/client-session.js";
import { RelaySession } from "../../src/session/relay-session.js";
import type { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import type { ManualClock } from "../session/harness.js";

export function connectInMemory(relay: ReferenceRelay, clock: ManualClock, resume: Pick<ClientSessionOptions, "state" | "lastSeqNo" | "historyLimit"> = {}): ClientSession {
  let client: ClientSession | undefined;
  const server = new RelaySession({ transport: { send: (frame) => queueMicrotask(() => client?.receive({ frame })), close: () => undefined }, backend: relay, clock });
  client = new ClientSession({ transport: { send: (frame) => queueMicrotask(() => server.receive({ frame })), close: () => undefined }, domain: TEST_RELAY_DOMAIN, relays: [relay.address], clock, ...resume });
  return client;
}
