// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Exact encoded sizes of a SubscriptionPushRequest Envelope, so the relay can
// fill each push up to the peer's frame limit without encoding it first.
import { toBinary } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { type SignedEvent, SignedEventSchema } from "../../gen/market/mass/transport_pb.js";

// Envelope.request_id at its largest: tag, length, then RequestId's tag and a 10-byte sint64 varint
// (the id is only chosen when the frame is sent, so the push is sized for any id).
const REQUEST_ID_BYTES = 1 + 1 + 1 + 10;
// One-byte tags: Envelope field 6, push fields 1 and 2, SequencedEvent fields 1 and 2.
const TAG = 1;

// Keyed by the entry's SignedEvent bytes when it has them, else by its SignedEvent object; the seq_no is kept to check a hit.
const sequencedFields = new WeakMap<object, { readonly seqNo: bigint; readonly field: Uint8Array }>();

/** A log entry as a push needs it; `signedEventBytes`, when the backend has them, saves encoding the event again. */
export interface PushedEntry {
  readonly signedEvent: SignedEvent;
  readonly seqNo: bigint;
  readonly signedEventBytes?: Uint8Array | undefined;
}

/**
 * One event of a push as it goes on the wire: the length-prefixed
 * SequencedEvent of field 2 of SubscriptionPushRequest. Built once per
 * event (a relay shares recent entries' bytes and objects among its
 * sessions), so every subscriber's push splices the same bytes. An entry
 * that has its SignedEvent bytes is never decoded here: a relay pushing an
 * old log to a new subscriber splices the stored bytes as they are.
 */
export function sequencedEventField(entry: PushedEntry): Uint8Array {
  const signed = entry.signedEventBytes;
  const key: object = signed ?? entry.signedEvent;
  const cached = sequencedFields.get(key);
  if (cached !== undefined && cached.seqNo === entry.seqNo) return cached.field;
  const body = new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(signed ?? toBinary(SignedEventSchema, entry.signedEvent));
  if (entry.seqNo !== 0n) body.tag(2, WireType.Varint).uint64(entry.seqNo);
  const field = new BinaryWriter().bytes(body.finish()).finish();
  sequencedFields.set(key, { seqNo: entry.seqNo, field });
  return field;
}

/** Bytes of a protobuf varint holding `value`. */
export function varintBytes(value: number | bigint): number {
  // Sizes and lengths are safe integers: counted without BigInt (planPush sizes every event for every subscriber).
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
    let bytes = 1;
    for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 128)) bytes++;
    return bytes;
  }
  let rest = BigInt(value);
  let bytes = 1;
  while (rest >= 0x80n) {
    rest >>= 7n;
    bytes++;
  }
  return bytes;
}

/** The whole Envelope of a push whose events add `eventBytes` together (request id at its largest). */
export function pushFrameBytes(subscriptionIdBytes: number, eventBytes: number): number {
  const push = (subscriptionIdBytes === 0 ? 0 : TAG + varintBytes(subscriptionIdBytes) + subscriptionIdBytes) + eventBytes;
  return REQUEST_ID_BYTES + TAG + varintBytes(push) + push;
}

/** How many events from the front of `queue` go into the next push, its frame size and their spliced fields; 0 events when the first does not fit alone. */
export function planPush(
  queue: readonly PushedEntry[],
  limits: { readonly subscriptionIdBytes: number; readonly maxFrameBytes: number; readonly maxEvents: number },
): { count: number; frameBytes: number; fields: Uint8Array[] } {
  let eventBytes = 0;
  let count = 0;
  let frameBytes = pushFrameBytes(limits.subscriptionIdBytes, 0);
  const fields: Uint8Array[] = [];
  for (const entry of queue) {
    if (count === limits.maxEvents) break;
    // The bytes the push will splice, built here once: sizing is the encoding.
    const field = sequencedEventField(entry);
    const grown = eventBytes + TAG + field.length;
    const size = pushFrameBytes(limits.subscriptionIdBytes, grown);
    if (size > limits.maxFrameBytes) break;
    eventBytes = grown;
    frameBytes = size;
    fields.push(field);
    count++;
  }
  // No event fits: the size the first would need alone, for the caller's refusal.
  const first = queue[0];
  return { count, fields, frameBytes: count === 0 ? pushFrameBytes(limits.subscriptionIdBytes, first === undefined ? 0 : TAG + sequencedEventField(first).length) : frameBytes };
}
