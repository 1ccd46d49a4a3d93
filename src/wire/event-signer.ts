// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import { findKnownSigner } from "../signature/known-signer.js";
import type { StrictSignature } from "../signature/parse-signature.js";
import { recoverDigestSigner } from "../signature/recover-digest-signer.js";
import { secp256k1Path } from "../signature/secp256k1-recovery.js";
import { expectedKey } from "./keycard-keys.js";
import type { KeycardSet } from "./keycards.js";

/**
 * The signer of a digest: first checked against the set's expected keycard (its
 * first public key; cheaper than recovery in JS), else recovered. Both give the
 * same address; with native recovery in use, recovery is the cheaper of the two
 * and runs alone. At most one check and one recovery, whatever the set's size.
 */
export function eventSigner(digest: Uint8Array, signature: StrictSignature, keycards: KeycardSet | undefined): Address {
  const key = keycards === undefined ? undefined : expectedKey(keycards);
  if (key !== undefined && secp256k1Path() === "js") {
    const found = findKnownSigner(digest, signature, key);
    if (found !== undefined) return found;
  }
  return recoverDigestSigner({ digest, signature });
}
