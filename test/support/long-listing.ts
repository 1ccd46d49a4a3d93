// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Listings of a chosen encoded size, within every field limit (text spread over
// the description and variation descriptions, 8,000 bytes each), for tests
// and benches of pushes cut by bytes.
import { toBinary } from "@bufbuild/protobuf";
import { numberToBytes } from "viem";
import { type SignedEvent, SignedEventSchema } from "../../src/index.js";
import * as f from "../session/fixtures.js";

const CHUNK = 8_000;

/** A listing of about `bytes` encoded bytes once signed; `slack` corrects the estimate. */
export function longListing(n: number, bytes: number, slack = 0): f.UnionInit {
  const text = Math.max(1, bytes - 240 + slack);
  const chunks = Array.from({ length: Math.ceil(text / CHUNK) }, (_, i) => "x".repeat(Math.min(CHUNK, text - i * CHUNK)));
  const [description = "x", ...rest] = chunks;
  const variations = rest.map((chunk, i) => ({ id: { raw: f.id8(0x1000 + i) }, variationInfo: { title: `v${i}`, description: chunk } }));
  const options = variations.length === 0 ? [] : [{ id: { raw: f.id8(0x100) }, title: "size", variations }];
  return { case: "listing", value: { id: { raw: f.id8(n) }, price: { raw: numberToBytes(100n, { size: 32 }) }, metadata: { title: `item ${n}`, description, images: [] }, options, viewState: 1 } };
}

/** Listing `n` signed by `writer`, its SignedEvent within 8 bytes of `bytes`. */
export async function signedListing(writer: f.Writer, n: number, bytes: number): Promise<SignedEvent> {
  const first = await writer.sign(longListing(n, bytes), { nonce: writer.nonce + 1n });
  const signed = await writer.sign(longListing(n, bytes, bytes - toBinary(SignedEventSchema, first).length));
  const size = toBinary(SignedEventSchema, signed).length;
  if (Math.abs(size - bytes) >= 8) throw new Error(`listing of ${size} bytes, wanted ${bytes}`);
  return signed;
}
