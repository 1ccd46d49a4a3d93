// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a relay opens events with the shop's whole KeycardSet (as the docs
// suggested), and the shop has many keycards: every customer enrolls one. A
// hostile client signs with keys the set does not hold, or rotates among
// enrolled ones. Checking keycards by public key used to try every key in the
// set before recovering: work per event grew with the shop (1,000 keycards,
// 1,000 point multiplications), and each tried key kept a table of its own.
// Now at most MAX_KNOWN_KEY_CHECKS keys are tried (the last signers), then
// recovery runs once; only those keys hold a table.
import { toBinary } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { createKeycardSet, createSignedEvent, openSignedEvent, SignedEventSchema, signEvent } from "../../src/index.js";
import { MAX_KNOWN_KEY_CHECKS } from "../../src/signature/known-signer.js";
import { knownKeys } from "../../src/wire/keycard-keys.js";
import { domain, tagEvent } from "../wire-helpers/fixtures.js";

const SHOP_KEYCARDS = 1000;
// Deterministic keys: private key i + 1, public keys from @noble/curves.
const privateKeys = Array.from({ length: SHOP_KEYCARDS }, (_, i) => `0x${(BigInt(i) + 1n).toString(16).padStart(64, "0")}` as const);
const keycards = createKeycardSet({ keycards: privateKeys.map((key) => secp256k1.getPublicKey(key.slice(2), false)) });
const known = knownKeys(keycards);
const tables = () => [...known.byAddress.values()].filter((key) => key.table !== undefined).length;

async function signedBy(privateKey: `0x${string}`, nonce: bigint): Promise<Uint8Array> {
  const event = tagEvent(nonce);
  return toBinary(SignedEventSchema, createSignedEvent({ event, signature: await signEvent({ event, domain, account: privateKeyToAccount(privateKey) }) }));
}

describe("a hostile client against a relay holding a shop of 1,000 keycards", () => {
  it("checks at most a couple of keys per event when the signer is outside the set", async () => {
    const outsider = bytesToHex(secp256k1.utils.randomPrivateKey());
    for (let nonce = 1n; nonce <= 20n; nonce++) {
      const signedEvent = await signedBy(outsider, nonce);
      expect(openSignedEvent({ signedEvent, domain, keycards }).signer).toBe(privateKeyToAccount(outsider).address);
      // A key checked gets a table: only the first few ever did, not the thousand.
      expect(tables()).toBeLessThanOrEqual(MAX_KNOWN_KEY_CHECKS);
    }
    expect(MAX_KNOWN_KEY_CHECKS).toBeLessThanOrEqual(2);
  });

  it("keeps at most a couple of tables while signers rotate through the whole shop", async () => {
    for (let i = 0; i < 60; i++) {
      const privateKey = privateKeys[(i * 37) % SHOP_KEYCARDS] as `0x${string}`;
      const signedEvent = await signedBy(privateKey, BigInt(i + 1));
      expect(openSignedEvent({ signedEvent, domain, keycards }).signer).toBe(privateKeyToAccount(privateKey).address);
      expect(tables()).toBeLessThanOrEqual(MAX_KNOWN_KEY_CHECKS);
    }
  });

  it("still takes the cheap path for a session's stream: the keycard that signed last is checked first", async () => {
    const privateKey = privateKeys[777] as `0x${string}`;
    const address = privateKeyToAccount(privateKey).address;
    expect(openSignedEvent({ signedEvent: await signedBy(privateKey, 1n), domain, keycards }).signer).toBe(address);
    expect(known.recent[0]?.address).toBe(address);
    // The next event of the stream is matched by its table, before any recovery.
    expect(openSignedEvent({ signedEvent: await signedBy(privateKey, 2n), domain, keycards }).signer).toBe(address);
    expect(known.recent[0]?.table).toBeDefined();
    expect(keycards.addresses).toHaveLength(SHOP_KEYCARDS);
  });
});
