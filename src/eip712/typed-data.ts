// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { type ResolvedDomain, resolveDomain } from "./domain.js";
import { planFor } from "./plan.js";
import type { PrimaryType } from "./primary-types.js";
import { guarded } from "./problem.js";
import { type TypedDataValue, typedDataMessage } from "./typed-data-message.js";

/** EIP-712 typed data as viem, ethers and `eth_signTypedData_v4` take it. */
export interface TypedData<P extends PrimaryType> {
  readonly domain: ResolvedDomain;
  readonly types: P["types"];
  readonly primaryType: P["primaryType"];
  readonly message: { [member: string]: TypedDataValue };
}

/**
 * Typed data of a primary-type message under a checked domain.
 * @example typedDataOf({ primary: shopEventPrimary, message: event, domain, root: "event" })
 */
export function typedDataOf<P extends PrimaryType>({ primary, message, domain, root }: { primary: P; message: unknown; domain: unknown; root: string }): TypedData<P> {
  const resolved = resolveDomain({ domain });
  return {
    domain: resolved,
    types: primary.types,
    primaryType: primary.primaryType,
    message: guarded(root, () => typedDataMessage(planFor(primary.schema), message)),
  };
}
