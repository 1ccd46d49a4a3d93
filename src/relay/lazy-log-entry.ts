// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay keeps each log entry as its stored bytes, not as decoded
// messages: the entry was verified when it was accepted, so it is decoded
// again (without the checks) each time a session reads it, and dropped after.
// Only the signer, 42 characters, is kept once known.
import { fromBinary } from "@bufbuild/protobuf";
import type { Address } from "viem";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import type { RelayLogEntry } from "../session/relay-backend.js";
import { openSignedEvent } from "../wire/open-signed-event.js";

/** A RelayLogEntry over stored SignedEvent bytes; `signer` when known, else recovered on first use. */
export function lazyLogEntry({ seqNo, bytes, domain, signer }: { seqNo: bigint; bytes: Uint8Array; domain: EventDomain; signer?: Address | undefined }): RelayLogEntry {
  let known = signer;
  return {
    seqNo,
    get signedEvent() {
      return fromBinary(SignedEventSchema, bytes);
    },
    get event() {
      return fromBinary(ShopEventSchema, this.signedEvent.event?.value ?? new Uint8Array(0));
    },
    get signer() {
      return (known ??= openSignedEvent({ signedEvent: this.signedEvent, domain }).signer);
    },
  };
}
