// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The readable view: what a person debugging bytes sees, including the odd cases.
import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  createShopEvent,
  displayJson,
  EnvelopeSchema,
  objectId,
  ObjectType,
  ShopEventSchema,
  SignedEventSchema,
  SubscriptionRequestSchema,
  shopIdUint256,
} from "../../src/index.js";
import { thrown } from "../support/thrown.js";

describe("displayJson", () => {
  it("shows implicit defaults, enums by name, and leaves absent message fields out", () => {
    const request = create(SubscriptionRequestSchema, { shopId: shopIdUint256({ shopId: 23n }), filters: [{ objectType: ObjectType.LISTING }, { objectType: 99 as ObjectType, objectId: objectId({ id: 2n }) }] });
    expect(displayJson({ schema: SubscriptionRequestSchema, message: request })).toEqual({
      start_shop_seq_no: "0",
      shop_id: "23",
      filters: [{ object_type: "OBJECT_TYPE_LISTING" }, { object_type: 99, object_id: "0x0000000000000002" }],
    });
  });

  it("writes timestamps as ISO 8601 with their nanoseconds, and out-of-range ones as the raw pair", () => {
    const at = (seconds: bigint, nanos: number) => displayJson({ schema: ShopEventSchema, message: create(ShopEventSchema, { timestamp: { seconds, nanos } }) }) as { timestamp: unknown };
    expect(at(1_767_225_600n, 0).timestamp).toBe("2026-01-01T00:00:00Z");
    expect(at(1_767_225_600n, 1).timestamp).toBe("2026-01-01T00:00:00.000000001Z");
    expect(at(1_767_225_600n, 120_000_000).timestamp).toBe("2026-01-01T00:00:00.120Z");
    expect(at(-62_135_596_800n, 0).timestamp).toBe("0001-01-01T00:00:00Z");
    expect(at(253_402_300_800n, 0).timestamp).toEqual({ seconds: "253402300800", nanos: 0 });
    expect(at(0n, 1_000_000_000).timestamp).toEqual({ seconds: "0", nanos: 1_000_000_000 });
  });

  it("puts @type first in a packed event, shows undecodable or foreign Any values as hex, and lists unknown fields", () => {
    const event = createShopEvent({ shopId: 1n, nonce: 0n, union: { case: "tag", value: { id: objectId({ id: 1n }), name: "t" } } });
    event.$unknown = [{ no: 99, wireType: 0, data: new Uint8Array([0xc8, 0x06, 0x01]) }];
    const signed = create(SignedEventSchema, { event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: new Uint8Array([0x08, 0x01]) } });
    expect(Object.keys((displayJson({ schema: SignedEventSchema, message: signed }) as { event: object }).event)).toEqual(["@type", "nonce"]);
    const broken = create(SignedEventSchema, { event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: new Uint8Array([0xff]) } });
    expect((displayJson({ schema: SignedEventSchema, message: broken }) as { event: Record<string, string> }).event).toMatchObject({ value: "0xff", "@error": expect.stringContaining("does not decode") });
    const foreign = create(SignedEventSchema, { event: { typeUrl: "type.example/x", value: new Uint8Array([1]) } });
    expect((displayJson({ schema: SignedEventSchema, message: foreign }) as { event: unknown }).event).toEqual({ "@type": "type.example/x", value: "0x01" });
    expect((displayJson({ schema: ShopEventSchema, message: event }) as Record<string, unknown>)["@unknown_fields"]).toEqual([99]);
  });

  it("passes proto paths to annotate", () => {
    const envelope = create(EnvelopeSchema, { message: { case: "eventWriteRequest", value: { events: [create(SignedEventSchema), create(SignedEventSchema)] } } });
    const paths: string[] = [];
    const view = displayJson({
      schema: EnvelopeSchema,
      message: envelope,
      annotate: ({ message, path }) => {
        if (message.$typeName !== "market.mass.SignedEvent") return undefined;
        paths.push(path);
        return { "@at": path };
      },
    }) as { event_write_request: { events: { "@at": string }[] } };
    expect(paths).toEqual(["event_write_request.events[0]", "event_write_request.events[1]"]);
    expect(view.event_write_request.events[1]?.["@at"]).toBe("event_write_request.events[1]");
  });

  it("refuses a message of another schema, or a hand-built one of the wrong shape, with a typed error", () => {
    expect(thrown(() => displayJson({ schema: EnvelopeSchema, message: create(ShopEventSchema) }))).toMatchObject({ code: "WRONG_TYPE", path: "message" });
    const handBuilt = { $typeName: "market.mass.ShopEvent", nonce: 1n } as never;
    expect(thrown(() => displayJson({ schema: ShopEventSchema, message: handBuilt }))).toMatchObject({ code: "WRONG_TYPE", path: "message" });
    const listNotArray = { ...create(SubscriptionRequestSchema), filters: 5 } as never;
    expect(thrown(() => displayJson({ schema: SubscriptionRequestSchema, message: listNotArray }))).toMatchObject({ code: "WRONG_TYPE", path: "message" });
    const own = new TypeError("mine");
    expect(thrown(() => displayJson({ schema: ShopEventSchema, message: create(ShopEventSchema), annotate: () => { throw own; } }))).toBe(own);
  });
});
