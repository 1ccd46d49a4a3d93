// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { toBinary } from "@bufbuild/protobuf";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { NonCanonicalEncodingError } from "../errors/non-canonical-encoding-error.js";
import { checkBytes, decodeBounded } from "./decode-bounded.js";
import { DEFAULT_HASHING_BUDGET, type HashingBudget, measureCost } from "./hashing-cost.js";
import { provedCanonical } from "./canonical-wire.js";
import { decodeProvedCanonical } from "./canonical-decode.js";
import { sameBytes } from "./same-bytes.js";

/** Signed event bytes to decode: size cap, error path and hashing budget. */
export interface SignedBytesInput {
  bytes: unknown;
  maxBytes: number;
  path: string;
  budget?: HashingBudget;
}

/**
 * Decodes signed event bytes and refuses them unless they are exactly the
 * canonical encoding of what was decoded: then every protobuf decoder reads
 * the same values from them (a field sent with the wrong wire type, repeated,
 * out of order or with padded varints is read differently by protobuf-go),
 * so what was signed is what every peer sees. Used by every path that takes
 * signed bytes. The hashing cost is counted before decoding and must fit `budget`.
 *
 * @example const event = decodeCanonicalEvent({ bytes, maxBytes, path: "signedEvent.event.value" });
 */
export function decodeCanonicalEvent({ bytes, maxBytes, path, budget = DEFAULT_HASHING_BUDGET }: SignedBytesInput): ShopEvent {
  // Size, then the cheap cost pass, then decoding: each step bounds the next one's work.
  const input = checkBytes({ bytes, maxBytes, path });
  measureCost({ schema: ShopEventSchema, bytes: input, budget, path });
  // One pass proves honest bytes canonical, and those are read without reflection (from a private copy, as decodeBounded does).
  const proved = provedCanonical({ schema: ShopEventSchema, bytes: input });
  const read = proved ? decodeProvedCanonical({ schema: ShopEventSchema, bytes: input.slice() }) : undefined;
  if (read !== undefined) return read;
  const event = decodeBounded({ schema: ShopEventSchema, bytes, maxBytes, path });
  // Whatever the pass cannot prove is decided by re-encoding, as the rule is stated.
  if (!proved && !sameBytes({ a: toBinary(ShopEventSchema, event), b: input })) {
    throw new NonCanonicalEncodingError({ typeName: ShopEventSchema.typeName, path });
  }
  return event;
}
