// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import type { StrictSignature } from "../signature/parse-signature.js";
import { recoverDigestSigner } from "../signature/recover-digest-signer.js";
import { expectedKey, knownKeyCache } from "./keycard-keys.js";
import type { KeycardSet } from "./keycards.js";

/**
 * The signer of a digest. With a keycard set, its table cache decides: on the
 * @noble/curves path the set's expected keycard (its first public key), or the
 * likely signer, is checked against its table first once that keycard has
 * signed often enough to pay for one; on WebAssembly or native recovery,
 * recovery is the cheaper and runs alone. At most one check and one recovery,
 * whatever the set's size; the same address either way.
 */
export function eventSigner(digest: Uint8Array, signature: StrictSignature, keycards: KeycardSet | undefined): Address {
  const cache = keycards === undefined ? undefined : knownKeyCache(keycards);
  if (keycards === undefined || cache === undefined) return recoverDigestSigner({ digest, signature });
  return cache.signer(digest, signature, expectedKey(keycards));
}
