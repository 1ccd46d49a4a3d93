// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Signing, verification and the strictness rules, in real Chromium: what a
// client in a web page does with a keycard key.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { type Hex, hexToBytes, numberToBytes, toHex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import {
  type EventDomain,
  eventTypedData,
  hashEvent,
  isSignatureError,
  isUnknownFieldsError,
  recoverEventSigner,
  type ShopEvent,
  ShopEventSchema,
  signEvent,
  verifyEvent,
} from "../../src/index.js";

const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
const uint256 = (value: bigint) => ({ raw: numberToBytes(value, { size: 32 }) });
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function listingEvent(nonce: bigint): ShopEvent {
  return create(ShopEventSchema, {
    nonce,
    shopId: uint256(23n),
    timestamp: { seconds: 1_700_000_000n, nanos: 0 },
    union: {
      case: "listing",
      value: { id: { raw: hexToBytes("0x0000000000000001") }, price: uint256(1_500_000n), metadata: { title: "T-shirt", description: "cotton", images: [] } },
    },
  });
}

function caught(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return error;
  }
}

describe("signing in the browser", () => {
  it("runs in Chromium, not Node", () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    expect(typeof window.document).toBe("object");
  });

  it("signs with a viem local account; the signature verifies and recovers after an encode/decode round trip", async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const event = listingEvent(1n);
    const signature = await signEvent({ event, domain, account });
    expect(signature).toMatch(/^0x[0-9a-f]{130}$/);

    const received = fromBinary(ShopEventSchema, toBinary(ShopEventSchema, event));
    expect(recoverEventSigner({ event: received, domain, signature })).toBe(account.address);
    expect(verifyEvent({ event: received, domain, signature, address: account.address })).toBe(true);
  });

  it("produces the signature viem's signTypedData makes over the same typed data", async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const event = listingEvent(2n);
    const typedData = eventTypedData({ event, domain });
    const viaViem = await account.signTypedData(typedData as Parameters<typeof account.signTypedData>[0]);
    expect(await signEvent({ event, domain, account })).toBe(viaViem);
  });

  it("does not verify another key's signature, another event or another domain", async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const other = privateKeyToAccount(generatePrivateKey());
    const event = listingEvent(3n);
    const signature = await signEvent({ event, domain, account });
    expect(verifyEvent({ event, domain, signature, address: other.address })).toBe(false);
    expect(verifyEvent({ event: listingEvent(4n), domain, signature, address: account.address })).toBe(false);
    expect(verifyEvent({ event, domain: { ...domain, chainId: 10 }, signature, address: account.address })).toBe(false);
  });

  it("refuses the high-s twin of a valid signature", async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const event = listingEvent(5n);
    const signature = hexToBytes(await signEvent({ event, domain, account }));
    const s = BigInt(toHex(signature.subarray(32, 64)));
    const twin = new Uint8Array(signature);
    twin.set(numberToBytes(SECP256K1_N - s, { size: 32 }), 32);
    twin[64] = signature[64] === 27 ? 28 : 27;
    const error = caught(() => verifyEvent({ event, domain, signature: toHex(twin) as Hex, address: account.address }));
    expect(isSignatureError(error)).toBe(true);
  });

  it("refuses an event carrying a field unknown to the schema", async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const event = listingEvent(6n);
    const signature = await signEvent({ event, domain, account });
    // Field 99, varint 1, appended as a newer peer (or an attacker) would.
    const bytes = new Uint8Array([...toBinary(ShopEventSchema, event), 0x98, 0x06, 0x01]);
    const tampered = fromBinary(ShopEventSchema, bytes);

    const hashError = caught(() => hashEvent({ event: tampered, domain }));
    expect(isUnknownFieldsError(hashError)).toBe(true);
    expect((hashError as { fieldNumbers: readonly number[] }).fieldNumbers).toEqual([99]);
    expect(isUnknownFieldsError(await signEvent({ event: tampered, domain, account }).catch((e: unknown) => e))).toBe(true);
    expect(isUnknownFieldsError(caught(() => verifyEvent({ event: tampered, domain, signature, address: account.address })))).toBe(true);
  });
});
