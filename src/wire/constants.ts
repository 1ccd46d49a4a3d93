// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Protocol limits of the version-3 network (shared/wire/constants.txt). "In"
// is what a relay accepts from a client, "out" what it sends to one.

/** Most requests a relay keeps open per connection from a client awaiting its response. */
export const LIMIT_MAX_IN_REQUESTS = 1024;
/** Most events in one EventWriteRequest a relay accepts. */
export const LIMIT_MAX_IN_BATCH_SIZE = 64;
/** Most requests a relay has open towards a client awaiting the client's response. */
export const LIMIT_MAX_OUT_REQUESTS = 1024;
/** Most events a relay puts in one SubscriptionPushRequest. */
export const LIMIT_MAX_OUT_BATCH_SIZE = 64;

/** Type URL of a ShopEvent packed in `google.protobuf.Any` (SignedEvent.event). */
export const SHOP_EVENT_TYPE_URL = "type.googleapis.com/market.mass.ShopEvent";

/**
 * Default size cap (64 KiB) of one event: for `decodeShopEvent` the event
 * bytes, for `openSignedEvent` both the SignedEvent bytes (when given bytes)
 * and the event bytes inside it. The largest v3 test vector is well under 1 KiB.
 */
export const DEFAULT_MAX_EVENT_BYTES = 64 * 1024;

/**
 * Default size cap (128 KiB) of one Envelope (one WebSocket frame): the
 * version-3 relay's own frame limit, so nothing it would refuse is decoded here.
 */
export const DEFAULT_MAX_ENVELOPE_BYTES = 128 * 1024;
