// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack (or accident): text that does not survive the codec. A name with a
// leading U+FEFF was signed, but protobuf decoders strip the BOM, so the
// event every peer decodes says something else and fails its own signature
// (NON_CANONICAL_ENCODING), which a peer can use to get honest-looking events
// refused. Only strings the codec gives back unchanged are signed or hashed.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { eventTypedData, hashEvent, ShopEventSchema, signEvent } from "../../src/index.js";
import { applyShopEvent } from "../../src/state/apply-shop-event.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import { clerk, oid, type UnionInit } from "../support/shop-fixtures.js";
import { buildScenario } from "../support/shop-scenario.js";
import { thrown } from "../support/thrown.js";
import { domain, keycard, tagEvent } from "../wire-helpers/fixtures.js";

const named = (name: string) => {
  const event = tagEvent(1n);
  if (event.union.case === "tag") event.union.value.name = name;
  return event;
};

describe("strings the codec would not give back unchanged", () => {
  it("a leading byte-order mark is stripped by the decoder", () => {
    const event = named("\uFEFFsale");
    expect(fromBinary(ShopEventSchema, toBinary(ShopEventSchema, event)).union.value).toMatchObject({ name: "sale" });
  });

  it.each([
    ["leading U+FEFF", "\uFEFFsale"],
    ["lone high surrogate", "sale\uD800"],
    ["lone low surrogate", "\uDC00sale"],
  ])("%s is refused at hashing, typed data and signing, naming the field", async (_what, name) => {
    const event = named(name);
    for (const run of [() => hashEvent({ event, domain }), () => eventTypedData({ event, domain })]) {
      expect(thrown(run)).toMatchObject({ code: "WRONG_TYPE", path: "event.tag.name" });
    }
    await expect(signEvent({ event, domain, account: keycard })).rejects.toMatchObject({ code: "WRONG_TYPE", path: "event.tag.name" });
  });

  it("inside atomic wrappers too (IPFSAddress.cid), and a BOM elsewhere in the text is fine", () => {
    const event = create(ShopEventSchema, {
      nonce: 1n,
      shopId: { raw: new Uint8Array(32) },
      union: { case: "updateOrder", value: { id: { raw: new Uint8Array(8) }, action: { case: "setPaymentDetails", value: { paymentId: { raw: new Uint8Array(32) }, total: { raw: new Uint8Array(32) }, listingHashes: [{ cid: "\uFEFFcid" }], ttl: "1", shopSignature: { raw: new Uint8Array(65) } } } } },
    });
    expect(thrown(() => hashEvent({ event, domain }))).toMatchObject({ code: "WRONG_TYPE", path: expect.stringContaining("listing_hashes[0].cid") });
    expect(hashEvent({ event: named("sale\uFEFF"), domain })).toMatch(/^0x[0-9a-f]{64}$/);
  });

  // A hand-built event never passes the codec, so the shop rules refuse such text themselves: a fold in
  // another language cannot hold a lone surrogate at all, and `JSON.stringify` would write it as `\ud800`.
  it.each<[string, string, UnionInit, string]>([
    ["tag name", "sale\uD800", { case: "tag", value: { id: oid(300), name: "sale\uD800" } }, "event.tag.name"],
    ["variation title", "\uDC00", { case: "updateListing", value: { id: oid(2), addVariations: [{ optionId: oid(10), variation: { id: oid(14), variationInfo: { title: "\uDC00" } } }] } }, "event.update_listing.add_variations[0].variation.variation_info.title"],
  ])("a %s with a lone surrogate in a hand-built event is refused by the shop rules, never written to a snapshot", (_what, _text, union, path) => {
    const { log, state } = buildScenario();
    const entry = log.next(clerk, union);
    expect(thrown(() => applyShopEvent({ state, ...entry }))).toMatchObject({ reason: "FIELD_INVALID", path });
    expect(shopStateToJSON({ state })).not.toMatch(/\\ud[89a-f]/);
  });
});

