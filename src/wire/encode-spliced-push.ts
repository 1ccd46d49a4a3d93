// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A relay's push splices each event's SequencedEvent bytes, built once for
// every subscriber (src/session/push-frame.ts), into the frame as field 2 of
// SubscriptionPushRequest. toBinary would copy those bytes twice (into its
// chunks, then into the frame); this writes the same frame with one copy.
// Field numbers come from the descriptors. Internal.
import type { Envelope } from "../../gen/market/mass/envelope_pb.js";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { SubscriptionPushRequestSchema } from "../../gen/market/mass/subscription_pb.js";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { requestIdFieldLength, writeRequestIdField } from "./request-id-field.js";

const PUSH = EnvelopeSchema.field.subscriptionPushRequest.number;
const SUBSCRIPTION_ID = SubscriptionPushRequestSchema.field.subscriptionId.number;
const EVENTS = SubscriptionPushRequestSchema.field.events.number;
// The events' tag fits one byte (field numbers 1–15).
const EVENTS_TAG = (EVENTS << 3) | WireType.LengthDelimited;
if (EVENTS > 15) throw new Error("SubscriptionPushRequest.events needs a one-byte tag for encode-spliced-push.ts");

/**
 * The spliced events of `envelope` when it is exactly the relay's push shape
 * (request id, subscription id, events only as length-delimited unknown field
 * 2, nothing else), or undefined for any other envelope.
 */
export function splicedPushEvents(envelope: Envelope): readonly Uint8Array[] | undefined {
  const { message, requestId } = envelope;
  if (message.case !== "subscriptionPushRequest" || requestId === undefined || typeof requestId.raw !== "bigint") return undefined;
  if ((envelope.$unknown?.length ?? 0) > 0 || (requestId.$unknown?.length ?? 0) > 0) return undefined;
  const push = message.value;
  const unknown = push.$unknown;
  if (!(push.subscriptionId instanceof Uint8Array) || push.events.length > 0 || unknown === undefined || unknown.length === 0) return undefined;
  const fields: Uint8Array[] = [];
  for (const { no, wireType, data } of unknown) {
    if (no !== EVENTS || wireType !== WireType.LengthDelimited || !(data instanceof Uint8Array)) return undefined;
    fields.push(data);
  }
  return fields;
}

/** The bytes toBinary writes for a push envelope of {@link splicedPushEvents}'s shape, whose spliced fields are `fields`. */
export function encodeSplicedPush(id: bigint, subscriptionId: Uint8Array, fields: readonly Uint8Array[]): Uint8Array {
  let eventBytes = 0;
  for (const field of fields) eventBytes += 1 + field.length;
  // proto3: empty bytes are the default and are not written.
  const idBytes = subscriptionId.length === 0 ? 0 : 1 + varintLength(subscriptionId.length) + subscriptionId.length;
  const head = new BinaryWriter().tag(PUSH, WireType.LengthDelimited).uint32(idBytes + eventBytes);
  if (subscriptionId.length > 0) head.tag(SUBSCRIPTION_ID, WireType.LengthDelimited).bytes(subscriptionId);
  const push = head.finish();
  const requestId = requestIdFieldLength(id);
  const frame = new Uint8Array(requestId + push.length + eventBytes);
  writeRequestIdField(frame, 0, id);
  frame.set(push, requestId);
  let at = requestId + push.length;
  for (const field of fields) {
    frame[at++] = EVENTS_TAG;
    frame.set(field, at);
    at += field.length;
  }
  return frame;
}

function varintLength(value: number): number {
  let bytes = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 128)) bytes++;
  return bytes;
}
