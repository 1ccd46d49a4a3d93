// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Wire helpers: signed events, Envelope frames, request builders, relay policy.
export * from "./advance-nonce.js";
export * from "./assert-batch-size.js";
export * from "./assert-event-accepted.js";
export * from "./check-event.js";
export * from "./constants.js";
export * from "./create-authenticate-request.js";
export * from "./create-challenge-solved-request.js";
export * from "./create-event-write-request.js";
export * from "./create-request-envelope.js";
export * from "./create-response-envelope.js";
export * from "./create-signed-event.js";
export * from "./create-subscription-push-request.js";
export * from "./create-subscription-request.js";
export * from "./decode-envelope.js";
export * from "./dialect.js";
export * from "./decode-shop-event.js";
export * from "./encode-envelope.js";
export { hashEventBytes, type HashEventBytesParameters } from "./hash-event-bytes.js";
export { DEFAULT_HASHING_BUDGET, eventHashingCost, type EventHashingCostParameters, type HashingBudget, type HashingCost } from "./hashing-cost.js";
export * from "./keycards.js";
export * from "./last-nonce.js";
export * from "./match-response.js";
export * from "./nonce-tracker.js";
export * from "./open-signed-event.js";
export { createRequestId, type RequestIdInput } from "./request-id.js";
export { type ShopIdInput, shopIdBytes } from "./shop-id.js";
export * from "./sign-event-bytes.js";
