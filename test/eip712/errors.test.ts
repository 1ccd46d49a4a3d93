// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Bad input to every event function fails with a typed, named error whose
// `path` points at the field (proto names) and whose `code` says what is wrong;
// nothing is padded, truncated or skipped, and no raw TypeError escapes.
import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex, type Hex, hexToBytes, numberToBytes } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { ListingSchema, type ShopEvent, ShopEventSchema, UpdateOrder_ChangeItemsSchema } from "../../gen/market/mass/shop_events_pb.js";
import { ObjectIdSchema, OrderedItemSchema } from "../../gen/market/mass/base_types_pb.js";
import { TimestampSchema } from "@bufbuild/protobuf/wkt";
import {
  type EventDomain,
  eventTypedData,
  hashAuthChallenge,
  hashEvent,
  isDomainError,
  isFieldValueError,
  isNetworkSchemaError,
  isSignatureError,
  isUnknownFieldsError,
  recoverEventSigner,
  signAuthChallenge,
  signEvent,
  verifyAuthChallenge,
  verifyEvent,
} from "../../src/index.js";
import { domain, testAccount } from "./fixtures.js";
import { thrown, thrownAsync } from "../support/thrown.js";

const valid = create(ShopEventSchema, { nonce: 1n, shopId: { raw: new Uint8Array(32) }, union: { case: "createOrder", value: { id: { raw: new Uint8Array(8) } } } });
let signature: Hex;
beforeAll(async () => {
  signature = await signEvent({ event: valid, domain, account: testAccount });
});

/** Every public function that takes an event, run with `event` and `on`. */
const eventFunctions: { name: string; run: (event: ShopEvent, on: unknown) => unknown }[] = [
  { name: "hashEvent", run: (event, on) => hashEvent({ event, domain: on as EventDomain }) },
  { name: "eventTypedData", run: (event, on) => eventTypedData({ event, domain: on as EventDomain }) },
  { name: "signEvent", run: (event, on) => signEvent({ event, domain: on as EventDomain, account: testAccount }) },
  { name: "recoverEventSigner", run: (event, on) => recoverEventSigner({ event, domain: on as EventDomain, signature }) },
  { name: "verifyEvent", run: (event, on) => verifyEvent({ event, domain: on as EventDomain, signature, address: testAccount.address }) },
];

const bytes = (length: number, fill = 0) => ({ raw: new Uint8Array(length).fill(fill) });
const event = (union: unknown, extra: Record<string, unknown> = {}): ShopEvent =>
  create(ShopEventSchema, { nonce: 1n, ...extra, union: union as ShopEvent["union"] });

describe("wrapper of the wrong length → FieldValueError WRONG_LENGTH at the raw field", () => {
  const cases: { name: string; event: ShopEvent; path: string; length: string }[] = [
    { name: "ObjectId of 7 bytes", event: event({ case: "listing", value: { id: bytes(7) } }), path: "event.listing.id.raw", length: "8" },
    { name: "ObjectId of 9 bytes in a list", event: event({ case: "listing", value: { id: bytes(8), options: [{ id: bytes(9) }] } }), path: "event.listing.options[0].id.raw", length: "8" },
    { name: "empty ObjectId, second in a list", event: event({ case: "changeInventory", value: { variationIds: [bytes(8), bytes(0)] } }), path: "event.change_inventory.variation_ids[1].raw", length: "8" },
    { name: "Uint256 of 31 bytes", event: event({ case: "createOrder", value: {} }, { shopId: bytes(31) }), path: "event.shop_id.raw", length: "32" },
    // The value would fit in 32 bytes; it is still refused rather than trimmed.
    { name: "Uint256 of 33 bytes with a leading zero", event: event({ case: "listing", value: { price: bytes(33) } }), path: "event.listing.price.raw", length: "32" },
    {
      name: "Uint256 of 33 bytes deep inside a oneof",
      event: event({ case: "updateOrder", value: { action: { case: "setPaymentDetails", value: { shippingRegion: { orderPriceModifiers: [{}, { modification: { case: "percentage", value: bytes(33) } }] } } } } }),
      path: "event.update_order.set_payment_details.shipping_region.order_price_modifiers[1].percentage.raw",
      length: "32",
    },
    { name: "address of 19 bytes", event: event({ case: "updateManifest", value: { addPayee: { address: bytes(19) } } }), path: "event.update_manifest.add_payee.address.raw", length: "20" },
    { name: "address of 21 bytes", event: event({ case: "updateOrder", value: { action: { case: "choosePayment", value: { currency: { address: bytes(21) } } } } }), path: "event.update_order.choose_payment.currency.address.raw", length: "20" },
    { name: "Hash of 31 bytes", event: event({ case: "account", value: { action: { case: "add", value: { tx: bytes(31) } } } }), path: "event.account.add.tx.raw", length: "32" },
    { name: "Hash of 33 bytes", event: event({ case: "updateOrder", value: { action: { case: "addPaymentTx", value: { blockHash: bytes(33) } } } }), path: "event.update_order.add_payment_tx.block_hash.raw", length: "32" },
    {
      name: "ObjectId of 7 bytes, nested two lists deep",
      event: event({ case: "updateListing", value: { addOptions: [{}, { variations: [{ id: bytes(8) }, { id: bytes(7) }] }] } }),
      path: "event.update_listing.add_options[1].variations[1].id.raw",
      length: "8",
    },
  ];
  const table = cases.flatMap((c) => eventFunctions.map((f) => ({ ...c, fn: f.name, run: f.run })));

  it.each(table)("$name: $fn", async ({ event, path, length, run }) => {
    const error = await thrownAsync(() => run(event, domain));
    expect(isFieldValueError(error)).toBe(true);
    expect(error).toMatchObject({ name: "FieldValueError", code: "WRONG_LENGTH", path });
    expect((error as Error).message).toContain(`exactly ${length} bytes`);
  });

  it("the event is left as it was", () => {
    const bad = cases[4]!.event;
    const before = bytesToHex(toBinary(ShopEventSchema, bad));
    expect(() => hashEvent({ event: bad, domain })).toThrow();
    expect(bytesToHex(toBinary(ShopEventSchema, bad))).toBe(before);
  });
});

