// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a customer (guest) writes an order event whose bytes a shortcut
// reader would take for their own order while protobuf-es reads another
// customer's. A relay filters an older log entry by reading its object type
// and id in place (readEventObject), and a guest's ORDER subscription shows
// only events whose order id is the guest's: a different reading would push
// the other customer's items and addresses to the guest, or hide the guest's own.
// A v3-dialect relay stores bytes in any form the decoders read alike (a
// message field written twice, two oneof members), so such records exist.
// What must happen: the in-place reading is the decoder's, or none (the
// relay then decodes), for every trick below; and the log entry the relay
// filters with gives the decoder's reading.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { CreateOrderSchema, ShopEventSchema, UpdateOrderSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { LazyLogEntry } from "../../src/relay/lazy-log-entry.js";
import { eventObject } from "../../src/session/event-filter.js";
import { readEventObject } from "../../src/session/read-event-object.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { SHOP_EVENT_TYPE_URL } from "../../src/wire/constants.js";
import { concat, field, lengthDelimited, varint } from "../support/wire-bytes.js";

const OWN = new Uint8Array(8).fill(0x0a);
const VICTIM = new Uint8Array(8).fill(0x0b);
// An order id whose bytes also read as field records (field 15 = 1, four times), so a reader that took the varint would walk on.
const PARSEABLE_VICTIM = new Uint8Array([0x78, 0x01, 0x78, 0x01, 0x78, 0x01, 0x78, 0x01]);
const CREATE_ORDER = ShopEventSchema.field.createOrder!.number;
const UPDATE_ORDER = ShopEventSchema.field.updateOrder!.number;
const NONCE = ShopEventSchema.field.nonce!.number;
const CREATE_ID = CreateOrderSchema.field.id!.number;
const UPDATE_ID = UpdateOrderSchema.field.id!.number;
const RAW = 1;

const objectId = (raw: Uint8Array) => lengthDelimited(RAW, raw);
const createOrder = (raw: Uint8Array) => lengthDelimited(CREATE_ORDER, lengthDelimited(CREATE_ID, objectId(raw)));
const updateOrder = (raw: Uint8Array) => lengthDelimited(UPDATE_ORDER, lengthDelimited(UPDATE_ID, objectId(raw)));

const tricks: { name: string; bytes: Uint8Array }[] = [
  { name: "the order id written twice (protobuf-es merges them: the last raw wins)", bytes: concat(lengthDelimited(CREATE_ORDER, [...lengthDelimited(CREATE_ID, objectId(OWN)), ...lengthDelimited(CREATE_ID, objectId(VICTIM))])) },
  { name: "ObjectId.raw written twice", bytes: concat(lengthDelimited(CREATE_ORDER, lengthDelimited(CREATE_ID, [...objectId(OWN), ...objectId(VICTIM)]))) },
  { name: "two members of the union (the last wins)", bytes: concat(createOrder(OWN), updateOrder(VICTIM)) },
  { name: "the member written twice (merged)", bytes: concat(createOrder(OWN), createOrder(VICTIM)) },
  {
    name: "a second member hidden in the nonce written as bytes (protobuf-es reads the nonce as a varint and walks into them)",
    bytes: concat(createOrder(OWN), field(NONCE, 2, [...varint(updateOrder(VICTIM).length), ...updateOrder(VICTIM)])),
  },
  {
    name: "the order id's raw written as a varint (protobuf-es reads bytes wherever the field says)",
    bytes: concat(lengthDelimited(CREATE_ORDER, lengthDelimited(CREATE_ID, [...field(RAW, 0, [PARSEABLE_VICTIM.length]), ...PARSEABLE_VICTIM]))),
  },
];

const signedRecord = (eventBytes: Uint8Array) =>
  toBinary(SignedEventSchema, create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: eventBytes }), signature: { raw: new Uint8Array(65).fill(1) } }));

const hex = (bytes: Uint8Array | undefined) => (bytes === undefined ? "none" : Buffer.from(bytes).toString("hex"));

describe("a guest's order event read two ways by the relay's filters", () => {
  for (const { name, bytes } of tricks) {
    it(`${name}: the relay's filter reads the order protobuf-es reads`, () => {
      const decoded = eventObject({ event: fromBinary(ShopEventSchema, bytes) });
      // Each trick makes protobuf-es read the victim's order where a shortcut would read the guest's.
      expect(hex(decoded.objectId)).not.toBe(hex(OWN));
      const inPlace = readEventObject(bytes);
      if (inPlace !== undefined) expect(hex(inPlace.objectId)).toBe(hex(decoded.objectId));
      // The log entry an older record becomes, as the relay filters it.
      const entry = new LazyLogEntry(0, { read: () => signedRecord(bytes), domain: TEST_RELAY_DOMAIN });
      expect({ type: entry.object.objectType, id: hex(entry.object.objectId) }).toEqual({ type: decoded.objectType, id: hex(decoded.objectId) });
    });
  }
});
