// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { DecodeError } from "../errors/decode-error.js";
import { NonCanonicalEncodingError } from "../errors/non-canonical-encoding-error.js";
import { checkBytes, decodeBounded } from "./decode-bounded.js";
import type { SignedBytesInput } from "./decode-canonical-event.js";
import { DEFAULT_HASHING_BUDGET, measureCost } from "./hashing-cost.js";
import { findSecondReading, type SecondReading } from "./second-reading.js";

/**
 * Decodes event bytes whose signature covers the bytes themselves (EIP-191)
 * and refuses them unless every protobuf decoder reads them one way
 * ({@link findSecondReading}): explicit defaults, any field order and padded
 * values are fine, a wire-type mismatch, a varint beyond 64 bits or a
 * string with a byte-order mark is not. The caller keeps the bytes as signed.
 *
 * @example const event = decodeOneReadingEvent({ bytes, maxBytes, path: "signedEvent.event.value" });
 */
export function decodeOneReadingEvent({ bytes, maxBytes, path, budget = DEFAULT_HASHING_BUDGET }: SignedBytesInput): ShopEvent {
  // Size, then the cheap cost pass, then the reading check and decoding: each step bounds the next one's work.
  const input = checkBytes({ bytes, maxBytes, path });
  measureCost({ schema: ShopEventSchema, bytes: input, budget, path });
  let secondReading: SecondReading | undefined;
  try {
    secondReading = findSecondReading({ schema: ShopEventSchema, bytes: input });
  } catch (cause) {
    throw new DecodeError({ typeName: ShopEventSchema.typeName, path, cause });
  }
  if (secondReading !== undefined) throw new NonCanonicalEncodingError({ typeName: ShopEventSchema.typeName, path, secondReading });
  return decodeBounded({ schema: ShopEventSchema, bytes: input, maxBytes, path });
}
