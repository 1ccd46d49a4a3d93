// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A log entry is built when a session reads it, over the record's stored
// bytes (read back from the store when used, see shop-log-index.ts): the
// entry was verified when it was accepted, so it is decoded again without
// the checks, and dropped after. Only the signer is kept once recovered.
import { fromBinary } from "@bufbuild/protobuf";
import type { Address } from "viem";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import type { RelayLogEntry } from "../session/relay-backend.js";
import { openSignedEvent } from "../wire/open-signed-event.js";

/** A RelayLogEntry over a record's SignedEvent bytes; its signer is recovered on first use. */
export function lazyLogEntry({ seqNo, bytes, domain }: { seqNo: bigint; bytes: () => Uint8Array; domain: EventDomain | undefined }): RelayLogEntry {
  let known: Address | undefined;
  return {
    seqNo,
    // Read and decoded on each use: an entry queued for a slow reader pins no bytes.
    get signedEvent(): SignedEvent {
      return fromBinary(SignedEventSchema, bytes());
    },
    get event(): ShopEvent {
      return fromBinary(ShopEventSchema, this.signedEvent.event?.value ?? new Uint8Array(0));
    },
    get signer() {
      if (known === undefined) {
        // No domain: a v3-dialect shop, whose events are signed with EIP-191.
        known = (domain === undefined ? openSignedEvent({ signedEvent: this.signedEvent, scheme: "eip191" }) : openSignedEvent({ signedEvent: this.signedEvent, domain })).signer;
      }
      return known;
    },
  };
}
