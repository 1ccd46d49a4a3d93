// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { SessionClock } from "../../session/transport.js";
import { createDirectoryBlobStore } from "./blob-directory.js";
import { createMemoryBlobStore } from "./blob-store.js";
import { type BlobUploadOptions, BlobUploads } from "./blob-uploads.js";

/** The relay server's blob uploads: in `DIR/blobs` with a data directory, else in memory. */
export async function openBlobUploads({ dataDir, clock, options, log }: { dataDir: string | undefined; clock: SessionClock; options: BlobUploadOptions | undefined; log: (line: string) => void }): Promise<BlobUploads> {
  const store = dataDir === undefined ? createMemoryBlobStore() : await createDirectoryBlobStore({ directory: dataDir });
  return new BlobUploads({ store, clock, options, log });
}
