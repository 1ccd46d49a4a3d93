// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a keycard (or anyone holding its old frames) replays signed events:
// the same event twice in one batch, a lower nonce after a higher one in the
// same batch, or an old event in a later batch. The relay must accept each
// nonce of a keycard once, in increasing order.
import { describe, expect, it } from "vitest";
import {
  advanceNonce,
  createEventWriteRequest,
  createKeycardSet,
  createNonceTracker,
  createRequestEnvelope,
  decodeEnvelope,
  encodeEnvelope,
  isEventRejectedError,
  isFieldValueError,
  lastNonce,
  matchResponse,
  type NonceTracker,
  type SignedEvent,
} from "../../src/index.js";
import { keycard as exampleKeycard } from "../../examples/client-side.js";
import { buildWriteFrame, handleFrame, type ShopState } from "../../examples/frames-by-hand.js";
import { keycard, otherKeycard } from "../wire-helpers/fixtures.js";
import { thrown } from "../support/thrown.js";

/** Feeds a batch through the tracker event by event; returns the new tracker, or the refusal. */
function acceptBatch(nonces: NonceTracker, batch: readonly { signer: string; nonce: bigint }[]): NonceTracker {
  let next = nonces;
  for (const { signer, nonce } of batch) next = advanceNonce({ nonces: next, signer, nonce });
  return next;
}

describe("replayed nonces against the nonce tracker", () => {
  const empty = createNonceTracker({});

  it("refuses the same event twice in one batch: [e, e]", () => {
    const error = thrown(() => acceptBatch(empty, [{ signer: keycard.address, nonce: 1n }, { signer: keycard.address, nonce: 1n }]));
    expect(isEventRejectedError(error) && error.failures.map((f) => f.code)).toEqual(["NONCE_NOT_INCREASING"]);
  });

  it("refuses a nonce rolled back within one batch: [5, 3], and the stored nonce stays where it was", () => {
    const before = createNonceTracker({ lastNonces: { [keycard.address]: 2n } });
    expect(() => acceptBatch(before, [{ signer: keycard.address, nonce: 5n }, { signer: keycard.address, nonce: 3n }])).toThrow(/NONCE_NOT_INCREASING/);
    expect(lastNonce({ nonces: before, signer: keycard.address })).toBe(2n);
  });

  it("refuses a replay in a later batch, whatever the case of the address", () => {
    const after = acceptBatch(empty, [{ signer: keycard.address, nonce: 7n }]);
    expect(() => acceptBatch(after, [{ signer: keycard.address.toLowerCase(), nonce: 7n }])).toThrow(/NONCE_NOT_INCREASING/);
    const error = thrown(() => acceptBatch(after, [{ signer: keycard.address, nonce: 6n }]));
    expect(isEventRejectedError(error) && error.failures[0]?.message).toBe("nonce 6 is not greater than the last accepted nonce 7");
  });

  it("keeps keycards apart and accepts increasing nonces, also interleaved", () => {
    const after = acceptBatch(empty, [
      { signer: keycard.address, nonce: 1n },
      { signer: otherKeycard.address, nonce: 1n },
      { signer: keycard.address, nonce: 2n },
    ]);
    expect(lastNonce({ nonces: after, signer: keycard.address })).toBe(2n);
    expect(lastNonce({ nonces: after, signer: otherKeycard.address })).toBe(1n);
    expect(lastNonce({ nonces: empty, signer: keycard.address })).toBeNull();
  });

  it("is plain data: survives JSON and structuredClone, and is never changed in place", () => {
    const after = acceptBatch(empty, [{ signer: keycard.address, nonce: 2n ** 64n - 2n }]);
    const restored = createNonceTracker(JSON.parse(JSON.stringify(after)));
    expect(restored).toEqual(after);
    expect(structuredClone(after)).toEqual(after);
    expect(() => advanceNonce({ nonces: restored, signer: keycard.address, nonce: 2n ** 64n - 2n })).toThrow(/NONCE_NOT_INCREASING/);
    expect(empty.lastNonces).toEqual({});
  });

  it("refuses a hand-edited tracker rather than skipping the check", () => {
    for (const lastNonces of [{ [keycard.address]: "-1" }, { [keycard.address]: "1.5" }, { [keycard.address]: 3 }, { nope: "1" }, { [keycard.address]: (2n ** 64n).toString() }]) {
      expect(isFieldValueError(thrown(() => createNonceTracker({ lastNonces: lastNonces as never })))).toBe(true);
    }
    const forged = { lastNonces: { [keycard.address]: "oops" } } as unknown as NonceTracker;
    expect(isFieldValueError(thrown(() => advanceNonce({ nonces: forged, signer: keycard.address, nonce: 1n })))).toBe(true);
    expect(isFieldValueError(thrown(() => advanceNonce({ nonces: undefined as never, signer: keycard.address, nonce: 1n })))).toBe(true);
    expect(isFieldValueError(thrown(() => createNonceTracker({ lastNonces: { [keycard.address]: 1n, [keycard.address.toLowerCase()]: 2n } })))).toBe(true);
  });
});

describe("replayed events against the README's relay (examples/relay-side.ts)", () => {
  const shop = (): ShopState => ({
    shopId: 23n,
    domain: { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" },
    keycards: createKeycardSet({ keycards: [exampleKeycard.address] }),
    nonces: createNonceTracker({}),
    log: [],
  });
  const signed = async (nonce: bigint): Promise<SignedEvent> => {
    const { request } = await buildWriteFrame({ account: exampleKeycard, nonce });
    if (request.message.case !== "eventWriteRequest") throw new Error("unexpected request");
    return request.message.value.events[0]!;
  };
  /** The hostile client's frame: any batch of signed events. */
  const send = (state: ShopState, events: SignedEvent[]) => {
    const request = createRequestEnvelope({ request: { case: "eventWriteRequest", value: createEventWriteRequest({ events }) } });
    return () => matchResponse({ request, response: decodeEnvelope({ bytes: handleFrame({ frame: encodeEnvelope({ envelope: request }), shop: state }) }) });
  };

  it("refuses [e, e]: the same event twice in one batch, storing nothing", async () => {
    const state = shop();
    const e = await signed(1n);
    expect(send(state, [e, e])).toThrow(/NONCE_NOT_INCREASING: nonce 1 is not greater than the last accepted nonce 1/);
    expect(state.log).toEqual([]);
    expect(lastNonce({ nonces: state.nonces, signer: exampleKeycard.address })).toBeNull();
  });

  it("refuses [nonce 5, nonce 3] and keeps the stored nonce where it was", async () => {
    const state = shop();
    expect(send(state, [await signed(2n)])).not.toThrow();
    expect(send(state, [await signed(5n), await signed(3n)])).toThrow(/NONCE_NOT_INCREASING/);
    expect(lastNonce({ nonces: state.nonces, signer: exampleKeycard.address })).toBe(2n);
    expect(state.log).toHaveLength(1);
  });

  it("refuses a replay in a later batch, and keeps SignedEvents it can push on", async () => {
    const state = shop();
    const first = await signed(1n);
    expect(send(state, [first, await signed(2n)])).not.toThrow();
    expect(send(state, [first])).toThrow(/NONCE_NOT_INCREASING/);
    expect(state.log.map((e) => e.$typeName)).toEqual(["market.mass.SignedEvent", "market.mass.SignedEvent"]);
    expect(state.log[0]!.event!.value).toEqual(first.event!.value);
    expect(state.log[0]!.signature!.raw).toEqual(first.signature!.raw);
  });
});
