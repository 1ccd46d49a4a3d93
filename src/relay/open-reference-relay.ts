// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import type { EventDomain } from "../eip712/domain.js";
import { objectParameter } from "../errors/object-parameter.js";
import { createFileStore } from "./file-store.js";
import { ReferenceRelay } from "./reference-relay.js";

export interface OpenReferenceRelayParameters {
  readonly domain: EventDomain;
  /** The relay's signing key (0x + 64 hex digits). */
  readonly privateKey: Hex;
  /** Keep the log in an append-only, fsynced file in this directory, replayed here. */
  readonly dataDir?: string | undefined;
  /** Pay each order as soon as the relay sets its payment details. */
  readonly autoPay?: boolean | undefined;
}

/**
 * The reference relay's backend without a server (Node only): shops, logs,
 * keycards and the write path through the shop state machine, as a
 * RelayBackend for RelaySessions you serve yourself.
 *
 * @example
 * const backend = await openReferenceRelay({ domain, privateKey: generatePrivateKey() });
 * const session = new RelaySession({ transport, backend });
 */
export async function openReferenceRelay(parameters: OpenReferenceRelayParameters): Promise<ReferenceRelay> {
  const { domain, privateKey, dataDir, autoPay } = objectParameter(parameters);
  const store = dataDir === undefined ? undefined : await createFileStore({ directory: dataDir });
  return ReferenceRelay.open({ domain, privateKey, store, autoPay });
}
