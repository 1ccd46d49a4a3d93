// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a forged event or a wrong-key login meets relay code that forgot an
// `await` or tested a result object for truthiness: `if (!verifyEvent(…))`
// on a Promise, `if (!checkEvent(…))` on an always-truthy object, both let
// the forgery through. Verification results must be plain booleans and the
// policy verdict must not be usable without reading it.
import { describe, expect, it } from "vitest";
import {
  assertEventAccepted,
  checkEvent,
  createNonceTracker,
  recoverAuthChallengeSigner,
  recoverEventSigner,
  signAuthChallenge,
  signEvent,
  verifyAuthChallenge,
  verifyEvent,
} from "../../src/index.js";
import { domain, keycard, otherKeycard, SHOP_ID, tagEvent, WINDOW } from "../wire-helpers/fixtures.js";

describe("a forged signature meets careless relay code", () => {
  it("if (!verifyEvent(…)) refuses an event signed by another key, without any await", async () => {
    const event = tagEvent(1n);
    const forged = await signEvent({ event, domain, account: otherKeycard });
    const result = verifyEvent({ event, domain, signature: forged, address: keycard.address });
    expect(result).toBe(false);
    expect(typeof result).toBe("boolean"); // a Promise here would be truthy: the forgery would pass
    let refused = false;
    if (!verifyEvent({ event, domain, signature: forged, address: keycard.address })) refused = true;
    expect(refused).toBe(true);
    expect(recoverEventSigner({ event, domain, signature: forged })).toBe(otherKeycard.address);
  });

  it("if (!verifyAuthChallenge(…)) refuses a wrong-key login, without any await", async () => {
    const challenge = new Uint8Array(32).fill(7);
    const signature = await signAuthChallenge({ challenge, domain, account: otherKeycard });
    expect(verifyAuthChallenge({ challenge, domain, signature, address: keycard.address })).toBe(false);
    expect(verifyAuthChallenge({ challenge, domain, signature, address: otherKeycard.address })).toBe(true);
    expect(typeof recoverAuthChallengeSigner({ challenge, domain, signature })).toBe("string");
  });

  it("checkEvent's verdict: a refused event yields no nonce tracker to go on with; assertEventAccepted throws", () => {
    const nonces = createNonceTracker({ lastNonces: { [keycard.address]: 9n } });
    const replayed = { event: tagEvent(3n), signer: keycard.address, shopId: SHOP_ID, keycards: [keycard.address], nonces, timestampWindow: WINDOW };
    const verdict = checkEvent(replayed);
    expect(verdict).toMatchObject({ accepted: false, failures: [{ code: "NONCE_NOT_INCREASING" }] });
    expect(verdict.nonces).toBeUndefined();
    expect("ok" in verdict).toBe(false); // the old always-present `ok` flag is gone
    // @ts-expect-error the advanced tracker exists only on an accepted verdict: code must look at `accepted` first
    const next: typeof nonces = verdict.nonces;
    expect(next).toBeUndefined();
    expect(() => assertEventAccepted(replayed)).toThrow(expect.objectContaining({ code: "EVENT_REJECTED" }));
    expect(assertEventAccepted({ ...replayed, event: tagEvent(10n) }).lastNonces).toEqual({ [keycard.address]: "10" });
  });
});
