// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Properties of the event digest over generated events: the generators reach
// every event kind and edge case, hashing is deterministic and independent of
// how the message was built, distinct encodings never share a digest, and
// signatures made with random keys recover to their signer.
import { clone, create, fromBinary, fromJson, toBinary, toJson } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import fc from "fast-check";
import { bytesToHex, type Hex, numberToHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";

import { type ListingMetadata, ListingMetadataSchema } from "../../gen/market/mass/base_types_pb.js";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { eip712MappingVersion, eventTypedData, hashEvent, recoverEventSigner, signEvent, verifyEvent } from "../../src/index.js";
import { accountActions, arbitraries, MAX_UINT64, shopEventKinds, updateOrderActions } from "../support/arbitraries.js";
import { domain, otherDomain } from "./fixtures.js";
import { singleFieldMutants } from "./mutations.js";
import { allMessages } from "./walk.js";

const digestOf = (event: ShopEvent): Hex => hashEvent({ event, domain });
const encodingOf = (event: ShopEvent): Hex => bytesToHex(toBinary(ShopEventSchema, event));

/** Remembers every digest with its encoding; two encodings under one digest is a collision. */
class CollisionLog {
  private readonly seen = new Map<Hex, Hex>();
  pairs = 0;
  add(event: ShopEvent): Hex {
    const digest = digestOf(event);
    const encoding = encodingOf(event);
    const before = this.seen.get(digest);
    if (before !== undefined) expect(encoding, `digest ${digest} shared by two encodings`).toBe(before);
    this.seen.set(digest, encoding);
    return digest;
  }
}

describe("generators", () => {
  // A fixed seed: these are facts about the generators, not properties to search.
  const sample = fc.sample(arbitraries.event, { seed: 42, numRuns: 3000 });
  const messages = sample.flatMap((event) => [...allMessages(event)]);
  const ofType = (name: string) => messages.filter((m) => m.$typeName === `market.mass.${name}`);
  const raw = (m: Record<string, unknown>) => m.raw as Uint8Array;

  it("cover every ShopEvent union member, Account action and UpdateOrder action of the schema", () => {
    const members = ShopEventSchema.oneofs.find((o) => o.name === "union")!.fields.map((f) => f.localName);
    expect([...shopEventKinds].sort()).toEqual([...members].sort());
    expect(new Set(sample.map((e) => e.union.case))).toEqual(new Set(members));
    const actions = (name: string) => {
      const desc = ShopEventSchema.fields.find((f) => f.name === name)!;
      if (desc.fieldKind !== "message") throw new Error(`${name} is not a message field`);
      return desc.message.oneofs.find((o) => o.name === "action")!.fields.map((f) => f.localName).sort();
    };
    expect([...accountActions].sort()).toEqual(actions("account"));
    expect([...updateOrderActions].sort()).toEqual(actions("update_order"));
    expect(new Set(ofType("Account").map((a) => (a.action as { case: string }).case))).toEqual(new Set(accountActions));
    expect(new Set(ofType("UpdateOrder").map((a) => (a.action as { case: string }).case))).toEqual(new Set(updateOrderActions));
    expect(arbitraries.eventCases).toHaveLength(shopEventKinds.length - 2 + accountActions.length + updateOrderActions.length);
  });

  it("reach the edge cases", () => {
    const zero = (b: Uint8Array) => b.every((x) => x === 0);
    const uint256 = ofType("Uint256").map(raw);
    expect(uint256.some(zero), "uint256 zero").toBe(true);
    expect(uint256.some((b) => b.every((x) => x === 0xff)), "uint256 max").toBe(true);
    expect(uint256.some((b) => b[0] === 0 && !zero(b)), "uint256 with leading zero bytes").toBe(true);
    expect(ofType("ObjectId").map(raw).some((b) => b[0] === 0 && !zero(b)), "ObjectId with a leading zero byte").toBe(true);
    expect(ofType("EthereumAddress").map(raw).some(zero), "zero address").toBe(true);
    expect(ofType("PublicKey").map(raw).some((b) => b.length === 0), "empty public key").toBe(true);
    expect(sample.some((e) => e.nonce === MAX_UINT64), "max uint64 nonce").toBe(true);
    expect(ofType("ShopCurrency").some((c) => c.chainId === MAX_UINT64), "max uint64 chain id").toBe(true);
    expect(ofType("ChangeInventory").some((c) => (c.diff as number) < 0), "negative sint32").toBe(true);
    expect(ofType("ChangeInventory").some((c) => c.diff === -0x80000000), "min sint32").toBe(true);
    expect(ofType("OrderedItem").some((c) => c.quantity === 0xffffffff), "max uint32").toBe(true);
    const timestamps = messages.filter((m) => m.$typeName === "google.protobuf.Timestamp");
    expect(timestamps.some((t) => (t.seconds as bigint) < 0n), "negative timestamp").toBe(true);
    const updateTags = ofType("UpdateTag");
    expect(updateTags.some((t) => t.rename === undefined), "absent optional string").toBe(true);
    expect(updateTags.some((t) => t.rename === ""), "empty optional string").toBe(true);
    expect(updateTags.some((t) => t.delete === undefined), "absent optional bool").toBe(true);
    expect(updateTags.some((t) => t.delete === false), "false optional bool").toBe(true);
    expect(ofType("Tag").some((t) => t.name === "" && t.deleted === false), "implicit '' and false").toBe(true);
    const updateListings = ofType("UpdateListing");
    expect(updateListings.some((l) => l.metadata === undefined), "absent message").toBe(true);
    expect(updateListings.some((l) => l.metadata !== undefined && toBinary(ListingMetadataSchema, l.metadata as ListingMetadata).length === 0), "present default message").toBe(true);
    expect(updateListings.some((l) => l.viewState === 0), "optional enum at zero").toBe(true);
    expect(updateListings.some((l) => (l.addOptions as unknown[]).length === 0), "empty array").toBe(true);
    expect(updateListings.some((l) => (l.addOptions as unknown[]).length === 2), "two-element array").toBe(true);
    expect(ofType("OrderPriceModifier").some((m) => (m.modification as { case?: string }).case === undefined), "unset optional oneof").toBe(true);
    expect(ofType("ListingStockStatus").some((m) => (m.status as { case?: string; value?: unknown }).value === false), "oneof bool false").toBe(true);
    expect(sample.some((e) => e.timestamp === undefined) && sample.some((e) => e.shopId === undefined), "absent envelope fields").toBe(true);
  });

  it("survive proto3 JSON and binary round trips unchanged", () => {
    for (const event of sample.slice(0, 500)) {
      const encoding = encodingOf(event);
      expect(encodingOf(fromJson(ShopEventSchema, toJson(ShopEventSchema, event)))).toBe(encoding);
      expect(encodingOf(fromBinary(ShopEventSchema, toBinary(ShopEventSchema, event)))).toBe(encoding);
    }
  });
});

describe("determinism", () => {
  it("the digest depends only on the event and the domain, not on how the message was made", () => {
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        const digest = digestOf(event);
        expect(digestOf(event)).toBe(digest);
        expect(digestOf(clone(ShopEventSchema, event))).toBe(digest);
        expect(digestOf(fromBinary(ShopEventSchema, toBinary(ShopEventSchema, event)))).toBe(digest);
        expect(digestOf(fromJson(ShopEventSchema, toJson(ShopEventSchema, event)))).toBe(digest);
        expect(eventTypedData({ event, domain })).toEqual(eventTypedData({ event: clone(ShopEventSchema, event), domain }));
      }),
      { numRuns: 200 },
    );
  });

  it("hashing does not modify the event", () => {
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        const before = encodingOf(event);
        digestOf(event);
        eventTypedData({ event, domain });
        expect(encodingOf(event)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it("every part of the domain changes the digest", () => {
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        const digests = [
          digestOf(event),
          hashEvent({ event, domain: otherDomain }),
          hashEvent({ event, domain: { ...domain, chainId: 2 } }),
          hashEvent({ event, domain: { ...domain, verifyingContract: "0x000000000000000000000000000000000000deae" } }),
          hashEvent({ event, domain: { ...domain, name: "MassMarket2" } }),
          hashEvent({ event, domain: { ...domain, version: `${eip712MappingVersion}x` } }),
        ];
        expect(new Set(digests).size).toBe(digests.length);
        // Defaults are the documented name and the mapping version of the generated table.
        expect(hashEvent({ event, domain: { ...domain, name: "MassMarket", version: eip712MappingVersion } })).toBe(digests[0]);
        // A bigint chain id is the same chain as the number.
        expect(hashEvent({ event, domain: { ...domain, chainId: 1n } })).toBe(digests[0]);
      }),
      { numRuns: 30 },
    );
  });
});

