// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { EventDomain } from "../eip712/domain.js";

/** The hint for a signature that recovers to no keycard: a wrong EIP-712 domain reads exactly so. */
export function domainHint({ domain }: { domain: EventDomain | undefined }): string {
  const mine = domain === undefined ? "" : ` (this relay's: chainId ${domain.chainId}, verifyingContract ${domain.verifyingContract})`;
  return `if the keycard is enrolled, it signed with another EIP-712 domain than the relay's${mine}, or in another dialect`;
}
