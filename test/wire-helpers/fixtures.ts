// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Keys, domain, events and byte helpers shared by the wire-helper tests.
import { create } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { hexToBytes, keccak256, numberToBytes, stringToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { Uint256Schema } from "../../gen/market/mass/base_types_pb.js";
import { AccountSchema, type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import type { EventDomain } from "../../src/index.js";

export const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
export const otherDomain: EventDomain = { chainId: 5, verifyingContract: "0x1111111111111111111111111111111111111111" };

export const keycard = privateKeyToAccount(keccak256(stringToBytes("wire helpers keycard")));
export const otherKeycard = privateKeyToAccount(keccak256(stringToBytes("wire helpers other keycard")));

export const SHOP_ID = 23n;
export const NOW = new Date("2026-03-01T12:00:00Z");
export const WINDOW = { notBefore: new Date(NOW.getTime() - 5 * 60_000), notAfter: new Date(NOW.getTime() + 5 * 60_000) };

/** secp256k1 group order. */
export const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

export const uint256 = (value: bigint) => create(Uint256Schema, { raw: numberToBytes(value, { size: 32 }) });

/** A small Tag event of shop 23 at NOW with the given nonce; `overrides` replace top-level fields. */
export function tagEvent(nonce = 1n, overrides: Partial<Pick<ShopEvent, "shopId" | "timestamp" | "union">> = {}): ShopEvent {
  return create(ShopEventSchema, {
    nonce,
    shopId: uint256(SHOP_ID),
    timestamp: timestampFromDate(NOW),
    union: { case: "tag", value: { id: { raw: hexToBytes("0x0000000000000007") }, name: "summer" } },
    ...overrides,
  });
}

/** An Account event enrolling `keycard`'s public key (64-byte x ‖ y form). */
export function accountEvent(nonce = 1n): ShopEvent {
  return tagEvent(nonce, {
    union: {
      case: "account",
      value: create(AccountSchema, {
        action: { case: "enrollKeycard", value: { keycardPubkey: { raw: hexToBytes(keycard.publicKey).slice(1) }, userWallet: { raw: new Uint8Array(20) } } },
      }),
    },
  });
}

export const word = (bytes: Uint8Array, offset: number): bigint => BigInt(`0x${Buffer.from(bytes.subarray(offset, offset + 32)).toString("hex") || "0"}`);
export const setWord = (bytes: Uint8Array, offset: number, value: bigint): void => bytes.set(numberToBytes(value, { size: 32 }), offset);

/** The same signature in its malleable high-s form: s → n − s, v toggled. */
export function highS(signature: Uint8Array): Uint8Array {
  const out = signature.slice();
  setWord(out, 32, N - word(signature, 32));
  out[64] = (out[64] as number) === 27 ? 28 : 27;
  return out;
}
