// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay names blobs by the CID `ipfs add` gives with its default settings
// (IPIP-499 profile unixfs-v0-2015: CIDv0, dag-pb UnixFS leaves, 256 KiB
// chunks, balanced, 174 links per node). Known values published by the IPFS
// project: kubo's test/cli/cid_profiles_test.go (the default profile's
// vectors, whose deterministic inputs are the ChaCha20 keystream under
// key SHA-256(seed) with a zero nonce, as its testutils define them),
// kubo's gateway fixture notes (t0114: `echo hello | ipfs add --cid-version 0`)
// and the well-known empty file.
import { createCipheriv, createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blobCid, parseBlobCid } from "../../src/relay/blob/blob-cid.js";

/** kubo's deterministic test bytes: ChaCha20 keystream, key SHA-256(seed), nonce and counter zero. */
function deterministicBytes(size: number, seed: string): Uint8Array {
  const key = createHash("sha256").update(seed).digest();
  // Node's chacha20 IV is the 4-byte block counter then the 12-byte nonce.
  return new Uint8Array(createCipheriv("chacha20", key, Buffer.alloc(16)).update(Buffer.alloc(size)));
}

const text = (value: string) => new TextEncoder().encode(value);

describe("blob CIDs equal what ipfs add gives by default", () => {
  it.each([
    ["the empty file", new Uint8Array(0), "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH"],
    ['"hello world" (kubo cid_profiles_test.go, SmallFileCID)', text("hello world"), "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD"],
    ['"hello\\n" (kubo t0114 fixtures, CIDv0)', text("hello\n"), "QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN"],
  ])("a small file: %s", async (_, bytes, cid) => {
    expect(await blobCid({ chunks: [bytes] })).toBe(cid);
  });

  it("exactly one chunk (262,144 bytes, seed chunk-v0-seed): one dag-pb node without links", async () => {
    expect(await blobCid({ chunks: [deterministicBytes(262_144, "chunk-v0-seed")] })).toBe("QmWmRj3dFDZdb6ABvbmKhEL6TmPbAfBZ1t5BxsEyJrcZhE");
  });

  it("one byte over a chunk (262,145 bytes): a root with two leaves, however the bytes arrive", async () => {
    const bytes = deterministicBytes(262_145, "chunk-v0-seed");
    expect(await blobCid({ chunks: [bytes] })).toBe("QmYyLxtzZyW22zpoVAtKANLRHpDjZtNeDjQdJrcQNWoRkJ");
    // Chunk boundaries of the upload stream do not matter: the importer re-chunks.
    expect(await blobCid({ chunks: [bytes.subarray(0, 1000), bytes.subarray(1000, 200_001), bytes.subarray(200_001)] })).toBe("QmYyLxtzZyW22zpoVAtKANLRHpDjZtNeDjQdJrcQNWoRkJ");
  });

  it("one byte over 174 chunks (174 × 256 KiB + 1, seed v0-seed): the balanced layout's second level", async () => {
    expect(await blobCid({ chunks: [deterministicBytes(174 * 262_144 + 1, "v0-seed")] })).toBe("QmV81WL765sC8DXsRhE5fJv2rwhS4icHRaf3J9Zk5FdRnW");
  });

  it("the importer's own defaults give another CID (CIDv1, raw leaves: kubo's unixfs-v1-2025 value), so the relay sets the recipe", async () => {
    const { importBytes } = await import("ipfs-unixfs-importer");
    const { cid } = await importBytes(text("hello world"), { put: async (c: unknown) => c } as never);
    expect(cid.toString()).toBe("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
    expect(await blobCid({ chunks: [text("hello world")] })).not.toBe(cid.toString());
  });

  it("blob names are CIDv0 strings only, as multiformats prints them", async () => {
    expect(await parseBlobCid({ text: "QmYyLxtzZyW22zpoVAtKANLRHpDjZtNeDjQdJrcQNWoRkJ" })).toBe("QmYyLxtzZyW22zpoVAtKANLRHpDjZtNeDjQdJrcQNWoRkJ");
    for (const text of ["bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", "../relay.key", "", "QmYyLxtzZyW22zpoVAtKANLRHpDjZtNeDjQdJrcQNWoRk0", "QmYyLxtzZyW22zpoVAtKANLRHpDjZtNeDjQdJrcQNWoRkJJ"]) {
      expect(await parseBlobCid({ text })).toBeUndefined();
    }
  });
});
