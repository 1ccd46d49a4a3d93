// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

export * from "./auth-challenge.js";
export { EIP712_DOMAIN_NAME, EIP712_DOMAIN_VERSION, type EventDomain, eip712DomainType, type ResolvedDomain } from "./domain.js";
export * from "./event-typed-data.js";
export * from "./hash-event.js";
export { authChallengePrimary, type PrimaryType, shopEventPrimary } from "./primary-types.js";
export * from "./recover-event-signer.js";
export type { Signer } from "./sign-digest.js";
export * from "./sign-event.js";
export type { TypedData, TypedDataMessage } from "./typed-data.js";
export type { TypedDataValue } from "./typed-data-message.js";
export * from "./verify-event.js";
