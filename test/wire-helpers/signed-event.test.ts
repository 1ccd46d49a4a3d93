// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// createSignedEvent / openSignedEvent: round trips in both schemes, strict
// signature rules on every path, type URL, missing parts, unknown fields,
// size caps, and inputs never modified.
import { create, toBinary } from "@bufbuild/protobuf";
import { anyPack, AnySchema } from "@bufbuild/protobuf/wkt";
import { bytesToHex, hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { SignatureSchema } from "../../gen/market/mass/base_types_pb.js";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import {
  createSignedEvent,
  decodeShopEvent,
  DEFAULT_MAX_EVENT_BYTES,
  hashEvent,
  isDecodeError,
  isDomainError,
  isFieldValueError,
  isSignatureError,
  isSizeLimitError,
  isTypeUrlError,
  isUnknownFieldsError,
  openSignedEvent,
  SHOP_EVENT_TYPE_URL,
  signEvent,
  signEventBytes,
} from "../../src/index.js";
import { domain, highS, keycard, N, otherDomain, otherKeycard, setWord, tagEvent } from "./fixtures.js";
import { thrown } from "../support/thrown.js";

const event = tagEvent(1n);
const signature712 = hexToBytes(await signEvent({ event, domain, account: keycard }));
const eventBytes = toBinary(ShopEventSchema, event);
const signature191 = hexToBytes(await signEventBytes({ eventBytes, account: keycard }));

/** A SignedEvent built by hand, so tests can put anything in it. */
function rawSignedEvent({ typeUrl = SHOP_EVENT_TYPE_URL, value = eventBytes, signature = signature712 }: { typeUrl?: string; value?: Uint8Array; signature?: Uint8Array } = {}) {
  return create(SignedEventSchema, { event: create(AnySchema, { typeUrl, value }), signature: create(SignatureSchema, { raw: signature }) });
}

describe("createSignedEvent", () => {
  it("packs the event in Any with the ShopEvent type URL, like protobuf-es anyPack", () => {
    const signed = createSignedEvent({ event, signature: signature712 });
    expect(signed.event?.typeUrl).toBe("type.googleapis.com/market.mass.ShopEvent");
    expect(signed.event?.typeUrl).toBe(anyPack(ShopEventSchema, event).typeUrl);
    expect(bytesToHex(signed.event!.value)).toBe(bytesToHex(eventBytes));
    expect(bytesToHex(signed.signature!.raw)).toBe(bytesToHex(signature712));
  });

  it("copies given event bytes, and refuses bytes that are not the canonical encoding", () => {
    const signed = createSignedEvent({ event: eventBytes, signature: signature191 });
    expect(bytesToHex(signed.event!.value)).toBe(bytesToHex(eventBytes));
    expect(signed.event!.value).not.toBe(eventBytes);
    // Field order reversed: valid protobuf that decodes to the same event, but a second byte form.
    const reordered = new Uint8Array([...eventBytes.subarray(2), ...eventBytes.subarray(0, 2)]);
    expect(decodeShopEvent({ bytes: reordered }).nonce).toBe(1n);
    expect(() => createSignedEvent({ event: reordered, signature: signature191 })).toThrow(expect.objectContaining({ code: "NON_CANONICAL_ENCODING", path: "event" }));
  });

  it("normalises v 0/1 to 27/28 on a copy, leaving the caller's signature untouched", () => {
    const v01 = signature712.slice();
    v01[64] = (v01[64] as number) - 27;
    const before = v01.slice();
    const signed = createSignedEvent({ event, signature: v01 });
    expect(signed.signature!.raw[64]).toBe(signature712[64]);
    expect(v01).toEqual(before);
  });

  it("refuses a high-s signature and event bytes that do not decode", () => {
    expect(isSignatureError(thrown(() => createSignedEvent({ event, signature: highS(signature712) })))).toBe(true);
    expect(isDecodeError(thrown(() => createSignedEvent({ event: new Uint8Array([0x0a, 0xff]), signature: signature712 })))).toBe(true);
    expect(isFieldValueError(thrown(() => createSignedEvent({ event: {} as never, signature: signature712 })))).toBe(true);
  });
});

describe("openSignedEvent round trips", () => {
  it("EIP-712: create → encode → open recovers the keycard, event and exact bytes", () => {
    const bytes = toBinary(SignedEventSchema, createSignedEvent({ event, signature: signature712 }));
    for (const signedEvent of [bytes, createSignedEvent({ event, signature: signature712 })]) {
      const opened = openSignedEvent({ signedEvent, domain });
      expect(opened.signer).toBe(keycard.address);
      expect(toBinary(ShopEventSchema, opened.event)).toEqual(eventBytes);
      expect(bytesToHex(opened.eventBytes)).toBe(bytesToHex(eventBytes));
    }
  });

  it("EIP-191: create → encode → open recovers the keycard", () => {
    const bytes = toBinary(SignedEventSchema, createSignedEvent({ event: eventBytes, signature: signature191 }));
    const opened = openSignedEvent({ signedEvent: bytes, scheme: "eip191" });
    expect(opened.signer).toBe(keycard.address);
    expect(opened.event.nonce).toBe(1n);
  });

  it("recovers someone else for another domain, another scheme or another key", () => {
    const signed = createSignedEvent({ event, signature: signature712 });
    expect(openSignedEvent({ signedEvent: signed, domain: otherDomain }).signer).not.toBe(keycard.address);
    expect(openSignedEvent({ signedEvent: signed, scheme: "eip191" }).signer).not.toBe(keycard.address);
    expect(openSignedEvent({ signedEvent: rawSignedEvent({ signature: signature191 }), domain }).signer).not.toBe(keycard.address);
  });

  it("uses the EIP-712 digest of hashEvent (not some other hash)", async () => {
    const other = hexToBytes(await otherKeycard.sign({ hash: hashEvent({ event, domain }) }));
    expect(openSignedEvent({ signedEvent: rawSignedEvent({ signature: other }), domain }).signer).toBe(otherKeycard.address);
  });

  it("returns event and bytes that share no memory with the input", () => {
    const bytes = toBinary(SignedEventSchema, createSignedEvent({ event, signature: signature712 }));
    const before = bytes.slice();
    const opened = openSignedEvent({ signedEvent: bytes, domain });
    opened.eventBytes.fill(0);
    if (opened.event.union.case === "tag") opened.event.union.value.id!.raw.fill(0xff);
    expect(bytes).toEqual(before);
  });

  it("returns bytes that share no memory with a SignedEvent message given", () => {
    const signed = createSignedEvent({ event, signature: signature712 });
    const opened = openSignedEvent({ signedEvent: signed, domain });
    opened.eventBytes.fill(0);
    if (opened.event.union.case === "tag") opened.event.union.value.id!.raw.fill(0xff);
    expect(signed.event!.value).toEqual(eventBytes);
  });
});

describe("strict signature rules (SignatureError with problem and path)", () => {
  const r = (sig: Uint8Array) => sig.slice(0, 32);
  const cases: { name: string; signature: () => Uint8Array; problem: string }[] = [
    { name: "high s (s → n − s, v toggled)", signature: () => highS(signature712), problem: "HIGH_S" },
    { name: "r = 0", signature: () => new Uint8Array([...new Uint8Array(32), ...signature712.subarray(32)]), problem: "R_RANGE" },
    {
      name: "s = n",
      signature: () => {
        const sig = signature712.slice();
        setWord(sig, 32, N);
        return sig;
      },
      problem: "S_RANGE",
    },
    {
      name: "s = n + 1",
      signature: () => {
        const sig = signature712.slice();
        setWord(sig, 32, N + 1n);
        return sig;
      },
      problem: "S_RANGE",
    },
    { name: "s = 0", signature: () => new Uint8Array([...r(signature712), ...new Uint8Array(32), 27]), problem: "S_RANGE" },
    { name: "64 bytes", signature: () => signature712.slice(0, 64), problem: "LENGTH" },
    { name: "66 bytes", signature: () => new Uint8Array([...signature712, 0]), problem: "LENGTH" },
    { name: "v = 29", signature: () => new Uint8Array([...signature712.subarray(0, 64), 29]), problem: "V" },
    { name: "v = 2", signature: () => new Uint8Array([...signature712.subarray(0, 64), 2]), problem: "V" },
  ];

  it.each(cases)("$name is refused in both schemes and by createSignedEvent", ({ signature, problem }) => {
    const sig = signature();
    const before = sig.slice();
    for (const error of [
      thrown(() => openSignedEvent({ signedEvent: rawSignedEvent({ signature: sig }), domain })),
      thrown(() => openSignedEvent({ signedEvent: toBinary(SignedEventSchema, rawSignedEvent({ signature: sig })), scheme: "eip191" })),
    ]) {
      expect(isSignatureError(error)).toBe(true);
      expect(error).toMatchObject({ problem, code: "INVALID_SIGNATURE", path: "signedEvent.signature.raw" });
    }
    expect(thrown(() => createSignedEvent({ event, signature: sig }))).toMatchObject({ problem, path: "signature" });
    expect(sig).toEqual(before);
  });

  it("the high-s twin would recover the same signer if it were accepted (so refusing it matters)", async () => {
    const { secp256k1 } = await import("@noble/curves/secp256k1");
    const twin = highS(signature712);
    const digest = hexToBytes(hashEvent({ event, domain }));
    const recover = (sig: Uint8Array) =>
      new secp256k1.Signature(BigInt(bytesToHex(sig.subarray(0, 32))), BigInt(bytesToHex(sig.subarray(32, 64))))
        .addRecoveryBit((sig[64] as number) - 27)
        .recoverPublicKey(digest)
        .toHex(false);
    expect(recover(twin)).toBe(recover(signature712));
  });

  it("accepts v 0/1, normalising a copy: the signed event and its bytes stay unchanged", () => {
    for (const [scheme, sig] of [["eip712", signature712], ["eip191", signature191]] as const) {
      const v01 = sig.slice();
      v01[64] = (v01[64] as number) - 27;
      const signed = rawSignedEvent({ signature: v01 });
      const bytes = toBinary(SignedEventSchema, signed);
      const [rawBefore, bytesBefore] = [signed.signature!.raw.slice(), bytes.slice()];
      const opened = scheme === "eip712" ? openSignedEvent({ signedEvent: signed, domain }) : openSignedEvent({ signedEvent: bytes, scheme });
      expect(opened.signer).toBe(keycard.address);
      expect(signed.signature!.raw).toEqual(rawBefore);
      expect(signed.signature!.raw[64]).toBeLessThan(2);
      expect(bytes).toEqual(bytesBefore);
    }
  });
});

describe("openSignedEvent refuses malformed wrappers", () => {
  it("a wrong type URL (TypeUrlError naming the field)", () => {
    for (const typeUrl of ["", "type.googleapis.com/market.mass.Listing", "example.com/market.mass.ShopEvent", `${SHOP_EVENT_TYPE_URL} `]) {
      const error = thrown(() => openSignedEvent({ signedEvent: rawSignedEvent({ typeUrl }), domain }));
      expect(isTypeUrlError(error)).toBe(true);
      expect(error).toMatchObject({ code: "WRONG_TYPE_URL", path: "signedEvent.event.type_url", actual: typeUrl });
    }
  });

  it("a missing event or signature", () => {
    expect(thrown(() => openSignedEvent({ signedEvent: create(SignedEventSchema, { signature: { raw: signature712 } }), domain }))).toMatchObject({
      code: "MISSING_FIELD",
      path: "signedEvent.event",
    });
    expect(thrown(() => openSignedEvent({ signedEvent: create(SignedEventSchema, { event: anyPack(ShopEventSchema, event) }), domain }))).toMatchObject({
      code: "MISSING_FIELD",
      path: "signedEvent.signature",
    });
  });

  it("event bytes that do not decode (DecodeError with the decoder's error as cause)", () => {
    const error = thrown(() => openSignedEvent({ signedEvent: rawSignedEvent({ value: eventBytes.subarray(0, eventBytes.length - 3) }), domain }));
    expect(isDecodeError(error)).toBe(true);
    expect(error).toMatchObject({ code: "DECODE_FAILED", path: "signedEvent.event.value", typeName: "market.mass.ShopEvent" });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it("SignedEvent bytes that do not decode", () => {
    const error = thrown(() => openSignedEvent({ signedEvent: new Uint8Array([0x0a, 0x80]), domain }));
    expect(error).toMatchObject({ code: "DECODE_FAILED", path: "signedEvent", typeName: "market.mass.SignedEvent" });
  });

  it("not a SignedEvent, a bad scheme, a bad domain", () => {
    expect(isFieldValueError(thrown(() => openSignedEvent({ signedEvent: tagEvent() as never, domain })))).toBe(true);
    expect(thrown(() => openSignedEvent({ signedEvent: rawSignedEvent(), scheme: "eip999" as never }))).toMatchObject({ path: "scheme" });
    expect(isDomainError(thrown(() => openSignedEvent({ signedEvent: rawSignedEvent() } as never)))).toBe(true);
  });

  it("EIP-712: unknown fields in the event are refused; EIP-191: kept and covered by the hash", async () => {
    // Field 99, varint 1: unknown to the schema.
    const withUnknown = new Uint8Array([...eventBytes, 0x98, 0x06, 0x01]);
    expect(isUnknownFieldsError(thrown(() => openSignedEvent({ signedEvent: rawSignedEvent({ value: withUnknown }), domain })))).toBe(true);
    const sig = hexToBytes(await signEventBytes({ eventBytes: withUnknown, account: keycard }));
    const opened = openSignedEvent({ signedEvent: rawSignedEvent({ value: withUnknown, signature: sig }), scheme: "eip191" });
    expect(opened.signer).toBe(keycard.address);
    expect(opened.event.$unknown?.map((u) => u.no)).toEqual([99]);
    expect(bytesToHex(opened.eventBytes)).toBe(bytesToHex(withUnknown));
  });
});

describe("decodeShopEvent", () => {
  it("does not skip trailing bytes: garbage fails, a well-formed extra field lands in $unknown", () => {
    expect(thrown(() => decodeShopEvent({ bytes: new Uint8Array([...eventBytes, 0xff]) }))).toMatchObject({ code: "DECODE_FAILED", path: "bytes" });
    expect(decodeShopEvent({ bytes: new Uint8Array([...eventBytes, 0x98, 0x06, 0x01]) }).$unknown?.map((u) => u.no)).toEqual([99]);
  });

  it("decodes a copy: the result shares no memory with the input", () => {
    const bytes = eventBytes.slice();
    const decoded = decodeShopEvent({ bytes });
    if (decoded.union.case !== "tag") throw new Error("not a tag");
    decoded.union.value.id!.raw.fill(0xee);
    expect(bytes).toEqual(eventBytes);
  });
});

describe("size caps", () => {
  it("refuses SignedEvent bytes over maxBytes before decoding, and accepts them at the cap", () => {
    const bytes = toBinary(SignedEventSchema, createSignedEvent({ event, signature: signature712 }));
    expect(openSignedEvent({ signedEvent: bytes, domain, maxBytes: bytes.length }).signer).toBe(keycard.address);
    const error = thrown(() => openSignedEvent({ signedEvent: bytes, domain, maxBytes: bytes.length - 1 }));
    expect(isSizeLimitError(error)).toBe(true);
    expect(error).toMatchObject({ code: "TOO_LARGE", path: "signedEvent", size: bytes.length, limit: bytes.length - 1 });
  });

  it("refuses an event value over maxBytes in a SignedEvent message", () => {
    const error = thrown(() => openSignedEvent({ signedEvent: rawSignedEvent(), domain, maxBytes: eventBytes.length - 1 }));
    expect(error).toMatchObject({ code: "TOO_LARGE", path: "signedEvent.event.value" });
  });

  it("defaults to 64 KiB: a garbage buffer one byte over is refused as too large, not as undecodable", () => {
    expect(DEFAULT_MAX_EVENT_BYTES).toBe(65_536);
    const huge = new Uint8Array(DEFAULT_MAX_EVENT_BYTES + 1).fill(0xff);
    expect(thrown(() => openSignedEvent({ signedEvent: huge, domain }))).toMatchObject({ code: "TOO_LARGE" });
    expect(thrown(() => decodeShopEvent({ bytes: huge }))).toMatchObject({ code: "TOO_LARGE", path: "bytes" });
    expect(thrown(() => decodeShopEvent({ bytes: huge.subarray(1) }))).toMatchObject({ code: "DECODE_FAILED" });
  });

  it("refuses a nonsensical cap", () => {
    for (const maxBytes of [0, -1, 1.5, Number.NaN, "10" as never]) {
      expect(thrown(() => decodeShopEvent({ bytes: eventBytes, maxBytes }))).toMatchObject({ code: "OUT_OF_RANGE", path: "maxBytes" });
    }
  });
});

describe("signEventBytes", () => {
  it("signs through a WalletClient (personal_sign) and checks the wallet signed with its account", async () => {
    const { createWalletClient, custom } = await import("viem");
    const wallet = (signer: typeof keycard) =>
      createWalletClient({
        account: keycard.address,
        transport: custom({
          request: async ({ method, params }: { method: string; params: unknown[] }) => {
            if (method !== "personal_sign") throw new Error(`unexpected ${method}`);
            return signer.signMessage({ message: { raw: params[0] as `0x${string}` } });
          },
        }),
      });
    const signature = await signEventBytes({ eventBytes, account: wallet(keycard) });
    expect(openSignedEvent({ signedEvent: createSignedEvent({ event: eventBytes, signature }), scheme: "eip191" }).signer).toBe(keycard.address);
    await expect(signEventBytes({ eventBytes, account: wallet(otherKeycard) })).rejects.toMatchObject({ code: "UNSUPPORTED_ACCOUNT" });
  });

  it("refuses bytes that are not a ShopEvent and accounts that cannot sign", async () => {
    await expect(signEventBytes({ eventBytes: new Uint8Array([0xff]), account: keycard })).rejects.toMatchObject({ code: "DECODE_FAILED" });
    await expect(signEventBytes({ eventBytes, account: {} as never })).rejects.toMatchObject({ code: "UNSUPPORTED_ACCOUNT" });
  });
});
