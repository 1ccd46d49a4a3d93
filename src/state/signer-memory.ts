// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Keycards met as signers while a log or a stream of pushes is verified, with
// the public keys their enrollment put in the state: their next events are
// checked against the key (about a third of a recovery in JavaScript), not
// recovered. Only a shortcut: the signer named is the one recovery names.
import { hexToBytes, isHex } from "viem";
import { createKnownKeys, type KnownKeys, learnKnownKey } from "../signature/known-signer.js";
import { publicKeyToAddress } from "../signature/recover-digest-signer.js";
import type { ShopState } from "./shop-state.js";

/**
 * An empty memory of signers, for one verifier (a log fold, a client session).
 * @example const memory = createSignerMemory();
 */
export function createSignerMemory(): KnownKeys {
  return createKnownKeys([]);
}

/**
 * After `signer`'s event was applied to `state`: remembers its key when it is an enrolled keycard.
 * @example rememberShopSigner({ memory: createSignerMemory(), state, signer: keycard })
 */
export function rememberShopSigner({ memory, state, signer }: { memory: KnownKeys; state: ShopState; signer: string }): void {
  const enrolled = state.keycards[signer];
  if (enrolled === undefined || memory.byAddress.has(signer as `0x${string}`)) return;
  if (typeof enrolled.publicKey !== "string" || enrolled.publicKey.length !== 130 || !isHex(enrolled.publicKey)) return;
  const publicKey = new Uint8Array(65);
  publicKey[0] = 0x04;
  publicKey.set(hexToBytes(enrolled.publicKey), 1);
  // Only the key that hashes to the signer (a restored snapshot could hold anything): that is the key recovery found.
  if (publicKeyToAddress({ publicKey }) !== signer) return;
  learnKnownKey(memory, { address: signer as `0x${string}`, publicKey });
}
