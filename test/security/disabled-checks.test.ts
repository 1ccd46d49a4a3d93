// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack on the caller: an option value that quietly switches a check off.
// `assertBatchSize({ limit: NaN })` let every batch through, `lastNonce:
// undefined` (a missing map entry) skipped the nonce check, and a `domain`
// given with `scheme: "eip191"` was ignored without a word. Every such value
// is now refused, or the check is made explicit in the type.
import { describe, expect, it } from "vitest";
import {
  assertBatchSize,
  checkEvent,
  createNonceTracker,
  createSignedEvent,
  decodeEnvelope,
  eventHashingCost,
  openSignedEvent,
  ShopEventSchema,
  signEvent,
  signEventBytes,
} from "../../src/index.js";
import { toBinary } from "@bufbuild/protobuf";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { createShopState, verifyShopEvent, verifyShopLog } from "../../src/state.js";
import { context } from "../support/shop-fixtures.js";
import { thrown } from "../support/thrown.js";
import { domain, keycard, SHOP_ID, tagEvent, WINDOW } from "../wire-helpers/fixtures.js";

describe("options that would switch a check off", () => {
  // verifyShopEvent took a hashingBudget and keycards (its type allowed them) and
  // opened the event without them: a relay's tighter budget was silently the default.
  it("verifyShopEvent and verifyShopLog hand every opening option on to openSignedEvent", async () => {
    const event = tagEvent(1n);
    const signedEvent = toBinary(SignedEventSchema, createSignedEvent({ event, signature: await signEvent({ event, domain, account: keycard }) }));
    const state = createShopState({ context });
    const tight = { maxKeccakCalls: 1 };
    expect(thrown(() => verifyShopEvent({ state, signedEvent, domain, hashingBudget: tight }))).toMatchObject({ name: "HashingBudgetError" });
    expect(thrown(() => verifyShopLog({ state, signedEvents: [signedEvent], domain, hashingBudget: tight }))).toMatchObject({ name: "HashingBudgetError" });
    const junk = ["not a KeycardSet"] as never;
    expect(thrown(() => verifyShopEvent({ state, signedEvent, domain, keycards: junk }))).toMatchObject({ code: "WRONG_TYPE", path: "keycards" });
    expect(thrown(() => verifyShopLog({ state, signedEvents: [signedEvent], domain, keycards: junk }))).toMatchObject({ code: "WRONG_TYPE", path: "keycards" });
  });

  it("assertBatchSize refuses NaN, Infinity, 0 and non-numbers as a limit", () => {
    const items = Array.from({ length: 1000 }, () => ({}));
    for (const limit of [Number.NaN, Number.POSITIVE_INFINITY, 0, -5, "64"]) {
      expect(thrown(() => assertBatchSize({ items, limit: limit as number })), String(limit)).toMatchObject({ code: "OUT_OF_RANGE", path: "limit" });
    }
    expect(thrown(() => assertBatchSize({ items }))).toMatchObject({ code: "BATCH_TOO_LARGE" });
  });

  it("checkEvent has no nonce value that skips the check: nonces is required and the old lastNonce is refused", () => {
    const base = { event: tagEvent(1n), signer: keycard.address, shopId: SHOP_ID, keycards: [keycard.address], timestampWindow: WINDOW };
    expect(thrown(() => checkEvent({ ...base, lastNonce: undefined } as never))).toMatchObject({ code: "WRONG_TYPE", path: "nonces" });
    expect(thrown(() => checkEvent({ ...base, nonces: createNonceTracker({}), lastNonce: 5n } as never))).toMatchObject({ path: "lastNonce" });
    const seen = createNonceTracker({ lastNonces: { [keycard.address]: 1n } });
    expect(checkEvent({ ...base, nonces: seen }).failures.map((f) => f.code)).toEqual(["NONCE_NOT_INCREASING"]);
  });

  it('openSignedEvent refuses a domain with scheme "eip191" (it would not be checked)', async () => {
    const eventBytes = toBinary(ShopEventSchema, tagEvent(1n));
    const signedEvent = createSignedEvent({ event: eventBytes, signature: await signEventBytes({ eventBytes, account: keycard }) });
    expect(thrown(() => openSignedEvent({ signedEvent, scheme: "eip191", domain } as never))).toMatchObject({ code: "WRONG_TYPE", path: "domain" });
    expect(openSignedEvent({ signedEvent, scheme: "eip191" }).signer).toBe(keycard.address);
  });

  it("size and cost limits refuse NaN and Infinity too", () => {
    const eventBytes = toBinary(ShopEventSchema, tagEvent(1n));
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(thrown(() => eventHashingCost({ eventBytes, budget: { maxKeccakCalls: bad } }))).toMatchObject({ code: "OUT_OF_RANGE" });
      expect(thrown(() => decodeEnvelope({ bytes: new Uint8Array(0), maxItems: bad }))).toMatchObject({ code: "OUT_OF_RANGE" });
      expect(thrown(() => decodeEnvelope({ bytes: new Uint8Array(0), maxBytes: bad }))).toMatchObject({ code: "OUT_OF_RANGE" });
    }
  });
});
