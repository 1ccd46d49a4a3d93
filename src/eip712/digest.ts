// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { keccak256 } from "../crypto/keccak.js";
import { domainSeparatorOf } from "./domain-memo.js";
import { hashStruct } from "./hash-struct.js";
import { planFor } from "./plan.js";
import type { PrimaryType } from "./primary-types.js";
import { guarded } from "./problem.js";

const DIGEST_INPUT = new Uint8Array(66);
DIGEST_INPUT[0] = 0x19;
DIGEST_INPUT[1] = 0x01;

/**
 * keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)) for a primary type.
 * @example typedDigest({ primary: shopEventPrimary, message: event, domain, root: "event" })
 */
export function typedDigest({ primary, message, domain, root }: { primary: PrimaryType; message: unknown; domain: unknown; root: string }): Uint8Array {
  const separator = domainSeparatorOf({ domain });
  const structHash = guarded(root, () => hashStruct(planFor(primary.schema), message));
  // One reused buffer: 66 bytes would get off-heap storage in V8, slow to allocate per digest.
  DIGEST_INPUT.set(separator, 2);
  DIGEST_INPUT.set(structHash, 34);
  return keccak256(DIGEST_INPUT);
}
