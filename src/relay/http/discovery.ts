// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address } from "viem";
import type { EventDomain } from "../../eip712/domain.js";

/**
 * GET /testing/discovery: what v3 clients (Tennessine's `discoverRelay`)
 * read, `relay_token_id` (0x + 32 bytes) and `chain_id`, beside this
 * relay's own fields (its signing address and EIP-712 domain).
 *
 * @example const body = discoveryBody({ relayAddress: address, relayTokenId: 1n, domain });
 */
export function discoveryBody({ relayAddress, relayTokenId, domain }: { relayAddress: Address; relayTokenId: bigint; domain: EventDomain }): Record<string, unknown> {
  return {
    status: "ok",
    relay_token_id: `0x${relayTokenId.toString(16).padStart(64, "0")}`,
    chain_id: Number(domain.chainId),
    relayAddress,
    chainId: String(domain.chainId),
    verifyingContract: domain.verifyingContract,
  };
}
