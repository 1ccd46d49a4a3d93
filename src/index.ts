// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Package root: generated messages, EIP-712 signing, errors.
export * from "../gen/market/mass/authentication_pb.js";
export * from "../gen/market/mass/base_types_pb.js";
export * from "../gen/market/mass/eip712_pb.js";
export * from "../gen/market/mass/envelope_pb.js";
export * from "../gen/market/mass/error_pb.js";
export * from "../gen/market/mass/options_pb.js";
export * from "../gen/market/mass/shop_events_pb.js";
export * from "../gen/market/mass/shop_requests_pb.js";
export * from "../gen/market/mass/storage_pb.js";
export * from "../gen/market/mass/subscription_pb.js";
export * from "../gen/market/mass/transport_pb.js";
export * from "./eip712/index.js";
export * from "./errors/index.js";
export * from "./signature/index.js";
export * from "./wire/index.js";
