// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The SignedEvent bytes of a written event as they arrived, beside the decoded
// object, so a relay checks, stores and pushes them without encoding the event
// again. Only a frame proved canonical records them: its slices are then what
// toBinary writes for each event. Taken once, by the relay's write. Internal.
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { EventWriteRequestSchema, type SignedEvent } from "../../gen/market/mass/transport_pb.js";

const WRITE = EnvelopeSchema.field.eventWriteRequest.number;
const EVENTS = EventWriteRequestSchema.field.events.number;
const received = new WeakMap<SignedEvent, Uint8Array>();

/** Records each event's bytes from `frame`, the canonical encoding of an Envelope whose write request carries `events`. */
export function recordWrittenEventBytes(frame: Uint8Array, events: readonly SignedEvent[]): void {
  const slices: Uint8Array[] = [];
  const envelope = new BinaryReader(frame);
  while (envelope.pos < envelope.len) {
    const [no, wireType] = envelope.tag();
    if (no !== WRITE || wireType !== WireType.LengthDelimited) {
      envelope.skip(wireType);
      continue;
    }
    const request = new BinaryReader(envelope.bytes());
    while (request.pos < request.len) {
      const [field, type] = request.tag();
      // A copy: the frame may be a view of a larger socket buffer.
      if (field === EVENTS && type === WireType.LengthDelimited) slices.push(request.bytes().slice());
      else request.skip(type);
    }
  }
  if (slices.length !== events.length) return;
  for (const [i, event] of events.entries()) received.set(event, slices[i] as Uint8Array);
}

/** The bytes recorded for `signedEvent`, once: a second call, or an event that never came in a canonical frame, gets undefined. */
export function takeReceivedEventBytes(signedEvent: SignedEvent): Uint8Array | undefined {
  const bytes = received.get(signedEvent);
  received.delete(signedEvent);
  return bytes;
}
