// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A log entry is built when a session reads it, over the record's stored
// bytes (read back from the store when used, see shop-log-index.ts): the
// entry was verified when it was accepted, so it is decoded again without
// the checks, and dropped after. Only its offset, its seq_no once read and, once recovered, its
// signer are kept. A class, not an object literal with getters: a session
// that stops reading queues one entry per record of its backlog, and an
// entry is a few fields (about 60 bytes), not five closures.
import { fromBinary } from "@bufbuild/protobuf";
import type { Address } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import type { RelayLogEntry } from "../session/relay-backend.js";
import { openSignedEvent } from "../wire/open-signed-event.js";
import { readShopEvent } from "../wire/read-shop-event.js";
import { signedEventParts } from "../wire/signed-event-parts.js";
import { type EventObject, eventObject } from "../session/event-filter.js";
import { readSignedEventObject } from "../session/read-event-object.js";
import type { RecentEvent } from "./recent-events.js";

/** Reads an entry's record bytes; `domain` undefined: a v3-dialect shop (signers recovered with EIP-191). */
export interface LogEntryReader {
  read(entry: LazyLogEntry): Uint8Array;
  /** The shop's shared copy of a recent event (recent-events.ts), if it still keeps it. */
  recent?(entry: LazyLogEntry): RecentEvent | undefined;
  readonly domain: EventDomain | undefined;
}

/** A RelayLogEntry over the record at position `at` (from 0); its signer is recovered on first use. */
export class LazyLogEntry implements RelayLogEntry {
  /** Where its record starts in the store, once found. */
  offset: number | undefined = undefined;
  private known: Address | undefined = undefined;

  constructor(
    readonly at: number,
    private readonly reader: LogEntryReader,
  ) {}

  // Read several times per entry by each session's scan and push: made once.
  private seq: bigint | undefined = undefined;

  get seqNo(): bigint {
    this.seq ??= BigInt(this.at + 1);
    return this.seq;
  }

  // A recent event is decoded once for every session; an older one is read and decoded on each use, so an entry queued for a slow reader pins no bytes.
  get signedEvent(): SignedEvent {
    const recent = this.reader.recent?.(this);
    if (recent !== undefined) return (recent.signedEvent ??= fromBinary(SignedEventSchema, recent.bytes));
    return fromBinary(SignedEventSchema, this.reader.read(this));
  }

  /** The record's exact SignedEvent encoding. */
  get signedEventBytes(): Uint8Array {
    return this.reader.recent?.(this)?.bytes ?? this.reader.read(this);
  }

  get event(): ShopEvent {
    const recent = this.reader.recent?.(this);
    if (recent !== undefined) return (recent.event ??= this.readEvent(recent.bytes));
    return this.readEvent(this.reader.read(this));
  }

  // The event inside the record's bytes, read in place when they have the honest layout (no SignedEvent message is made).
  private readEvent(signedEventBytes: Uint8Array): ShopEvent {
    return readShopEvent(signedEventParts(signedEventBytes)?.value ?? fromBinary(SignedEventSchema, signedEventBytes).event?.value ?? new Uint8Array(0));
  }

  /** The event's object for filters: of a recent event, found once and shared by every session; of an older one, read in place from its bytes. */
  get object(): EventObject {
    const recent = this.reader.recent?.(this);
    if (recent !== undefined) return (recent.object ??= eventObject({ event: this.event }));
    return readSignedEventObject(this.reader.read(this)) ?? eventObject({ event: this.event });
  }

  get signer(): Address {
    if (this.known === undefined) {
      const { domain } = this.reader;
      const signedEvent = this.signedEvent;
      // No domain: a v3-dialect shop, whose events are signed with EIP-191.
      this.known = (domain === undefined ? openSignedEvent({ signedEvent, scheme: "eip191" }) : openSignedEvent({ signedEvent, domain })).signer;
    }
    return this.known;
  }
}
