// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A log entry restored under a snapshot: it was verified when it was written,
// so it keeps its bytes and decodes (or recovers its signer) only when read.
import { fromBinary } from "@bufbuild/protobuf";
import type { Address } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import type { RelayLogEntry } from "../session/relay-backend.js";
import { decodeShopEvent } from "../wire/decode-shop-event.js";
import { openSignedEvent } from "../wire/open-signed-event.js";

/** A RelayLogEntry over stored SignedEvent bytes, decoded on first use. */
export function lazyLogEntry({ seqNo, bytes, domain }: { seqNo: bigint; bytes: Uint8Array; domain: EventDomain }): RelayLogEntry {
  let signedEvent: SignedEvent | undefined;
  let event: ShopEvent | undefined;
  let signer: Address | undefined;
  return {
    seqNo,
    get signedEvent() {
      return (signedEvent ??= fromBinary(SignedEventSchema, bytes));
    },
    get event() {
      return (event ??= decodeShopEvent({ bytes: this.signedEvent.event?.value ?? new Uint8Array(0) }));
    },
    get signer() {
      return (signer ??= openSignedEvent({ signedEvent: this.signedEvent, domain }).signer);
    },
  };
}
