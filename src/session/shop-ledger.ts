// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The one seam between the sessions and the shop state machine: create the
// state of a shop, and fold one signed event into it (verify, then apply).
import type { Address } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import { openSignedEvent } from "../wire/open-signed-event.js";

// PROVISIONAL until src/state lands: signature check only, no state.
export type LedgerState = { readonly shopId: Uint8Array };

export interface LedgerAccepted {
  readonly state: LedgerState;
  readonly event: ShopEvent;
  readonly signer: Address;
  readonly eventBytes: Uint8Array;
}

export function createLedgerState({ shopId }: { shopId: Uint8Array; relays: readonly Address[] }): LedgerState {
  return { shopId };
}

export function acceptIntoLedger({ state, signedEvent, domain }: { state: LedgerState; signedEvent: SignedEvent; domain: EventDomain }): LedgerAccepted {
  const opened = openSignedEvent({ signedEvent, domain });
  return { state, ...opened };
}
