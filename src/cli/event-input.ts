// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// An event given as proto3 JSON text, or as ShopEvent bytes in hex/base64.
import { fromJsonString } from "@bufbuild/protobuf";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { decodeShopEvent } from "../wire/decode-shop-event.js";
import { CliFailure, EXIT } from "./exit-codes.js";
import { type Encoding, readBytes, readText } from "./input.js";

export function readEvent({ positional, file, encoding }: { positional: string | undefined; file: string | undefined; encoding: Encoding }): ShopEvent {
  const text = readText({ positional, file }).trim();
  if (text.startsWith("{")) {
    try {
      return fromJsonString(ShopEventSchema, text);
    } catch (cause) {
      throw new CliFailure(EXIT.BAD_INPUT, `event JSON is not a valid market.mass.ShopEvent: ${(cause as Error).message}`);
    }
  }
  return decodeShopEvent({ bytes: readBytes({ positional: text, file: undefined, encoding }) });
}
