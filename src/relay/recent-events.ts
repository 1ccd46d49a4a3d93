// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The last events of a shop, shared by every session that pushes them: the
// record bytes kept from the commit, and the SignedEvent and ShopEvent decoded
// once, on first use. Each session's filters and pushes then read the same
// objects (push-frame.ts encodes each SequencedEvent once per object) instead
// of reading and decoding the record per subscriber. Bounded by count and by
// bytes; an older event is read back from the store and decoded for each use,
// so a slow reader's queue never pins one.
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import type { EventObject } from "../session/event-filter.js";

/** Events kept per shop: several full pushes (64 events each) for many subscribers to share. */
export const RECENT_EVENTS = 1024;
/** Their bytes per shop at most (records are up to 64 KiB). */
export const RECENT_EVENT_BYTES = 4 * 1024 * 1024;

/** One recent event: its record bytes, and what was decoded from them (read-only, shared). */
export interface RecentEvent {
  readonly bytes: Uint8Array;
  signedEvent?: SignedEvent;
  event?: ShopEvent;
  /** What subscription filters match (event-filter.ts), found once for every session. */
  object?: EventObject;
}

export class RecentEvents {
  private readonly byPosition = new Map<number, RecentEvent>();
  private bytes = 0;

  /** The event at position `at` (from 0), if still kept. */
  get(at: number): RecentEvent | undefined {
    return this.byPosition.get(at);
  }

  /**
   * Keeps a committed record's bytes (their own copy), dropping the oldest past
   * either bound; `decoded`, the commit's own objects for those bytes, spares
   * decoding them again for the first session that reads them.
   */
  add(at: number, bytes: Uint8Array, decoded?: { readonly signedEvent: SignedEvent; readonly event: ShopEvent }): void {
    this.byPosition.set(at, decoded === undefined ? { bytes } : { bytes, signedEvent: decoded.signedEvent, event: decoded.event });
    this.bytes += bytes.length;
    for (const [oldest, kept] of this.byPosition) {
      if (this.byPosition.size <= RECENT_EVENTS && this.bytes <= RECENT_EVENT_BYTES) break;
      this.byPosition.delete(oldest);
      this.bytes -= kept.bytes.length;
    }
  }
}
