// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Where the reference relay keeps uploaded blobs, by CID: in memory, or in the
// data directory (blob-directory.ts). The store only stores; the CID check on
// read is the caller's (blob-uploads.ts), so a store of your own gets it too.

/** A blob as stored: its bytes and the content type it was uploaded with. */
export interface StoredBlob {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** Blobs by CID. */
export interface BlobStore {
  /** Bytes held by the stored blobs. */
  readonly storedBytes: number;
  /** Stores the bytes under `cid` unless a blob is stored there already (same CID, same bytes). */
  put(input: { readonly cid: string; readonly chunks: readonly Uint8Array[]; readonly size: number; readonly contentType: string }): Promise<void>;
  /** Bytes a read of `cid` will load (an upper bound), or undefined when there is no such blob. */
  sizeOf(input: { readonly cid: string }): Promise<number | undefined>;
  /** The stored blob as it is now (not checked against its CID), or undefined. */
  get(input: { readonly cid: string }): Promise<StoredBlob | undefined>;
}

/** Blobs in a Map: gone when the relay stops. */
export function createMemoryBlobStore(): BlobStore {
  const blobs = new Map<string, StoredBlob>();
  let storedBytes = 0;
  return {
    get storedBytes() {
      return storedBytes;
    },
    async put({ cid, chunks, size, contentType }) {
      if (blobs.has(cid)) return;
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      blobs.set(cid, { contentType, bytes });
      storedBytes += size;
    },
    async sizeOf({ cid }) {
      return blobs.get(cid)?.bytes.length;
    },
    async get({ cid }) {
      return blobs.get(cid);
    },
  };
}
