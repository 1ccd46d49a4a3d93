// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Blobs in the data directory: DIR/blobs/<CIDv0>, a header line
// (`massmarket-blob/1 <content type>`) then the bytes. Written to a fresh
// private file, fsynced and renamed into place; every file is opened like the
// log (no symbolic link, this user's, not writable by others). Names are only
// ever CIDv0 strings (base58 letters), checked before they reach the disk.
import { constants } from "node:fs";
import { readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { openDataFile, prepareDataSubdirectory } from "../data-dir.js";
import { replaceDataFile } from "../replace-data-file.js";
import type { BlobStore } from "./blob-store.js";

/** Folder of the blobs inside the data directory. */
export const BLOB_DIR = "blobs";
const FORMAT = "massmarket-blob/1";
const NAME = /^Qm[1-9A-HJ-NP-Za-km-z]{44}$/;
const TEMPORARY = /^\.upload-[0-9a-f]{32}$/;
const { O_RDONLY } = constants;

/** The blob folder of `directory` (created 0700; a link or a folder others can write is refused), its leftovers of a crash removed. */
export async function createDirectoryBlobStore({ directory }: { directory: string }): Promise<BlobStore> {
  const folder = join(directory, BLOB_DIR);
  await prepareDataSubdirectory({ path: folder });
  let storedBytes = 0;
  for (const name of await readdir(folder)) {
    // An upload cut by a crash: never renamed into place, so never answered.
    if (TEMPORARY.test(name)) await unlink(join(folder, name));
    else if (NAME.test(name)) storedBytes += await sizeOfFile(join(folder, name));
  }
  const path = (cid: string) => {
    if (!NAME.test(cid)) throw new TypeError("blob names are CIDv0 strings");
    return join(folder, cid);
  };
  const writing = new Map<string, Promise<void>>();
  const write = async ({ cid, chunks, size, contentType }: { cid: string; chunks: readonly Uint8Array[]; size: number; contentType: string }) => {
    const target = path(cid);
    if ((await sizeOfFile(target).catch(() => undefined)) !== undefined) return;
    const header = `${FORMAT} ${contentType}\n`;
    const temporary = `.upload-${Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString("hex")}`;
    await replaceDataFile({
      folder,
      name: cid,
      temporary,
      write: async (handle) => {
        await handle.write(header);
        for (const chunk of chunks) await handle.write(chunk);
      },
    });
    storedBytes += Buffer.byteLength(header) + size;
  };
  return {
    get storedBytes() {
      return storedBytes;
    },
    put(input) {
      // Two uploads of the same new blob at once: the second waits for the first, so it is counted once.
      const running = writing.get(input.cid) ?? write(input).finally(() => writing.delete(input.cid));
      writing.set(input.cid, running);
      return running;
    },
    async sizeOf({ cid }) {
      return sizeOfFile(path(cid)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return undefined;
        throw error;
      });
    },
    async get({ cid }) {
      let handle;
      try {
        handle = await openDataFile({ path: path(cid), flags: O_RDONLY });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
      let file: Buffer;
      try {
        file = await handle.readFile();
      } finally {
        await handle.close();
      }
      const newline = file.indexOf(0x0a);
      const header = newline < 0 ? "" : file.subarray(0, newline).toString("utf8");
      if (!header.startsWith(`${FORMAT} `)) throw new TypeError(`${path(cid)}: not a blob file of this relay`);
      return { contentType: header.slice(FORMAT.length + 1), bytes: new Uint8Array(file.buffer, file.byteOffset + newline + 1, file.length - newline - 1) };
    },
  };
}

// Checked like every read: a link or a file of another user is refused, not measured.
async function sizeOfFile(path: string): Promise<number> {
  const handle = await openDataFile({ path, flags: O_RDONLY });
  try {
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}
