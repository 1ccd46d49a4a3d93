// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Append-only log file (format in log-scan.ts). Appends are group-committed
// and fsynced before they resolve. On load only a torn tail (a crash
// mid-append) is cut; any other damage refuses the start and leaves the file
// as it is (`massmarket-schema repair` cuts it after copying it aside).
// State snapshots live beside it (snapshot-file.ts). The store knows where
// each record starts (at load and at append) and reads one back by its
// offset (record-reader.ts), so the relay keeps offsets, not event bytes.
import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { RelayStoreError } from "../errors/relay-store-error.js";
import { openDataFile, prepareDataDirectory } from "./data-dir.js";
import { type DirectoryLock, lockDirectory } from "./directory-lock.js";
import { encodeRecords, parseLog, recordSize } from "./log-scan.js";
import { readRecordAt } from "./record-reader.js";
import type { RelayStore } from "./relay-store.js";
import { loadSnapshotFiles, saveSnapshotFile } from "./snapshot-file.js";

export { parseLog } from "./log-scan.js";

/** File name of the log inside the data directory. */
export const LOG_FILE = "events.log";

/** Options of {@link createFileStore}. */
export interface FileStoreOptions {
  readonly directory: string;
  /** Wraps the log's file handle (tests count its sync() calls). */
  readonly wrapHandle?: ((handle: FileHandle) => FileHandle) | undefined;
}

/** The log of a data directory, locked for this process until close(). */
export async function createFileStore({ directory, wrapHandle = (handle) => handle }: FileStoreOptions): Promise<RelayStore> {
  await prepareDataDirectory({ directory });
  const lock = await lockDirectory({ directory });
  let handle: FileHandle | undefined;
  try {
    handle = wrapHandle(await openDataFile({ path: join(directory, LOG_FILE), flags: constants.O_RDWR | constants.O_APPEND | constants.O_CREAT }));
    await syncDirectory(directory);
  } catch (error) {
    await handle?.close();
    await lock.release();
    throw error;
  }
  return logStore({ handle, lock, directory, path: join(directory, LOG_FILE), end: (await handle.stat()).size });
}

function logStore({ handle, lock, directory, path, end }: { handle: FileHandle; lock: DirectoryLock; directory: string; path: string; end: number }): RelayStore {
  let queue: { bytes: Uint8Array; sizes: number[]; resolve: (offsets: readonly number[]) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;
  let closed: Promise<void> | undefined;

  const flush = async () => {
    writing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await writeAll(handle, Buffer.concat(batch.map((entry) => entry.bytes)));
        await handle.sync();
        for (const entry of batch) entry.resolve(entry.sizes.map((size) => (end += size) - size));
      } catch (error) {
        // A partial write moved the end: later records start where the file now ends.
        end = await handle.stat().then((info) => info.size, () => Number.NaN);
        for (const entry of batch) entry.reject(error);
      }
    }
    writing = false;
  };

  return {
    async load() {
      const { records, validBytes, size, damage } = parseLog(await handle.readFile());
      if (damage !== undefined) {
        throw new RelayStoreError({ problem: "CORRUPT_RECORD", file: path, offset: damage.offset, detail: `damaged record at byte ${damage.offset}: ${damage.detail}; the file is left as it is (${size} bytes, ${records.length} whole records before it); run massmarket-schema repair --data DIR to copy it aside and cut it there` });
      }
      if (validBytes < size) {
        await handle.truncate(validBytes);
        await handle.sync();
      }
      end = validBytes;
      return records;
    },
    append(records) {
      return new Promise<readonly number[]>((resolve, reject) => {
        queue.push({ bytes: encodeRecords(records), sizes: records.map(recordSize), resolve, reject });
        if (!writing) void flush();
      });
    },
    readRecord: ({ offset }) => readRecordAt({ fd: handle.fd, offset, file: path }),
    loadSnapshots: () => loadSnapshotFiles({ directory }),
    saveSnapshot: (snapshot) => saveSnapshotFile({ directory, snapshot }),
    close() {
      closed ??= (async () => {
        while (writing) await new Promise((resolve) => setTimeout(resolve, 1));
        try {
          await handle.close();
        } finally {
          await lock.release();
        }
      })();
      return closed;
    },
  };
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
}

async function syncDirectory(directory: string): Promise<void> {
  const dir = await open(directory, "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
