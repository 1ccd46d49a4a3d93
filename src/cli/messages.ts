// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Decoding wire bytes of the three message kinds people debug, with auto-detection.
import { createRegistry, type DescMessage, type Message, toJsonString } from "@bufbuild/protobuf";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { decodeBounded } from "../wire/decode-bounded.js";
import { decodeEnvelope } from "../wire/decode-envelope.js";
import { decodeShopEvent } from "../wire/decode-shop-event.js";
import { DEFAULT_MAX_ENVELOPE_BYTES, SHOP_EVENT_TYPE_URL } from "../wire/constants.js";
import { CliFailure, EXIT } from "./exit-codes.js";

export const MESSAGE_TYPES = ["shop-event", "signed-event", "envelope"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface Decoded {
  readonly type: MessageType;
  readonly schema: DescMessage;
  readonly message: Message;
}

// Any-packed ShopEvents print as JSON only with the event type registered.
const registry = createRegistry(ShopEventSchema, SignedEventSchema, EnvelopeSchema);

const decoders: Record<MessageType, (bytes: Uint8Array) => Decoded> = {
  "shop-event": (bytes) => ({ type: "shop-event", schema: ShopEventSchema, message: decodeShopEvent({ bytes }) }),
  "signed-event": (bytes) => ({
    type: "signed-event",
    schema: SignedEventSchema,
    message: decodeBounded({ schema: SignedEventSchema, bytes, maxBytes: DEFAULT_MAX_ENVELOPE_BYTES, path: "input" }),
  }),
  envelope: (bytes) => ({ type: "envelope", schema: EnvelopeSchema, message: decodeEnvelope({ bytes }) }),
};

// A plausible decode has its key part set and no unknown fields anywhere at the top.
const plausible: Record<MessageType, (message: Message) => boolean> = {
  "signed-event": (m) => (m as unknown as { event?: { typeUrl: string } }).event?.typeUrl === SHOP_EVENT_TYPE_URL,
  envelope: (m) => (m as unknown as { message: { case?: string } }).message.case !== undefined,
  "shop-event": (m) => (m as unknown as { union: { case?: string } }).union.case !== undefined,
};

/** Decodes `bytes` as `type`, or tries each kind in turn and keeps the first plausible one. */
export function decodeMessage({ bytes, type }: { bytes: Uint8Array; type: MessageType | "auto" }): Decoded {
  if (type !== "auto") return decoders[type](bytes);
  for (const candidate of ["signed-event", "envelope", "shop-event"] as const) {
    try {
      const decoded = decoders[candidate](bytes);
      const unknown = (decoded.message as { $unknown?: unknown[] }).$unknown;
      if (plausible[candidate](decoded.message) && !(unknown && unknown.length > 0)) return decoded;
    } catch {
      // Not this kind; try the next.
    }
  }
  throw new CliFailure(EXIT.BAD_INPUT, "could not recognise the bytes as a ShopEvent, SignedEvent or Envelope; pass --type to see the decoding error");
}

/** proto3 JSON text of a decoded message. */
export function toJsonText({ decoded }: { decoded: Decoded }): string {
  return toJsonString(decoded.schema, decoded.message, { prettySpaces: 2, registry });
}
