// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The messages signed on their own (EIP-712 primary types) and their generated `types`.
import { AuthChallengeSchema } from "../../gen/market/mass/authentication_pb.js";
import { authChallengeEip712Types, shopEventEip712Types } from "../../gen/market/mass/eip712_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { eip712DomainType } from "./domain.js";

/** ShopEvent as an EIP-712 primary type: its schema, `primaryType` and generated `types` (with EIP712Domain). */
export const shopEventPrimary = {
  schema: ShopEventSchema,
  primaryType: "ShopEvent",
  types: { EIP712Domain: eip712DomainType, ...shopEventEip712Types },
} as const;

/** AuthChallenge (keycard login) as an EIP-712 primary type, kept apart from events. */
export const authChallengePrimary = {
  schema: AuthChallengeSchema,
  primaryType: "AuthChallenge",
  types: { EIP712Domain: eip712DomainType, ...authChallengeEip712Types },
} as const;

/** The messages this package signs on their own. */
export type PrimaryType = typeof shopEventPrimary | typeof authChallengePrimary;
