// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A subscriber for the fan-out bench that costs its own process little: it
// logs in, subscribes to every object type, and answers each relay request
// (push, SyncStatus, ping) at once, counting the frames and events it got
// from a skim of each frame (raw-peer.ts): the events are never decoded. ClientSession readers verify every push, which on
// two cores starves the relay they are meant to measure.
import type { LocalAccount } from "viem";
import { ObjectType } from "../gen/market/mass/subscription_pb.js";
import { createSubscriptionRequest } from "../src/index.js";
import { connectRawPeer, PUSH_FIELD, rawPayload, SYNC_STATUS_FIELD } from "./raw-peer.js";

export interface RawReader {
  /** Events pushed so far. */
  readonly events: () => number;
  /** Pushes and SyncStatus requests received so far. */
  readonly frames: () => { readonly pushes: number; readonly syncStatuses: number };
  readonly close: () => void;
}

const ALL = [ObjectType.MANIFEST, ObjectType.ACCOUNT, ObjectType.LISTING, ObjectType.TAG, ObjectType.ORDER, ObjectType.INVENTORY].map((objectType) => ({ objectType }));

/** Connects, logs in with `account` (enrolled in the shop), subscribes to the whole shop and answers every push from then on. */
export async function connectRawReader({ url, account, shopId }: { url: string; account: LocalAccount; shopId: bigint }): Promise<RawReader> {
  let events = 0;
  let pushes = 0;
  let syncStatuses = 0;
  const peer = await connectRawPeer({
    url,
    account,
    onRelayRequest: (request) => {
      if (request.field === PUSH_FIELD) {
        pushes++;
        events += request.events;
      }
      if (request.field === SYNC_STATUS_FIELD) syncStatuses++;
    },
  });
  rawPayload(await peer.request({ case: "subscriptionRequest", value: createSubscriptionRequest({ shopId, filters: ALL }) }));
  return { events: () => events, frames: () => ({ pushes, syncStatuses }), close: peer.close };
}
