// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Append-only log file: each record is length (u32 BE) ‖ CRC-32 (u32 BE) ‖
// payload, the payload shop id (32) ‖ seq_no (u64 BE) ‖ SignedEvent bytes.
// Appends are group-committed and fsynced before they resolve; on load a
// torn or corrupt tail (a crash mid-write) is cut off, never replayed.
import { mkdir, open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { RelayStore, StoredRecord } from "./relay-store.js";

const HEADER = 8;
const FIXED = 40;
/** File name of the log inside the data directory. */
export const LOG_FILE = "events.log";

export async function createFileStore({ directory }: { directory: string }): Promise<RelayStore> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, LOG_FILE);
  const handle = await open(path, "a+");
  await syncDirectory(directory);
  let queue: { bytes: Uint8Array; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  const flush = async () => {
    writing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await writeAll(handle, Buffer.concat(batch.map((entry) => entry.bytes)));
        await handle.sync();
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    writing = false;
  };

  return {
    async load() {
      const { records, validBytes, size } = parseLog(await handle.readFile());
      if (validBytes < size) {
        await handle.truncate(validBytes);
        await handle.sync();
      }
      return records;
    },
    append(records) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ bytes: encodeRecords(records), resolve, reject });
        if (!writing) void flush();
      });
    },
    async close() {
      while (writing) await new Promise((resolve) => setTimeout(resolve, 1));
      await handle.close();
    },
  };
}

/** The records of a log file and how many leading bytes hold whole, intact records. */
export function parseLog(bytes: Uint8Array): { records: StoredRecord[]; validBytes: number; size: number } {
  const records: StoredRecord[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset + HEADER <= bytes.length) {
    const length = view.getUint32(offset);
    const checksum = view.getUint32(offset + 4);
    const start = offset + HEADER;
    if (length < FIXED || start + length > bytes.length) break;
    const payload = bytes.subarray(start, start + length);
    if (crc32(payload) !== checksum) break;
    records.push({ shopId: payload.slice(0, 32), seqNo: new DataView(payload.buffer, payload.byteOffset + 32, 8).getBigUint64(0), signedEvent: payload.slice(FIXED) });
    offset = start + length;
  }
  return { records, validBytes: offset, size: bytes.length };
}

function encodeRecords(records: readonly StoredRecord[]): Uint8Array {
  const parts = records.map(({ shopId, seqNo, signedEvent }) => {
    const out = new Uint8Array(HEADER + FIXED + signedEvent.length);
    const view = new DataView(out.buffer);
    out.set(shopId, HEADER);
    view.setBigUint64(HEADER + 32, seqNo);
    out.set(signedEvent, HEADER + FIXED);
    view.setUint32(0, FIXED + signedEvent.length);
    view.setUint32(4, crc32(out.subarray(HEADER)));
    return out;
  });
  return Buffer.concat(parts);
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
