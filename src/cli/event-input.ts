// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// An event given as proto3 JSON, or as ShopEvent bytes (hex, base64, binary).
import { fromJson, type JsonValue } from "@bufbuild/protobuf";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { decodeShopEvent } from "../wire/decode-shop-event.js";
import type { CliArgs } from "./command.js";
import { CliFailure, EXIT } from "./exit-codes.js";
import { hexBytesToBase64 } from "./hex-bytes-json.js";
import { readInput } from "./input.js";

/** The ShopEvent of the command line's input. */
export function readEvent(args: CliArgs): ShopEvent {
  const input = readInput(args);
  if (input.kind === "bytes") return decodeShopEvent({ bytes: input.bytes });
  let json: JsonValue;
  try {
    json = JSON.parse(input.text) as JsonValue;
  } catch (cause) {
    throw new CliFailure(EXIT.BAD_INPUT, `event is not valid JSON: ${(cause as Error).message}`);
  }
  try {
    return fromJson(ShopEventSchema, hexBytesToBase64({ desc: ShopEventSchema, json, path: "event" }));
  } catch (cause) {
    if (cause instanceof CliFailure) throw cause;
    throw new CliFailure(EXIT.BAD_INPUT, `event JSON is not a valid market.mass.ShopEvent: ${(cause as Error).message}`);
  }
}
