// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Value builders and their inverses: exact lengths and ranges checked where the value is built.
import { create } from "@bufbuild/protobuf";
import { timestampDate } from "@bufbuild/protobuf/wkt";
import { secp256k1 } from "@noble/curves/secp256k1";
import fc from "fast-check";
import { bytesToHex, hexToBytes, numberToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import {
  createShopEvent,
  ethereumAddress,
  ethereumAddressValue,
  hashEvent,
  keycardAddress,
  keycardPublicKey,
  objectId,
  objectIdHex,
  ObjectIdSchema,
  ShopEventSchema,
  shopIdUint256,
  shopIdBytes,
  signEvent,
  uint256,
  uint256Value,
  Uint256Schema,
  verifyEvent,
} from "../../src/index.js";
import { thrown } from "../support/thrown.js";

const domain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" } as const;

describe("uint256", () => {
  it("round-trips every value in range, as 32 bytes big-endian", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), (value) => {
        const message = uint256({ value });
        expect(message.raw).toEqual(numberToBytes(value, { size: 32 }));
        expect(uint256Value({ uint256: message })).toBe(value);
      }),
    );
  });

  it("refuses values out of range or of the wrong type, and wrappers of the wrong length", () => {
    expect(thrown(() => uint256({ value: -1n }))).toMatchObject({ code: "OUT_OF_RANGE", path: "value" });
    expect(thrown(() => uint256({ value: 2n ** 256n }))).toMatchObject({ code: "OUT_OF_RANGE" });
    expect(thrown(() => uint256({ value: 5 as unknown as bigint }))).toMatchObject({ code: "WRONG_TYPE" });
    expect(thrown(() => uint256Value({ uint256: create(Uint256Schema, { raw: new Uint8Array(31) }) }))).toMatchObject({ code: "WRONG_LENGTH", path: "uint256.raw" });
    expect(thrown(() => uint256Value({ uint256: undefined }))).toMatchObject({ code: "MISSING_FIELD" });
  });
});

describe("objectId", () => {
  it("round-trips bigint, hex and bytes forms", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (id) => {
        const hex = objectIdHex({ objectId: objectId({ id }) });
        expect(BigInt(hex)).toBe(id);
        expect(objectId({ id: hex }).raw).toEqual(hexToBytes(hex));
        expect(objectId({ id: hexToBytes(hex) }).raw).toEqual(hexToBytes(hex));
      }),
    );
  });

  it("refuses 7 or 9 bytes and ids beyond 64 bits", () => {
    expect(thrown(() => objectId({ id: "0x01020304050607" }))).toMatchObject({ code: "WRONG_LENGTH", shortMessage: "expected exactly 8 bytes for an object id, got 7" });
    expect(thrown(() => objectId({ id: new Uint8Array(9) }))).toMatchObject({ code: "WRONG_LENGTH" });
    expect(thrown(() => objectId({ id: 2n ** 64n }))).toMatchObject({ code: "OUT_OF_RANGE" });
    expect(thrown(() => objectIdHex({ objectId: create(ObjectIdSchema, { raw: new Uint8Array(7) }) }))).toMatchObject({ code: "WRONG_LENGTH" });
  });
});

describe("ethereumAddress", () => {
  it("round-trips to the checksummed address", () => {
    const { address } = privateKeyToAccount(generatePrivateKey());
    expect(ethereumAddressValue({ ethereumAddress: ethereumAddress({ address: address.toLowerCase() as `0x${string}` }) })).toBe(address);
    expect(ethereumAddress({ address: hexToBytes(address) }).raw).toEqual(hexToBytes(address));
  });

  it("refuses a bad checksum and 19 bytes", () => {
    expect(thrown(() => ethereumAddress({ address: "0x000000000000000000000000000000000000dead".replace("dead", "dEAD") as `0x${string}` }))).toMatchObject({ code: "WRONG_TYPE" });
    expect(thrown(() => ethereumAddress({ address: new Uint8Array(19) }))).toMatchObject({ code: "WRONG_LENGTH" });
  });
});

describe("shopIdUint256", () => {
  it("is the Uint256 of a shop id given as bigint, bytes or hex; shopIdBytes is exported", () => {
    expect(uint256Value({ uint256: shopIdUint256({ shopId: 23n }) })).toBe(23n);
    expect(shopIdUint256({ shopId: bytesToHex(shopIdBytes({ shopId: 23n })) }).raw).toEqual(shopIdBytes({ shopId: 23n }));
    expect(thrown(() => shopIdUint256({ shopId: new Uint8Array(31) }))).toMatchObject({ code: "WRONG_LENGTH" });
    expect(thrown(() => shopIdBytes({ shopId: -1n }))).toMatchObject({ code: "OUT_OF_RANGE", shortMessage: "expected a shop id in [0, 2^256 - 1], got -1" });
  });
});

