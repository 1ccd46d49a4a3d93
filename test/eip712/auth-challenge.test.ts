// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A login challenge is signed as its own primary type (AuthChallenge), so a
// challenge signature never passes as an event signature and back, even when
// the challenge bytes are exactly the bytes of an encoded event.
import { toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import {
  authChallengeTypedData,
  hashAuthChallenge,
  hashEvent,
  isFieldValueError,
  recoverAuthChallengeSigner,
  recoverEventSigner,
  signAuthChallenge,
  signEvent,
  verifyAuthChallenge,
  verifyEvent,
} from "../../src/index.js";
import { arbitraries } from "../support/arbitraries.js";
import { domain, otherDomain, testAccount } from "./fixtures.js";

describe("auth challenge vs event signatures", () => {
  it("digests differ even when the challenge is the event's own encoding", () => {
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        const challenge = toBinary(ShopEventSchema, event);
        fc.pre(challenge.length > 0);
        expect(hashAuthChallenge({ challenge, domain })).not.toBe(hashEvent({ event, domain }));
      }),
      { numRuns: 200 },
    );
  });

  it("a challenge signature does not verify as the event, nor an event signature as the challenge", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraries.event, async (event) => {
        const challenge = toBinary(ShopEventSchema, event);
        fc.pre(challenge.length > 0);
        const address = testAccount.address;
        const challengeSignature = await signAuthChallenge({ challenge, domain, account: testAccount });
        const eventSignature = await signEvent({ event, domain, account: testAccount });
        expect(challengeSignature).not.toBe(eventSignature);

        expect(verifyAuthChallenge({ challenge, domain, signature: challengeSignature, address })).toBe(true);
        expect(verifyEvent({ event, domain, signature: eventSignature, address })).toBe(true);

        expect(verifyEvent({ event, domain, signature: challengeSignature, address })).toBe(false);
        expect(verifyAuthChallenge({ challenge, domain, signature: eventSignature, address })).toBe(false);
        expect(recoverEventSigner({ event, domain, signature: challengeSignature })).not.toBe(address);
        expect(recoverAuthChallengeSigner({ challenge, domain, signature: eventSignature })).not.toBe(address);
      }),
      { numRuns: 15 },
    );
  });

  it("a challenge signature is bound to its domain", async () => {
    const challenge = new Uint8Array(32).fill(7);
    const signature = await signAuthChallenge({ challenge, domain, account: testAccount });
    expect(recoverAuthChallengeSigner({ challenge, domain, signature })).toBe(testAccount.address);
    expect(verifyAuthChallenge({ challenge, domain: otherDomain, signature, address: testAccount.address })).toBe(false);
  });

  it("the challenge is typed data with primary type AuthChallenge and the bytes as hex", () => {
    const typedData = authChallengeTypedData({ challenge: Uint8Array.of(1, 2, 255), domain });
    expect(typedData.primaryType).toBe("AuthChallenge");
    expect(typedData.message).toEqual({ challenge: "0x0102ff" });
    expect(Object.keys(typedData.types).sort()).toEqual(["AuthChallenge", "EIP712Domain"]);
  });

  it("refuses an empty or non-byte challenge with a FieldValueError at `challenge`", () => {
    for (const challenge of [new Uint8Array(0), "0x01" as unknown as Uint8Array, undefined as unknown as Uint8Array]) {
      let error: unknown;
      try {
        hashAuthChallenge({ challenge, domain });
      } catch (e) {
        error = e;
      }
      expect(isFieldValueError(error)).toBe(true);
      expect(error).toMatchObject({ path: "challenge" });
    }
  });
});
