// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What a client that only verifies ships: open SignedEvent bytes and check the signer against the shop's keycards.
import { createKeycardSet, openSignedEvent } from "../../src/index.js";

/** True when `signedEvent` opens and its signer is one of `keycards`. */
export function verifyPushed(signedEvent: Uint8Array, keycards: readonly `0x${string}`[]): boolean {
  const { signer } = openSignedEvent({ signedEvent, domain: { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" } });
  return createKeycardSet({ keycards }).has(signer);
}
