// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { TypedDataDefinition } from "viem";
import { type ResolvedDomain, resolveDomain } from "./domain.js";
import { planFor } from "./plan.js";
import type { PrimaryType } from "./primary-types.js";
import { guarded } from "./problem.js";
import { typedDataMessage } from "./typed-data-message.js";

/** The `message` viem derives from the generated `types`: the exact shape `typedDataMessage` builds. */
export type TypedDataMessage<P extends PrimaryType> = TypedDataDefinition<P["types"], P["primaryType"] & keyof P["types"]>["message"];

/** EIP-712 typed data as viem (typed), ethers and `eth_signTypedData_v4` take it. */
export interface TypedData<P extends PrimaryType> {
  readonly domain: ResolvedDomain;
  readonly types: P["types"];
  readonly primaryType: P["primaryType"];
  readonly message: TypedDataMessage<P>;
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
    // One generated table drives both the `types` and the walk that builds the message.
    message: guarded(root, () => typedDataMessage(planFor(primary.schema), message)) as TypedDataMessage<P>,
  };
}