describe("keycardPublicKey", () => {
  const account = privateKeyToAccount(generatePrivateKey());

  it("turns viem's 65-byte account.publicKey into the 64-byte enrollment key of the same address", () => {
    expect(hexToBytes(account.publicKey)).toHaveLength(65);
    const key = keycardPublicKey({ account });
    expect(key.raw).toHaveLength(64);
    expect(key.raw).toEqual(hexToBytes(account.publicKey).slice(1));
    expect(keycardAddress({ keycard: key })).toBe(account.address);
  });

  it("accepts a 33-byte compressed key and a 64-byte one", () => {
    const compressed = secp256k1.ProjectivePoint.fromHex(hexToBytes(account.publicKey)).toRawBytes(true);
    expect(keycardPublicKey({ publicKey: compressed }).raw).toEqual(hexToBytes(account.publicKey).slice(1));
    expect(keycardPublicKey({ publicKey: hexToBytes(account.publicKey).slice(1) }).raw).toHaveLength(64);
  });

  it("refuses other lengths, a missing 0x04 prefix and points off the curve", () => {
    expect(thrown(() => keycardPublicKey({ publicKey: new Uint8Array(20) }))).toMatchObject({ code: "INVALID_PUBLIC_KEY" });
    const noPrefix = hexToBytes(account.publicKey);
    noPrefix[0] = 0x05;
    expect(thrown(() => keycardPublicKey({ publicKey: noPrefix }))).toMatchObject({ code: "INVALID_PUBLIC_KEY" });
    expect(thrown(() => keycardPublicKey({ publicKey: new Uint8Array(64).fill(1) }))).toMatchObject({ code: "INVALID_PUBLIC_KEY", shortMessage: "expected a point on the secp256k1 curve" });
    expect(thrown(() => keycardPublicKey({ account: {} as never }))).toMatchObject({ code: "INVALID_PUBLIC_KEY", path: "account.publicKey" });
  });
});

describe("createShopEvent", () => {
  it("takes shopId 23n, a nonce and the union member, fills the timestamp, and signs", async () => {
    const before = Date.now();
    const event = createShopEvent({ shopId: 23n, nonce: 1n, union: { case: "tag", value: { id: objectId({ id: 1n }), name: "Summer sale" } } });
    const at = timestampDate(event.timestamp ?? { seconds: 0n, nanos: 0 } as never).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    expect(event.shopId?.raw).toEqual(numberToBytes(23n, { size: 32 }));
    const account = privateKeyToAccount(generatePrivateKey());
    const signature = await signEvent({ event, domain, account });
    expect(await verifyEvent({ event, domain, signature, address: account.address })).toBe(true);
    const fixed = createShopEvent({ shopId: 23n, nonce: 1n, timestamp: new Date("2026-01-01T00:00:00Z"), union: { case: "tag", value: { id: objectId({ id: 1n }), name: "Summer sale" } } });
    expect(hashEvent({ event: fixed, domain })).toBe(hashEvent({ event: create(ShopEventSchema, { ...fixed }), domain }));
  });

  it("refuses a wrapper of the wrong length when building, not only at signing", () => {
    const error = thrown(() => createShopEvent({ shopId: 23n, nonce: 1n, union: { case: "tag", value: { id: { raw: new Uint8Array(7) }, name: "x" } } }));
    expect(error).toMatchObject({ code: "WRONG_LENGTH", message: "event.tag.id.raw: expected exactly 8 bytes for bytes8, got 7" });
  });

  it("refuses viem's 65-byte public key in KeyCardEnroll.keycard_pubkey, and takes keycardPublicKey's 64 bytes", () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const enroll = (keycardPubkey: { raw: Uint8Array }) =>
      createShopEvent({ shopId: 23n, nonce: 1n, union: { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey, userWallet: ethereumAddress({ address: account.address }) } } } } });
    const error = thrown(() => enroll({ raw: hexToBytes(account.publicKey) }));
    expect(error).toMatchObject({ code: "INVALID_PUBLIC_KEY", path: "event.account.enroll_keycard.keycard_pubkey.raw" });
    expect((error as Error).message).toContain("keycardPublicKey({ account })");
    expect(enroll(keycardPublicKey({ account })).union.case).toBe("account");
  });

  it("refuses a missing kind, a bad nonce, a bad shop id and a bad timestamp", () => {
    expect(thrown(() => createShopEvent({ shopId: 23n, nonce: 1n, union: {} as never }))).toMatchObject({ code: "MISSING_FIELD", path: "union" });
    expect(thrown(() => createShopEvent({ shopId: 23n, nonce: -1n, union: { case: "tag", value: {} } }))).toMatchObject({ code: "OUT_OF_RANGE", path: "nonce" });
    expect(thrown(() => createShopEvent({ shopId: 23n, nonce: 1 as never, union: { case: "tag", value: {} } }))).toMatchObject({ code: "WRONG_TYPE", path: "nonce" });
    expect(thrown(() => createShopEvent({ shopId: -23n, nonce: 1n, union: { case: "tag", value: {} } }))).toMatchObject({ code: "OUT_OF_RANGE", path: "shopId" });
    expect(thrown(() => createShopEvent({ shopId: 23n, nonce: 1n, timestamp: new Date(Number.NaN), union: { case: "tag", value: {} } }))).toMatchObject({ code: "WRONG_TYPE", path: "timestamp" });
    expect(thrown(() => createShopEvent({ shopId: 23n, nonce: 1n, union: { case: "tag", value: "x" as never } }))).toMatchObject({ code: "WRONG_TYPE" });
    expect(thrown(() => createShopEvent({ shopId: 23n, nonce: 1n, union: { case: "nope", value: {} } as never }))).toMatchObject({ code: "WRONG_TYPE" });
  });
});
