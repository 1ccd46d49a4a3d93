// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What a phone client ships to build, sign and encode one event: the bundle
// whose size bench/bundle.ts reports. Imports only what that needs.
import { create, toBinary } from "@bufbuild/protobuf";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ShopEventSchema, signEvent } from "../../src/index.js";

/** Builds a ChangeInventory event, signs it and returns the wire bytes and signature. */
export async function signAndEncode(privateKey: Hex): Promise<{ bytes: Uint8Array; signature: Hex }> {
  const account = privateKeyToAccount(privateKey);
  const event = create(ShopEventSchema, {
    nonce: 1n,
    shopId: { raw: new Uint8Array(32).fill(1) },
    union: { case: "changeInventory", value: { id: { raw: new Uint8Array(8).fill(2) }, diff: -1 } },
  });
  const signature = await signEvent({ event, domain: { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" }, account });
  return { bytes: toBinary(ShopEventSchema, event), signature };
}
