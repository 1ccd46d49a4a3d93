// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import type { Dialect } from "../wire/dialect.js";
import type { EventObject } from "./event-filter.js";

/** An enrolled keycard as the relay knows it. */
export interface RelayKeycard {
  /** Checksummed address of the keycard. */
  readonly address: Address;
  /** The shop it is enrolled for (32 bytes big-endian). */
  readonly shopId: Uint8Array;
  /** A guest (customer) keycard: no INVENTORY subscription, ORDER narrowed to its own orders. */
  readonly guest: boolean;
}

/** One accepted event of a shop log. */
export interface RelayLogEntry {
  /** Position in the shop log, from 1. */
  readonly seqNo: bigint;
  /** The event exactly as it was written. */
  readonly signedEvent: SignedEvent;
  /** Its binary encoding, when the backend keeps it: pushes splice these bytes instead of encoding the event again. */
  readonly signedEventBytes?: Uint8Array | undefined;
  /** The decoded event (for filters). */
  readonly event: ShopEvent;
  /** The event's object type and id (`eventObject`), when the backend keeps it: subscriptions match filters with it; without it they read it in place from `signedEventBytes`, and decode `event` only when neither is there. */
  readonly object?: EventObject | undefined;
  /** Who signed it. */
  readonly signer: Address;
}

/**
 * What a RelaySession needs from the relay behind it: keycards, the shop logs
 * and the write path. The reference relay (`startTestRelay`) implements it
 * over the shop state machine; a production relay implements it over its
 * database.
 */
export interface RelayBackend {
  /** Domain of login challenges and event signatures. */
  readonly domain: EventDomain;
  /** How the relay's sessions behave (docs/sessions.md, "Dialects"); default `"eip712"`. */
  readonly dialect?: Dialect | undefined;
  /** A shop's dialect, when the relay chooses it per shop; it overrides `dialect` for that shop's subscriptions. */
  shopDialect?(input: { readonly shopId: Uint8Array }): Dialect;
  /** The keycard enrolled with this public key (64 bytes x ‖ y), or undefined. */
  findKeycard(input: { readonly publicKey: Uint8Array }): RelayKeycard | undefined;
  /** A login finished on `session`: the backend closes any older session of the same keycard. */
  claimKeycard(input: { readonly keycard: RelayKeycard; readonly session: object; readonly replace: () => void }): void;
  /** The session of a keycard closed. */
  releaseKeycard(input: { readonly keycard: RelayKeycard; readonly session: object }): void;
  /** Appends the events as one batch (all or nothing); resolves once durable. Refusals throw a RelayError. */
  write(input: { readonly keycard: RelayKeycard; readonly events: readonly SignedEvent[] }): Promise<Uint8Array | undefined>;
  /** Whether the relay knows the shop. */
  hasShop(input: { readonly shopId: Uint8Array }): boolean;
  /** Log entries with seqNo > afterSeqNo, in order (only durable ones); at most `limit` of them when given (returning more is allowed: the session reads in chunks). */
  read(input: { readonly shopId: Uint8Array; readonly afterSeqNo: bigint; readonly limit?: number | undefined }): readonly RelayLogEntry[];
  /** The keycard that created an order, or undefined for an unknown order (guests see only their own). */
  orderOwner(input: { readonly shopId: Uint8Array; readonly orderId: Uint8Array }): Address | undefined;
  /** Calls `onAppend` whenever the shop log grows; returns the unsubscription. */
  watch(input: { readonly shopId: Uint8Array; readonly onAppend: () => void }): () => void;
  /**
   * A single-use URL the logged-in keycard may upload one blob to (the answer
   * to GetBlobUploadURLRequest), from the relay's own storage. Refusals throw
   * a RelayError. Without it the session refuses blob uploads with INVALID.
   */
  readonly blobUploadUrl?: ((input: { readonly keycard: RelayKeycard }) => Promise<string>) | undefined;
}
