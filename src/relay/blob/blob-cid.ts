// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The CID `ipfs add` gives a file with its default settings: UnixFS in dag-pb,
// CIDv0 (sha2-256), 256 KiB chunks wrapped as UnixFS file leaves, balanced
// layout of at most 174 links per node. IPIP-499 names this recipe
// `unixfs-v0-2015`; the importer's own defaults (CIDv1, raw leaves) differ.
// Both IPFS libraries load on first use, so a process that never sees a blob
// (and every user of the library's other entry points) never loads them.

/** A CIDv0 in its only string form: base58btc of the 34-byte sha2-256 multihash. */
const CID_V0_PATTERN = /^Qm[1-9A-HJ-NP-Za-km-z]{44}$/;

let importer: Promise<typeof import("ipfs-unixfs-importer")> | undefined;
let multiformats: Promise<typeof import("multiformats/cid")> | undefined;

/** The CID of the bytes (given as chunks), computed with the IPFS project's importer; the blocks are discarded. */
export async function blobCid({ chunks }: { chunks: readonly Uint8Array[] }): Promise<string> {
  importer ??= import("ipfs-unixfs-importer");
  const { importBytes } = await importer;
  const discard = { put: async (cid: unknown) => cid };
  // A fresh options object each time: the importer writes into it.
  const { cid } = await importBytes(chunks, discard as never, { profile: "unixfs-v0-2015", cidVersion: 0, rawLeaves: false });
  return cid.toString();
}

/** The text if it is a CIDv0 as this relay names blobs (decoded by multiformats and printed back the same), else undefined. */
export async function parseBlobCid({ text }: { text: string }): Promise<string | undefined> {
  // Only base58 letters reach the decoder (or a file name): no dot, slash, percent or NUL.
  if (!CID_V0_PATTERN.test(text)) return undefined;
  multiformats ??= import("multiformats/cid");
  const { CID } = await multiformats;
  try {
    const cid = CID.parse(text);
    return cid.version === 0 && cid.multihash.code === 0x12 && cid.toString() === text ? text : undefined;
  } catch {
    return undefined;
  }
}
