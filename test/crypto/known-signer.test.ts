// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// openSignedEvent with a keycard set checks the signature against keycards
// known by public key before recovering: the signer it names must always be
// the one recovery names, including for signatures made to look like a
// keycard's (flipped recovery bit, another key, random r and s).
import { toBinary } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import fc from "fast-check";
import { bytesToHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { createKeycardSet, createSignedEvent, isFieldValueError, openSignedEvent, parseSignature, recoverDigestSigner, SignedEventSchema, signEvent } from "../../src/index.js";
import { findKnownSigner, type KnownKey } from "../../src/signature/known-signer.js";
import { domain, fixtures } from "../../bench/fixtures.js";

const key = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((bytes) => secp256k1.utils.isValidPrivateKey(bytes));
const digest = fc.uint8Array({ minLength: 32, maxLength: 32 });

function recovered(message: Uint8Array, signature: Uint8Array): string | undefined {
  try {
    return recoverDigestSigner({ digest: message, signature: parseSignature({ signature }) });
  } catch {
    return undefined;
  }
}

function signed(message: Uint8Array, privateKey: Uint8Array): Uint8Array {
  const signature = secp256k1.sign(message, privateKey);
  return new Uint8Array([...signature.toCompactRawBytes(), 27 + signature.recovery]);
}

const keyOf = (privateKey: Uint8Array): KnownKey => ({ address: privateKeyToAccount(bytesToHex(privateKey)).address, publicKey: secp256k1.getPublicKey(privateKey, false) });

describe("findKnownSigner", () => {
  it("names the signer when the key is the signer's, as recovery does", () => {
    fc.assert(
      fc.property(key, digest, (signer, message) => {
        const signature = signed(message, signer);
        const found = findKnownSigner(message, parseSignature({ signature }), keyOf(signer));
        expect(found).toBe(recovered(message, signature));
        expect(found).toBe(privateKeyToAccount(bytesToHex(signer)).address);
      }),
      { numRuns: 40 },
    );
  });

  it("names nobody for a signature by another key", () => {
    fc.assert(
      fc.property(key, key, digest, (signer, other, message) => {
        fc.pre(bytesToHex(other) !== bytesToHex(signer));
        expect(findKnownSigner(message, parseSignature({ signature: signed(message, signer) }), keyOf(other))).toBeUndefined();
      }),
      { numRuns: 30 },
    );
  });

  it("names nobody when the recovery bit is flipped: recovery then names another key", () => {
    fc.assert(
      fc.property(key, digest, (signer, message) => {
        const signature = signed(message, signer);
        signature[64] = signature[64] === 27 ? 28 : 27;
        expect(findKnownSigner(message, parseSignature({ signature }), keyOf(signer))).toBeUndefined();
        expect(recovered(message, signature)).not.toBe(privateKeyToAccount(bytesToHex(signer)).address);
      }),
      { numRuns: 30 },
    );
  });

  it("agrees with recovery on random r and s", () => {
    const n = secp256k1.CURVE.n;
    fc.assert(
      fc.property(key, digest, fc.bigInt({ min: 1n, max: n - 1n }), fc.bigInt({ min: 1n, max: n >> 1n }), fc.boolean(), (candidate, message, r, s, odd) => {
        const signature = new Uint8Array(65);
        signature.set(secp256k1.Signature.fromCompact(`${r.toString(16).padStart(64, "0")}${s.toString(16).padStart(64, "0")}`).toCompactRawBytes());
        signature[64] = odd ? 28 : 27;
        const found = findKnownSigner(message, parseSignature({ signature }), keyOf(candidate));
        if (found !== undefined) expect(found).toBe(recovered(message, signature));
      }),
      { numRuns: 40 },
    );
  });
});

describe("openSignedEvent with keycards", () => {
  const account = privateKeyToAccount("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
  const other = privateKeyToAccount("0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f");

  it("opens every fixture to the same signer as without keycards, and keeps the set's address order", async () => {
    const keycards = createKeycardSet({ keycards: [other.publicKey, other.address, account.publicKey] });
    const order = [...keycards.addresses];
    for (const { event } of fixtures) {
      const signedEvent = toBinary(SignedEventSchema, createSignedEvent({ event, signature: await signEvent({ event, domain, account }) }));
      expect(openSignedEvent({ signedEvent, domain, keycards }).signer).toBe(account.address);
      expect(openSignedEvent({ signedEvent, domain }).signer).toBe(account.address);
      // A signer outside the set is still named (membership is checkEvent's job).
      const outsider = createKeycardSet({ keycards: [other.publicKey] });
      expect(openSignedEvent({ signedEvent, domain, keycards: outsider }).signer).toBe(account.address);
    }
    expect(keycards.addresses).toEqual(order);
  });

  it("refuses keycards that are not a KeycardSet", async () => {
    const { event } = fixtures[2]!;
    const signedEvent = toBinary(SignedEventSchema, createSignedEvent({ event, signature: await signEvent({ event, domain, account }) }));
    const attempt = () => openSignedEvent({ signedEvent, domain, keycards: [account.publicKey] as unknown as ReturnType<typeof createKeycardSet> });
    expect(attempt).toThrow(expect.objectContaining({ code: "WRONG_TYPE", path: "keycards" }));
    try {
      attempt();
    } catch (error) {
      expect(isFieldValueError(error)).toBe(true);
    }
  });
});


describe("@noble/curves ≥ 1.9.7, as findKnownSigner relies on it", () => {
  // findKnownSigner multiplies with multiply(), never multiplyUnsafe(): before 1.9.7,
  // multiplyUnsafe on a point with a precomputed table gave a different (wrong) point.
  const { ProjectivePoint: Point } = secp256k1;
  const scalar = 0x7fffffffffffffffffffffffffffffff12345678901234567890123456789n;

  it("multiply on a precomputed point equals multiply on a plain one", () => {
    const publicKey = secp256k1.getPublicKey(new Uint8Array(32).fill(1), false);
    const table = secp256k1.utils.precompute(4, Point.fromHex(publicKey));
    expect(table.multiply(scalar).equals(Point.fromHex(publicKey).multiply(scalar))).toBe(true);
    expect(Point.BASE.multiply(scalar).equals(Point.fromHex(Point.BASE.toRawBytes()).multiply(scalar))).toBe(true);
  });

  it("is the fixed release: multiplyUnsafe on a precomputed point is right too (1.9.1 returned a wrong point)", () => {
    expect(Point.BASE.multiplyUnsafe(scalar).equals(Point.BASE.multiply(scalar))).toBe(true);
  });
});