describe("injectivity: distinct encodings never share a digest", () => {
  it("over random pairs of events that differ in exactly one field", () => {
    // Two independent random events almost never share an encoding, so such
    // pairs prove little; a pair one field apart is where a mapping that
    // drops or conflates a value would collide.
    const log = new CollisionLog();
    let differing = 0;
    fc.assert(
      fc.property(arbitraries.event, fc.nat(), (a, pick) => {
        const mutants = singleFieldMutants({ schema: ShopEventSchema, message: a });
        const mutant = mutants[pick % mutants.length]!;
        const b = mutant.message;
        const sameEncoding = encodingOf(a) === encodingOf(b);
        expect(log.add(a) === log.add(b), `${mutant.path}: ${mutant.change}`).toBe(sameEncoding);
        if (!sameEncoding) differing++;
        log.pairs++;
      }),
      { numRuns: 1000 },
    );
    expect(log.pairs).toBe(1000);
    // Only reversing a list of equal elements leaves the encoding as it was.
    expect(differing).toBeGreaterThan(1000 * 0.95);
  });

  it("over every single-field mutation of random events", () => {
    const log = new CollisionLog();
    let mutants = 0;
    let unchanged = 0;
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        const original = log.add(event);
        const encoding = encodingOf(event);
        for (const mutant of singleFieldMutants({ schema: ShopEventSchema, message: event })) {
          const digest = log.add(mutant.message);
          const changed = encodingOf(mutant.message) !== encoding;
          if (!changed) unchanged++;
          expect(digest !== original, `${mutant.path}: ${mutant.change}`).toBe(changed);
          mutants++;
        }
        // The mutants are fresh messages: the original is untouched.
        expect(encodingOf(event)).toBe(encoding);
      }),
      { numRuns: 150 },
    );
    expect(mutants).toBeGreaterThan(3000);
    // Only reversing a list of equal elements leaves the encoding as it was.
    expect(unchanged).toBeLessThan(mutants / 20);
  });

  // Named pairs the mapping must keep apart, each as the events to compare.
  const build = (union: unknown) => create(ShopEventSchema, { nonce: 7n, union: union as ShopEvent["union"] });
  const oid = (last: number) => ({ raw: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, last) });
  const u256 = (last: number) => ({ raw: Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? last : 0)) });
  const updateTag = (init: Record<string, unknown>) => build({ case: "updateTag", value: { id: oid(1), ...init } });
  const updateListing = (init: Record<string, unknown>) => build({ case: "updateListing", value: { id: oid(1), ...init } });
  const named: { name: string; events: ShopEvent[] }[] = [
    { name: "optional string: absent, '' and 'x'", events: [updateTag({}), updateTag({ rename: "" }), updateTag({ rename: "x" })] },
    { name: "optional bool: absent, false and true", events: [updateTag({}), updateTag({ delete: false }), updateTag({ delete: true })] },
    { name: "optional enum: absent and UNSPECIFIED (0)", events: [updateListing({}), updateListing({ viewState: 0 })] },
    { name: "singular message: absent and present with defaults", events: [updateListing({}), updateListing({ metadata: {} })] },
    { name: "wrapper message: absent and zero", events: [updateListing({}), updateListing({ price: u256(0) })] },
    { name: "uint256: 0 and 1", events: [updateListing({ price: u256(0) }), updateListing({ price: u256(1) })] },
    { name: "ObjectId: one byte apart", events: [updateListing({ id: oid(1) }), updateListing({ id: oid(2) })] },
    { name: "repeated: [] and [default element]", events: [updateListing({}), updateListing({ removeOptionIds: [oid(0)] })] },
    { name: "repeated: order matters", events: [updateListing({ removeOptionIds: [oid(1), oid(2)] }), updateListing({ removeOptionIds: [oid(2), oid(1)] })] },
    { name: "repeated fields: which list an id is in", events: [updateTag({ addListingIds: [oid(3)] }), updateTag({ removeListingIds: [oid(3)] })] },
    { name: "strings: ['a','b'] vs ['ab'] vs ['a','b','']", events: [updateListing({ metadata: { images: ["a", "b"] } }), updateListing({ metadata: { images: ["ab"] } }), updateListing({ metadata: { images: ["a", "b", ""] } })] },
    { name: "oneof: unset, in_stock false, in_stock true", events: [0, 1, 2].map((k) => updateListing({ stockUpdates: [{ status: [{ case: undefined }, { case: "inStock", value: false }, { case: "inStock", value: true }][k] }] })) },
    { name: "oneof: percentage 0 vs absolute 0 vs none", events: [{ case: undefined }, { case: "percentage", value: u256(0) }, { case: "absolute", value: {} }].map((modification) => build({ case: "manifest", value: { shippingRegions: [{ orderPriceModifiers: [{ modification }] }] } })) },
    { name: "optional string in AddressDetails: absent and ''", events: [undefined, ""].map((phoneNumber) => build({ case: "updateOrder", value: { id: oid(1), action: { case: "setShippingAddress", value: phoneNumber === undefined ? {} : { phoneNumber } } } })) },
    { name: "invoice vs shipping address with equal content", events: ["setInvoiceAddress", "setShippingAddress"].map((c) => build({ case: "updateOrder", value: { id: oid(1), action: { case: c, value: { name: "n" } } } })) },
    { name: "empty actions: cancel vs commit_items", events: ["cancel", "commitItems"].map((c) => build({ case: "updateOrder", value: { id: oid(1), action: { case: c, value: {} } } })) },
    { name: "free-length bytes: absent, empty and one zero byte", events: [undefined, new Uint8Array(0), new Uint8Array(1)].map((raw) => build({ case: "updateOrder", value: { id: oid(1), action: { case: "setPaymentDetails", value: raw === undefined ? {} : { shopSignature: { raw } } } } })) },
    { name: "sint32: -1, 1 and 0", events: [-1, 1, 0].map((diff) => build({ case: "changeInventory", value: { id: oid(1), diff } })) },
    { name: "account: add vs remove of the same data", events: ["add", "remove"].map((c) => build({ case: "account", value: { action: { case: c, value: {} } } })) },
    { name: "timestamp: absent, epoch and one nanosecond", events: [undefined, { seconds: 0n }, { seconds: 0n, nanos: 1 }].map((timestamp) => create(ShopEventSchema, { nonce: 7n, ...(timestamp && { timestamp }), union: { case: "createOrder", value: {} } })) },
  ];

  it.each(named)("$name", ({ events }) => {
    expect(new Set(events.map(encodingOf)).size).toBe(events.length);
    expect(new Set(events.map(digestOf)).size).toBe(events.length);
  });

  it("equal encodings give equal digests: implicit defaults are the same as unset", () => {
    const a = create(ShopEventSchema, { nonce: 0n, union: { case: "tag", value: { name: "", deleted: false, listingIds: [] } } });
    const b = create(ShopEventSchema, { union: { case: "tag", value: {} } });
    expect(encodingOf(a)).toBe(encodingOf(b));
    expect(digestOf(a)).toBe(digestOf(b));
  });
});