describe("unknown fields → UnknownFieldsError at the message that carries them", () => {
  // A field number no ShopEvent message uses: 99 as varint 1, 100 as 2 bytes.
  const unknownVarint = Uint8Array.of(0x98, 0x06, 0x01);
  const unknownBytes = Uint8Array.of(0xa2, 0x06, 0x02, 0xaa, 0xbb);
  const withUnknown = <D extends DescMessage>(schema: D, init: MessageInitShape<D>, extra: Uint8Array = unknownVarint) =>
    fromBinary(schema, Uint8Array.of(...toBinary(schema, create(schema, init)), ...extra));
  // Re-encoded and decoded as a whole, so the event is exactly what a relay would decode.
  const decoded = (e: ShopEvent) => fromBinary(ShopEventSchema, toBinary(ShopEventSchema, e));

  const cases: { name: string; event: ShopEvent; path: string; numbers: number[] }[] = [
    {
      name: "field 99 appended to the event",
      event: fromBinary(ShopEventSchema, Uint8Array.of(...toBinary(ShopEventSchema, valid), ...unknownVarint)),
      path: "event",
      numbers: [99],
    },
    {
      name: "fields 99 and 100 appended to the event",
      event: fromBinary(ShopEventSchema, Uint8Array.of(...toBinary(ShopEventSchema, valid), ...unknownVarint, ...unknownBytes)),
      path: "event",
      numbers: [99, 100],
    },
    {
      name: "field 99 inside the Listing",
      event: decoded(event({ case: "listing", value: withUnknown(ListingSchema, { id: bytes(8) }) })),
      path: "event.listing",
      numbers: [99],
    },
    {
      name: "field 100 inside an ObjectId wrapper in a list",
      event: decoded(event({ case: "listing", value: { options: [{ id: withUnknown(ObjectIdSchema, bytes(8), unknownBytes) }] } })),
      path: "event.listing.options[0].id",
      numbers: [100],
    },
    {
      name: "field 99 inside the Timestamp",
      event: decoded(event({ case: "createOrder", value: {} }, { timestamp: withUnknown(TimestampSchema, { seconds: 5n }) })),
      path: "event.timestamp",
      numbers: [99],
    },
    {
      name: "field 99 inside an OrderedItem of a oneof member",
      event: decoded(
        event({
          case: "updateOrder",
          value: { action: { case: "changeItems", value: create(UpdateOrder_ChangeItemsSchema, { adds: [{}, withUnknown(OrderedItemSchema, { quantity: 2 })] }) } },
        }),
      ),
      path: "event.update_order.change_items.adds[1]",
      numbers: [99],
    },
  ];

  it("the decoded events really carry the unknown fields", () => {
    for (const c of cases) {
      const carriers = JSON.stringify(c.event, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
      expect(carriers, c.name).toContain('"$unknown":[{"no":');
    }
  });

  const table = cases.flatMap((c) => eventFunctions.map((f) => ({ ...c, fn: f.name, run: f.run })));
  it.each(table)("$name: $fn", async ({ event, path, numbers, run }) => {
    const error = await thrownAsync(() => run(event, domain));
    expect(isUnknownFieldsError(error)).toBe(true);
    expect(error).toMatchObject({ name: "UnknownFieldsError", code: "UNKNOWN_FIELDS", path, fieldNumbers: numbers });
  });
});

describe("required oneof without a member → FieldValueError MISSING_FIELD", () => {
  const cases: { name: string; event: ShopEvent; path: string }[] = [
    { name: "event without its union member", event: create(ShopEventSchema, { nonce: 1n, shopId: bytes(32) }), path: "event.union" },
    { name: "event decoded from zero bytes", event: fromBinary(ShopEventSchema, new Uint8Array(0)), path: "event.union" },
    { name: "Account without an action", event: event({ case: "account", value: {} }), path: "event.account.action" },
    { name: "UpdateOrder without an action", event: event({ case: "updateOrder", value: { id: bytes(8) } }), path: "event.update_order.action" },
  ];
  const table = cases.flatMap((c) => eventFunctions.map((f) => ({ ...c, fn: f.name, run: f.run })));
  it.each(table)("$name: $fn", async ({ event, path, run }) => {
    const error = await thrownAsync(() => run(event, domain));
    expect(isFieldValueError(error)).toBe(true);
    expect(error).toMatchObject({ code: "MISSING_FIELD", path });
  });

  it("optional oneofs may stay empty (OrderPriceModifier.modification, ListingStockStatus.status)", () => {
    const e = event({ case: "listing", value: { stockStatuses: [{}], options: [] } });
    const m = event({ case: "manifest", value: { shippingRegions: [{ orderPriceModifiers: [{ title: "VAT" }] }] } });
    expect(hashEvent({ event: e, domain })).toMatch(/^0x[0-9a-f]{64}$/);
    expect(hashEvent({ event: m, domain })).toMatch(/^0x[0-9a-f]{64}$/);
  });
});

// A oneof `case` that names no member of the oneof (a typo in untyped JS, or a
// member from a newer schema) must be refused at the oneof, not hashed as if
// nothing were set: that would sign an event without its required union
// member, or silently drop an optional oneof's value.
describe("oneof case that is not a member of the oneof → FieldValueError at the oneof", () => {
  const bogus = (e: ShopEvent, set: (e: ShopEvent) => void): ShopEvent => {
    set(e);
    return e;
  };
  const cases: { name: string; event: () => ShopEvent; path: string }[] = [
    {
      name: "ShopEvent.union (required)",
      event: () => bogus(event({ case: "createOrder", value: {} }), (e) => Object.assign(e, { union: { case: "lisitng", value: create(ListingSchema) } })),
      path: "event.union",
    },
    {
      name: "UpdateOrder.action (required)",
      event: () =>
        bogus(event({ case: "updateOrder", value: { action: { case: "cancel", value: {} } } }), (e) => {
          if (e.union.case === "updateOrder") Object.assign(e.union.value, { action: { case: "refund", value: {} } });
        }),
      path: "event.update_order.action",
    },
    {
      name: "OrderPriceModifier.modification (optional)",
      event: () =>
        bogus(event({ case: "manifest", value: { shippingRegions: [{ orderPriceModifiers: [{ title: "VAT" }] }] } }), (e) => {
          if (e.union.case === "manifest") Object.assign(e.union.value.shippingRegions[0]!.orderPriceModifiers[0]!, { modification: { case: "percent", value: bytes(32) } });
        }),
      path: "event.manifest.shipping_regions[0].order_price_modifiers[0].modification",
    },
  ];
  const table = cases.flatMap((c) => eventFunctions.map((f) => ({ ...c, fn: f.name, run: f.run })));
  it.each(table)("$name: $fn", async ({ event, path, run }) => {
    const error = await thrownAsync(() => run(event(), domain));
    expect(isFieldValueError(error)).toBe(true);
    expect(error).toMatchObject({ code: "WRONG_TYPE", path });
  });
});

describe("values of the wrong JS type or range (bypassing TypeScript) → FieldValueError", () => {
  const cases: { name: string; event: () => ShopEvent; path: string; code: string }[] = [
    { name: "not a ShopEvent", event: () => create(ListingSchema) as unknown as ShopEvent, path: "event", code: "WRONG_TYPE" },
    { name: "nonce as a number", event: () => Object.assign(event({ case: "createOrder", value: {} }), { nonce: 1 as unknown as bigint }), path: "event.nonce", code: "WRONG_TYPE" },
    { name: "nonce above uint64", event: () => event({ case: "createOrder", value: {} }, { nonce: 2n ** 64n }), path: "event.nonce", code: "OUT_OF_RANGE" },
    { name: "negative nonce", event: () => event({ case: "createOrder", value: {} }, { nonce: -1n }), path: "event.nonce", code: "OUT_OF_RANGE" },
    { name: "sint32 above int32", event: () => event({ case: "changeInventory", value: { diff: 2 ** 31 } }), path: "event.change_inventory.diff", code: "OUT_OF_RANGE" },
    { name: "sint32 fraction", event: () => event({ case: "changeInventory", value: { diff: 1.5 } }), path: "event.change_inventory.diff", code: "WRONG_TYPE" },
    { name: "uint32 negative", event: () => event({ case: "updateOrder", value: { action: { case: "changeItems", value: { adds: [{ quantity: -1 }] } } } }), path: "event.update_order.change_items.adds[0].quantity", code: "OUT_OF_RANGE" },
    {
      name: "raw as a hex string",
      event: () => event({ case: "createOrder", value: { id: create(ObjectIdSchema, { raw: "0x0000000000000000" as unknown as Uint8Array }) } }),
      path: "event.create_order.id.raw",
      code: "WRONG_TYPE",
    },
    {
      name: "string as a number",
      event: () => event({ case: "tag", value: { name: 5 as unknown as string } }),
      path: "event.tag.name",
      code: "WRONG_TYPE",
    },
  ];
  const table = cases.flatMap((c) => eventFunctions.map((f) => ({ ...c, fn: f.name, run: f.run })));
  it.each(table)("$name: $fn", async ({ event, path, code, run }) => {
    const error = await thrownAsync(() => run(event(), domain));
    expect(isFieldValueError(error)).toBe(true);
    expect(error).toMatchObject({ code, path });
  });
});

describe("bad domain → DomainError INVALID_DOMAIN naming the member", () => {
  const contract = domain.verifyingContract;
  const badChecksum = `0x${contract.slice(2).replace("E", "e").replace("a", "A")}` as Hex;
  const cases: { name: string; domain: unknown; path: string }[] = [
    { name: "chainId 0", domain: { chainId: 0, verifyingContract: contract }, path: "domain.chainId" },
    { name: "chainId 0n", domain: { chainId: 0n, verifyingContract: contract }, path: "domain.chainId" },
    { name: "chainId -1", domain: { chainId: -1, verifyingContract: contract }, path: "domain.chainId" },
    { name: "chainId 1.5", domain: { chainId: 1.5, verifyingContract: contract }, path: "domain.chainId" },
    { name: "chainId NaN", domain: { chainId: Number.NaN, verifyingContract: contract }, path: "domain.chainId" },
    { name: "chainId beyond safe integers as a number", domain: { chainId: 2 ** 53, verifyingContract: contract }, path: "domain.chainId" },
    { name: "chainId 2^256", domain: { chainId: 2n ** 256n, verifyingContract: contract }, path: "domain.chainId" },
    { name: 'chainId "1"', domain: { chainId: "1", verifyingContract: contract }, path: "domain.chainId" },
    { name: "chainId missing", domain: { verifyingContract: contract }, path: "domain.chainId" },
    { name: "verifyingContract short", domain: { chainId: 1, verifyingContract: contract.slice(0, 40) }, path: "domain.verifyingContract" },
    { name: "verifyingContract long", domain: { chainId: 1, verifyingContract: `${contract}00` }, path: "domain.verifyingContract" },
    { name: "verifyingContract with a bad checksum", domain: { chainId: 1, verifyingContract: badChecksum }, path: "domain.verifyingContract" },
    { name: "verifyingContract not hex", domain: { chainId: 1, verifyingContract: `0x${"zz".repeat(20)}` }, path: "domain.verifyingContract" },
    { name: "verifyingContract without 0x", domain: { chainId: 1, verifyingContract: contract.slice(2) }, path: "domain.verifyingContract" },
    { name: "verifyingContract as bytes", domain: { chainId: 1, verifyingContract: new Uint8Array(20) }, path: "domain.verifyingContract" },
    { name: "verifyingContract missing", domain: { chainId: 1 }, path: "domain.verifyingContract" },
    { name: "empty name", domain: { ...domain, name: "" }, path: "domain.name" },
    { name: "name not a string", domain: { ...domain, name: 1 }, path: "domain.name" },
    { name: "empty version", domain: { ...domain, version: "" }, path: "domain.version" },
    { name: "domain missing", domain: undefined, path: "domain" },
    { name: "domain null", domain: null, path: "domain" },
  ];
  const challengeFunctions = [
    { name: "hashAuthChallenge", run: (_: ShopEvent, on: unknown) => hashAuthChallenge({ challenge: new Uint8Array(16), domain: on as EventDomain }) },
    { name: "signAuthChallenge", run: (_: ShopEvent, on: unknown) => signAuthChallenge({ challenge: new Uint8Array(16), domain: on as EventDomain, account: testAccount }) },
  ];
  const table = cases.flatMap((c) => [...eventFunctions, ...challengeFunctions].map((f) => ({ ...c, fn: f.name, run: f.run })));

  it("the bad-checksum address really is a case variant of a valid one", () => {
    expect(badChecksum).not.toBe(contract);
    expect(badChecksum.toLowerCase()).toBe(contract.toLowerCase());
  });

  it.each(table)("$name: $fn", async ({ domain: bad, path, run }) => {
    const error = await thrownAsync(() => run(valid, bad));
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({ name: "DomainError", code: "INVALID_DOMAIN", path });
  });

  it("accepts an all-lowercase registry address and a bigint chain id as the same domain", () => {
    const digest = hashEvent({ event: valid, domain });
    expect(hashEvent({ event: valid, domain: { chainId: 1n, verifyingContract: contract.toLowerCase() as Hex } })).toBe(digest);
  });
});

describe("malformed signature → SignatureError INVALID_SIGNATURE with its problem", () => {
  const N = secp256k1.CURVE.n;
  const word = (value: bigint) => numberToBytes(value, { size: 32 });
  const build = (r: bigint, s: bigint, v: number): Hex => bytesToHex(Uint8Array.of(...word(r), ...word(s), v));
  const parts = () => {
    const b = hexToBytes(signature);
    return { r: BigInt(bytesToHex(b.subarray(0, 32))), s: BigInt(bytesToHex(b.subarray(32, 64))), v: b[64]! };
  };
  // An x coordinate with no point on the curve: x³ + 7 is not a square mod p.
  const notOnCurve = (): bigint => {
    const { Fp } = secp256k1.CURVE;
    for (let x = 1n; ; x++) {
      try {
        Fp.sqrt(Fp.add(Fp.pow(x, 3n), 7n));
      } catch {
        return x;
      }
    }
  };

  const cases: { name: string; signature: () => Hex | Uint8Array; problem: string }[] = [
    { name: "64 bytes", signature: () => signature.slice(0, -2) as Hex, problem: "LENGTH" },
    { name: "66 bytes", signature: () => `${signature}00`, problem: "LENGTH" },
    { name: "empty", signature: () => "0x", problem: "LENGTH" },
    { name: "v = 29", signature: () => build(parts().r, parts().s, 29), problem: "V" },
    { name: "v = 2", signature: () => build(parts().r, parts().s, 2), problem: "V" },
    { name: "r = 0", signature: () => build(0n, parts().s, 27), problem: "R_RANGE" },
    { name: "r = n", signature: () => build(N, parts().s, 27), problem: "R_RANGE" },
    { name: "s = 0", signature: () => build(parts().r, 0n, 27), problem: "S_RANGE" },
    { name: "s = n", signature: () => build(parts().r, N, 27), problem: "S_RANGE" },
    { name: "high s (the malleable twin)", signature: () => build(parts().r, N - parts().s, 55 - parts().v), problem: "HIGH_S" },
    { name: "not hex", signature: () => `0x${"zz".repeat(65)}` as Hex, problem: "ENCODING" },
    { name: "odd-length hex", signature: () => signature.slice(0, -1) as Hex, problem: "ENCODING" },
    { name: "hex without 0x", signature: () => signature.slice(2) as Hex, problem: "ENCODING" },
    { name: "r with no curve point", signature: () => build(notOnCurve(), parts().s, 27), problem: "NOT_RECOVERABLE" },
  ];
  const functions = [
    { fn: "recoverEventSigner", run: (sig: Hex | Uint8Array) => recoverEventSigner({ event: valid, domain, signature: sig }) },
    { fn: "verifyEvent", run: (sig: Hex | Uint8Array) => verifyEvent({ event: valid, domain, signature: sig, address: testAccount.address }) },
  ];
  const table = cases.flatMap((c) => functions.map((f) => ({ ...c, ...f })));

  it.each(table)("$name: $fn", async ({ signature: make, problem, run }) => {
    const error = await thrownAsync(() => run(make()));
    expect(isSignatureError(error)).toBe(true);
    expect(error).toMatchObject({ name: "SignatureError", code: "INVALID_SIGNATURE", path: "signature", problem });
  });

  it("the twin with high s really recovers to the signer elsewhere (so refusing it matters)", () => {
    const { r, s, v } = parts();
    const twin = new secp256k1.Signature(r, N - s).addRecoveryBit((v - 27) ^ 1);
    const digest = hexToBytes(hashEvent({ event: valid, domain }));
    expect(twin.recoverPublicKey(digest).toHex(false)).toBe(new secp256k1.Signature(r, s).addRecoveryBit(v - 27).recoverPublicKey(digest).toHex(false));
  });

  it("v as 0/1 is accepted like 27/28, and a byte signature is not modified", async () => {
    const b = hexToBytes(signature);
    const raw = Uint8Array.of(...b.subarray(0, 64), b[64]! - 27);
    const copy = raw.slice();
    expect(verifyEvent({ event: valid, domain, signature: raw, address: testAccount.address })).toBe(true);
    expect(raw).toEqual(copy);
  });

  it("verifyEvent refuses an address that is not one", async () => {
    const error = thrown(() => verifyEvent({ event: valid, domain, signature, address: "0x1234" as Hex }));
    expect(isFieldValueError(error)).toBe(true);
    expect(error).toMatchObject({ code: "WRONG_TYPE", path: "address" });
  });
});

describe("every error above is a NetworkSchemaError, never a raw TypeError or RangeError", () => {
  it("holds for a batch of assorted garbage", async () => {
    const garbage: unknown[] = [undefined, null, 0, "event", [], {}, { $typeName: "market.mass.ShopEvent" }, create(ShopEventSchema, { union: { case: "tag", value: { id: bytes(8) } } })];
    for (const thing of garbage) {
      for (const f of eventFunctions) {
        for (const on of [domain, {}]) {
          let error: unknown;
          try {
            await f.run(thing as ShopEvent, on);
          } catch (e) {
            error = e;
          }
          if (error !== undefined) expect(isNetworkSchemaError(error), `${f.name}(${String(thing)}): ${String(error)}`).toBe(true);
        }
      }
    }
  });
});

describe("values that would be signed differently from what they say", () => {
  const tag = (name: string) => create(ShopEventSchema, { nonce: 1n, union: { case: "tag", value: { id: { raw: new Uint8Array(8) }, name } } });

  it("refuses strings with lone surrogates (they have no UTF-8 form)", async () => {
    for (const name of ["\uD800", "a\uDC00b", "\uDBFF"]) {
      const error = await thrownAsync(() => hashEvent({ event: tag(name), domain }));
      expect(isFieldValueError(error) && error.code).toBe("WRONG_TYPE");
      expect((error as { path: string }).path).toBe("event.tag.name");
    }
    expect(() => hashEvent({ event: tag("a\uD83D\uDE00b"), domain })).not.toThrow();
  });

  it("refuses domain members it would not sign, such as salt", async () => {
    const error = await thrownAsync(() => hashEvent({ event: tag("x"), domain: { ...domain, salt: "0x01" } as never }));
    expect(isDomainError(error) && error.path).toBe("domain.salt");
  });
});

describe("verify calls with an expected address that is no address", () => {
  it.each(["0x1234", "not an address", 42])("throw FieldValueError at `address` for %s", async (address) => {
    const event = create(ShopEventSchema, { nonce: 1n, union: { case: "createOrder", value: { id: { raw: new Uint8Array(8) } } } });
    const signature = await signEvent({ event, domain, account: testAccount });
    const fromEvent = thrown(() => verifyEvent({ event, domain, signature, address: address as never }));
    expect(isFieldValueError(fromEvent) && fromEvent.path).toBe("address");
    const challenge = Uint8Array.of(1);
    const challengeSignature = await signAuthChallenge({ challenge, domain, account: testAccount });
    const fromChallenge = thrown(() => verifyAuthChallenge({ challenge, domain, signature: challengeSignature, address: address as never }));
    expect(isFieldValueError(fromChallenge) && fromChallenge.path).toBe("address");
  });
});
