// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import { findKnownSigner, rememberKnownSigner } from "../signature/known-signer.js";
import type { StrictSignature } from "../signature/parse-signature.js";
import { recoverDigestSigner } from "../signature/recover-digest-signer.js";
import { secp256k1Path } from "../signature/secp256k1-recovery.js";
import { knownKeys } from "./keycard-keys.js";
import type { KeycardSet } from "./keycards.js";

/**
 * The signer of a digest: first checked against the keycards that signed last
 * (known by public key, cheaper than recovery in JS), else recovered. Both give
 * the same address; with native recovery in use, recovery is the cheaper of the
 * two and runs alone.
 */
export function eventSigner(digest: Uint8Array, signature: StrictSignature, keycards: KeycardSet | undefined): Address {
  if (keycards === undefined || secp256k1Path() !== "js") return recoverDigestSigner({ digest, signature });
  const known = knownKeys(keycards);
  const found = findKnownSigner(digest, signature, known);
  if (found !== undefined) return found;
  const signer = recoverDigestSigner({ digest, signature });
  rememberKnownSigner(known, signer);
  return signer;
}