describe("sign → recover round trip", () => {
  const privateKey = fc.bigInt({ min: 1n, max: secp256k1.CURVE.n - 1n }).map((k) => numberToHex(k, { size: 32 }));

  it("recovers the signer for random keys and events; other keys and other events do not verify", async () => {
    await fc.assert(
      fc.asyncProperty(privateKey, privateKey, arbitraries.event, async (key, otherKey, event) => {
        fc.pre(key !== otherKey);
        const account = privateKeyToAccount(key);
        const signature = await signEvent({ event, domain, account });
        expect(signature).toMatch(/^0x[0-9a-f]{128}(1b|1c)$/);
        expect(recoverEventSigner({ event, domain, signature })).toBe(account.address);
        expect(verifyEvent({ event, domain, signature, address: account.address })).toBe(true);
        expect(verifyEvent({ event, domain, signature, address: account.address.toLowerCase() as Hex })).toBe(true);
        expect(verifyEvent({ event, domain, signature, address: privateKeyToAccount(otherKey).address })).toBe(false);
        expect(verifyEvent({ event, domain: otherDomain, signature, address: account.address })).toBe(false);
        const mutant = singleFieldMutants({ schema: ShopEventSchema, message: event }).find((m) => encodingOf(m.message) !== encodingOf(event))!;
        expect(verifyEvent({ event: mutant.message, domain, signature, address: account.address })).toBe(false);
      }),
      { numRuns: 25 },
    );
  });
});
