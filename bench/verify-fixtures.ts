// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The events verified by address in bench/wasm-recovery.ts (Node and Chromium): a clerk's Tag and the Listing.
import { create } from "@bufbuild/protobuf";
import { type ShopEvent, ShopEventSchema } from "../src/index.js";
import { listingEvent } from "./fixtures.js";

/** A clerk's Tag over three listings. */
export const tagEvent: ShopEvent = create(ShopEventSchema, {
  nonce: 4_712n,
  shopId: { raw: new Uint8Array(32).fill(0x5e) },
  timestamp: { seconds: 1_767_225_600n, nanos: 0 },
  union: { case: "tag", value: { id: { raw: new Uint8Array(8).fill(7) }, name: "Summer sale", listingIds: [1, 2, 3].map((n) => ({ raw: new Uint8Array(8).fill(n) })) } },
});

export const verifyFixtures: readonly { readonly name: string; readonly event: ShopEvent }[] = [
  { name: "Tag", event: tagEvent },
  { name: "Listing", event: listingEvent },
];
