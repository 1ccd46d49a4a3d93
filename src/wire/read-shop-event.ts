// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Reading a ShopEvent that was checked before (a relay's stored or worker-checked
// events): no checks, just the message, as cheaply as it can be read.
import { fromBinary } from "@bufbuild/protobuf";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { decodeProvedCanonical } from "./canonical-decode.js";
import { provedCanonical } from "./canonical-wire.js";

/**
 * The ShopEvent of `bytes`, decoded from a copy (it keeps no view of them).
 * Bytes that the one-pass check proves canonical (every EIP-712 event) are read
 * without reflection, into the message fromBinary would make; others by fromBinary.
 * Internal: it checks nothing that openSignedEvent checks.
 *
 * @example const decoded: ShopEvent = readShopEvent(eventBytes);
 */
export function readShopEvent(bytes: Uint8Array): ShopEvent {
  const copy = bytes.slice();
  return (provedCanonical({ schema: ShopEventSchema, bytes: copy }) ? decodeProvedCanonical({ schema: ShopEventSchema, bytes: copy }) : undefined) ?? fromBinary(ShopEventSchema, copy);
}
