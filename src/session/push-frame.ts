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

const signedSizes = new WeakMap<SignedEvent, number>();
const sequencedFields = new WeakMap<SignedEvent, Uint8Array>();

/** A log entry as a push needs it; `signedEventBytes`, when the backend has them, saves encoding the event again. */
export interface PushedEntry {
  readonly signedEvent: SignedEvent;
  readonly seqNo: bigint;
  readonly signedEventBytes?: Uint8Array | undefined;
}

/**
 * One event of a push as it goes on the wire: the length-prefixed
 * SequencedEvent of field 2 of SubscriptionPushRequest. Built once per
 * SignedEvent object (a relay shares recent entries' objects among its
 * sessions), so every subscriber's push splices the same bytes.
 */
export function sequencedEventField(entry: PushedEntry): Uint8Array {
  let field = sequencedFields.get(entry.signedEvent);
  if (field === undefined) {
    const signed = entry.signedEventBytes ?? toBinary(SignedEventSchema, entry.signedEvent);
    const body = new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(signed);
    if (entry.seqNo !== 0n) body.tag(2, WireType.Varint).uint64(entry.seqNo);
    field = new BinaryWriter().bytes(body.finish()).finish();
    sequencedFields.set(entry.signedEvent, field);
  }
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

/** Encoded SignedEvent bytes, remembered per event object (log entries are pushed to many sessions). */
export function signedEventBytes(signedEvent: SignedEvent): number {
  let size = signedSizes.get(signedEvent);
  if (size === undefined) {
    size = toBinary(SignedEventSchema, signedEvent).length;
    signedSizes.set(signedEvent, size);
  }
  return size;
}

/** What one event adds to a push: its SequencedEvent with tag and length. */
export function sequencedEventBytes(signedEvent: SignedEvent, seqNo: bigint): number {
  const signed = signedEventBytes(signedEvent);
  const body = TAG + varintBytes(signed) + signed + (seqNo === 0n ? 0 : TAG + varintBytes(seqNo));
  return TAG + varintBytes(body) + body;
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
  return { count, fields, frameBytes: count === 0 ? pushFrameBytes(limits.subscriptionIdBytes, queue[0] === undefined ? 0 : sequencedEventBytes(queue[0].signedEvent, queue[0].seqNo)) : frameBytes };
}
