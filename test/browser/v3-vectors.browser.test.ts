// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The upstream v3 vectors in real Chromium: protobuf decode/encode is byte-exact,
// the EIP-712 digest matches viem's, and the v3 signatures recover to the
// vectors' signer through our strict signature parsing and recovery.
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { bytesToHex, type Hex, hashMessage, hashTypedData, hexToBytes } from "viem";
import { commands } from "vitest/browser";
import { beforeAll, describe, expect, it } from "vitest";
import { type EventDomain, eventTypedData, hashEvent, parseSignature, recoverDigestSigner, ShopEventSchema } from "../../src/index.js";

interface Vectors {
  signatures: { signer: { address: string } };
  events: { type: string; encoded: Hex; hash: Hex; signature: Hex }[];
}

const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
let vectors: Vectors;

beforeAll(async () => {
  // The browser has no file system: vitest reads it on the Node side (path from the project root).
  vectors = JSON.parse(await commands.readFile("test/vectors/upstream-v3-testVectors.json")) as Vectors;
});

describe("v3 vectors in the browser", () => {
  it("loaded all 52 events", () => {
    expect(vectors.events).toHaveLength(52);
  });

  it("decodes and re-encodes every event to the same bytes", () => {
    for (const [i, v] of vectors.events.entries()) {
      const event = fromBinary(ShopEventSchema, hexToBytes(v.encoded));
      expect(event.union.case, `#${i}`).toBe(v.type.charAt(0).toLowerCase() + v.type.slice(1));
      expect(bytesToHex(toBinary(ShopEventSchema, event)), `#${i} ${v.type}`).toBe(v.encoded);
    }
  });

  it("hashEvent equals viem's hashTypedData of eventTypedData for every event", () => {
    const digests = new Set<string>();
    for (const [i, v] of vectors.events.entries()) {
      const event = fromBinary(ShopEventSchema, hexToBytes(v.encoded));
      const digest = hashEvent({ event, domain });
      expect(digest, `#${i} ${v.type}`).toBe(hashTypedData(eventTypedData({ event, domain }) as Parameters<typeof hashTypedData>[0]));
      digests.add(digest);
    }
    expect(digests.size).toBe(vectors.events.length);
  });

  it("recovers the vectors' signer from each v3 (EIP-191) signature", () => {
    for (const [i, v] of vectors.events.entries()) {
      expect(hashMessage({ raw: hexToBytes(v.encoded) }), `#${i} hash`).toBe(v.hash);
      const signer = recoverDigestSigner({ digest: hexToBytes(v.hash), signature: parseSignature({ signature: v.signature }) });
      expect(signer, `#${i} ${v.type}`).toBe(vectors.signatures.signer.address);
    }
  });
});
