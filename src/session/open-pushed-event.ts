// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import { openSignedEvent } from "../wire/open-signed-event.js";

/** Signature check of a pushed event outside a full subscription (no state to fold into). */
export function openPushedEvent({ signedEvent, domain }: { signedEvent: SignedEvent; domain: EventDomain }): { event: ShopEvent; signer: Address } {
  const { event, signer } = openSignedEvent({ signedEvent, domain });
  return { event, signer };
}
