// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { DEFAULT_MAX_EVENT_BYTES } from "./constants.js";
import { checkBytes, checkMaxBytes, decodeBounded } from "./decode-bounded.js";
import { type HashingBudget, measureCost, resolveBudget } from "./hashing-cost.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface DecodeShopEventParameters {
  /** Binary ShopEvent, e.g. `SignedEvent.event.value`. */
  readonly bytes: Uint8Array;
  /** Size cap; larger input is refused before decoding. Defaults to {@link DEFAULT_MAX_EVENT_BYTES} (64 KiB). */
  readonly maxBytes?: number | undefined;
  /** Hashing-work budget, checked in one pass before decoding; defaults to {@link DEFAULT_HASHING_BUDGET}. */
  readonly hashingBudget?: Partial<HashingBudget> | undefined;
}

/**
 * Decodes a binary ShopEvent with a size cap. Standard protobuf rules apply:
 * fields may come in any order, a repeated scalar field may be packed or not,
 * and fields this schema does not know are kept in `$unknown` (signing and
 * EIP-712 verification refuse them). Nothing is skipped: bytes after the
 * last field are read as more fields, so trailing garbage either fails to
 * decode or shows up in `$unknown`. A field repeated on the wire takes its
 * last value (messages merge), as in every protobuf decoder. The input is
 * never modified and the result does not share its memory. The hashing
 * work the event would cost is counted first ({@link eventHashingCost}), so a
 * hostile event of many tiny messages is refused before it is decoded.
 *
 * @throws SizeLimitError, HashingBudgetError, DecodeError, FieldValueError
 * @example
 * if (signedEvent.event !== undefined) console.log(decodeShopEvent({ bytes: signedEvent.event.value }).nonce);
 */
export function decodeShopEvent(parameters: DecodeShopEventParameters): ShopEvent {
  const { bytes, maxBytes = DEFAULT_MAX_EVENT_BYTES, hashingBudget } = objectParameter(parameters);
  const cap = checkMaxBytes({ maxBytes, path: "maxBytes" });
  measureCost({ schema: ShopEventSchema, bytes: checkBytes({ bytes, maxBytes: cap, path: "bytes" }), budget: resolveBudget({ budget: hashingBudget }), path: "bytes" });
  return decodeBounded({ schema: ShopEventSchema, bytes, maxBytes: cap, path: "bytes" });
}
