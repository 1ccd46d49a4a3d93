// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Domains, keys and event builders shared by the EIP-712 tests.
import { fromBinary } from "@bufbuild/protobuf";
import { hexToBytes, keccak256, stringToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import type { EventDomain } from "../../src/index.js";
import { loadV3Vectors } from "../support/load-v3-vectors.js";

export const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };

/** A second domain: other chain (as bigint) and registry, for "domain matters" checks. */
export const otherDomain: EventDomain = { chainId: 84_532n, verifyingContract: "0x1111111111111111111111111111111111111111" };

/** Fixed test key: keccak256("massmarket test key"), the key of the golden vectors. */
export const testPrivateKey = keccak256(stringToBytes("massmarket test key"));
export const testAccount = privateKeyToAccount(testPrivateKey);

/** The 52 upstream v3 events, decoded from their binary encoding. */
export function v3Events(): { name: string; event: ShopEvent }[] {
  return loadV3Vectors().events.map((v) => ({
    name: `v3 #${String(v.index).padStart(2, "0")} ${v.type}`,
    event: fromBinary(ShopEventSchema, hexToBytes(v.encoded)),
  }));
}
