// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * The generated protobuf-es messages of the `market.mass` schema, without the
 * signing code: import this subpath when you only encode and decode.
 *
 * @example
 * import { fromBinary } from "@bufbuild/protobuf";
 * import { ShopEventSchema } from "@massmarket/network-schema/messages";
 * const event = fromBinary(ShopEventSchema, bytes);
 *
 * @module messages
 */
export * from "../gen/market/mass/authentication_pb.js";
export * from "../gen/market/mass/base_types_pb.js";
export * from "../gen/market/mass/envelope_pb.js";
export * from "../gen/market/mass/error_pb.js";
export * from "../gen/market/mass/options_pb.js";
export * from "../gen/market/mass/shop_events_pb.js";
export * from "../gen/market/mass/shop_requests_pb.js";
export * from "../gen/market/mass/storage_pb.js";
export * from "../gen/market/mass/subscription_pb.js";
export * from "../gen/market/mass/transport_pb.js";
