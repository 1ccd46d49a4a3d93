// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import type { Dialect } from "../wire/dialect.js";
import { openSignedEvent } from "../wire/open-signed-event.js";

/** Signature check of a pushed event outside a full subscription (no state to fold into). */
export function openPushedEvent({ signedEvent, domain, dialect }: { signedEvent: SignedEvent; domain?: EventDomain | undefined; dialect: Dialect }): { event: ShopEvent; signer: Address } {
  const { event, signer } = dialect === "v3" ? openSignedEvent({ signedEvent, scheme: "eip191" }) : openSignedEvent({ signedEvent, domain: domain as EventDomain });
  return { event, signer };
}
