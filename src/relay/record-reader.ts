// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Reads one log record back by its offset, synchronously (a session's read()
// is synchronous), on the store's own handle: the file opened with O_NOFOLLOW
// and checked at start (data-dir.ts). The CRC is checked again: bytes that
// changed under the relay are reported, never served.
import { readSync } from "node:fs";
import { crc32 } from "node:zlib";
import { RelayStoreError } from "../errors/relay-store-error.js";
import { decodePayload, FIXED, HEADER, MAX_RECORD } from "./log-scan.js";
import type { ReadBackRecord } from "./relay-store.js";

/** The whole record at `offset` of the log open as `fd`, and where the next starts; a RelayStoreError (CORRUPT_RECORD) when it is short or its CRC does not match. */
export function readRecordAt({ fd, offset, file }: { fd: number; offset: number; file: string }): ReadBackRecord {
  const header = readExactly(fd, offset, HEADER, file);
  const view = new DataView(header.buffer, header.byteOffset, HEADER);
  const length = view.getUint32(0);
  if (length < FIXED || length > MAX_RECORD) throw changed(file, offset, `impossible record length ${length}`);
  const payload = readExactly(fd, offset + HEADER, length, file);
  if (crc32(payload) !== view.getUint32(4)) throw changed(file, offset, "CRC-32 mismatch");
  return { ...decodePayload(payload), offset, next: offset + HEADER + length };
}

function readExactly(fd: number, position: number, length: number, file: string): Uint8Array {
  const bytes = new Uint8Array(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, bytes, read, length - read, position + read);
    if (n === 0) throw changed(file, position, `the file ends ${length - read} bytes into a record`);
    read += n;
  }
  return bytes;
}

function changed(file: string, offset: number, detail: string): RelayStoreError {
  return new RelayStoreError({ problem: "CORRUPT_RECORD", file, offset, detail: `record at byte ${offset} changed on disk after the relay read it at start: ${detail}; stop the relay and check the file` });
}
