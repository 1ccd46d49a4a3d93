// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a relay opens events with the shop's whole KeycardSet, and the shop
// has many keycards (every customer enrolls one). A hostile client signs with
// keys the set does not hold, or rotates among enrolled ones. openSignedEvent
// used to check the signature against every public key in the set before
// recovering: 1,000 keycards, 1,000 point multiplications and a table each
// per event. Now it checks one public key at most (the set's first: a relay
// puts the session's keycard first), then recovers once: the work per event
// does not grow with the shop, and tables go only to keycards that sign often.
import { toBinary } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createKeycardSet, createSignedEvent, openSignedEvent, selectSecp256k1Path, SignedEventSchema, signEvent } from "../../src/index.js";
import { KNOWN_KEY_BUILD_AFTER } from "../../src/signature/known-key-cache.js";
import { domain, tagEvent } from "../wire-helpers/fixtures.js";

const SHOP_KEYCARDS = 1000;
// Deterministic keys: private key i + 1.
const privateKeys = Array.from({ length: SHOP_KEYCARDS }, (_, i) => `0x${(BigInt(i) + 1n).toString(16).padStart(64, "0")}` as const);
const keycards = createKeycardSet({ keycards: privateKeys.map((key) => secp256k1.getPublicKey(key.slice(2), false)) });

async function signedBy(privateKey: `0x${string}`, nonce: bigint): Promise<Uint8Array> {
  const event = tagEvent(nonce);
  return toBinary(SignedEventSchema, createSignedEvent({ event, signature: await signEvent({ event, domain, account: privateKeyToAccount(privateKey) }) }));
}

/** Opens `signedEvent` with the shop's set, counting the tables built and the constant-time multiplications (the key checks' own). */
function openCounting(signedEvent: Uint8Array) {
  const tables = vi.spyOn(secp256k1.utils, "precompute");
  const multiplications = vi.spyOn(secp256k1.ProjectivePoint.prototype, "multiply");
  const { signer } = openSignedEvent({ signedEvent, domain, keycards });
  const counts = { signer, tables: tables.mock.calls.length, multiplications: multiplications.mock.calls.length };
  vi.restoreAllMocks();
  return counts;
}

afterEach(() => vi.restoreAllMocks());
// Key checks and tables belong to the @noble/curves path (where WebAssembly is refused); on WebAssembly there are none.
beforeAll(async () => {
  await selectSecp256k1Path({ path: "js" });
});
afterAll(async () => {
  await selectSecp256k1Path({ path: "wasm" });
});

describe("a hostile client against a relay holding a shop of 1,000 keycards", () => {
  it("costs one key check and one recovery per event signed outside the set, and one table in all", async () => {
    let tables = 0;
    for (let nonce = 1n; nonce <= 10n; nonce++) {
      const outsider = bytesToHex(secp256k1.utils.randomPrivateKey());
      const opened = openCounting(await signedBy(outsider, nonce));
      expect(opened.signer).toBe(privateKeyToAccount(outsider).address);
      // One check (G·u1 and Q·u2), one recovery's, and one more the first time the table is built.
      // The thousand other keys are never touched (the old loop made 2 per key).
      expect(opened.multiplications).toBeLessThanOrEqual(3 + opened.tables);
      tables += opened.tables;
    }
    expect(tables).toBeLessThanOrEqual(1);
  });

  it("costs the same while the signers rotate through the whole shop", async () => {
    let tables = 0;
    for (let i = 1; i <= 30; i++) {
      const privateKey = privateKeys[(i * 37) % SHOP_KEYCARDS] as `0x${string}`;
      const opened = openCounting(await signedBy(privateKey, BigInt(i)));
      expect(opened.signer).toBe(privateKeyToAccount(privateKey).address);
      expect(opened.multiplications).toBeLessThanOrEqual(3 + opened.tables);
      tables += opened.tables;
    }
    expect(tables).toBeLessThanOrEqual(1);
  });

  it(`still takes the cheap path for the keycard a relay puts first, its session's, once it signed ${KNOWN_KEY_BUILD_AFTER} events`, async () => {
    const session = privateKeys[777] as `0x${string}`;
    const sessionSet = createKeycardSet({ keycards: [secp256k1.getPublicKey(session.slice(2), false)] });
    const recoveries = vi.spyOn(secp256k1.Signature.prototype, "recoverPublicKey");
    for (let nonce = 1n; nonce <= BigInt(KNOWN_KEY_BUILD_AFTER + 6); nonce++) {
      expect(openSignedEvent({ signedEvent: await signedBy(session, nonce), domain, keycards: sessionSet }).signer).toBe(privateKeyToAccount(session).address);
    }
    // The first events pay for nothing they may not repay; the rest are checked against the session's table.
    expect(recoveries).toHaveBeenCalledTimes(KNOWN_KEY_BUILD_AFTER);
    expect(openSignedEvent({ signedEvent: await signedBy(session, 99n), domain }).signer).toBe(privateKeyToAccount(session).address);
    expect(recoveries).toHaveBeenCalledTimes(KNOWN_KEY_BUILD_AFTER + 1);
  });
});
