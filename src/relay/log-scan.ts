// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Reads the relay's log file: record = length (u32 BE) ‖ CRC-32 (u32 BE) ‖
// payload, the payload shop id (32) ‖ seq_no (u64 BE) ‖ SignedEvent bytes.
// Only a torn tail (the last record's header or body runs to end of file,
// with no whole record after its start) counts as a crash; anything else
// that does not parse is damage, reported with its byte offset.
import { crc32 } from "node:zlib";
import type { StoredRecord } from "./relay-store.js";

export const HEADER = 8;
export const FIXED = 40;
/** No record is longer: a length above it is damage, not a record. */
export const MAX_RECORD = 16 * 1024 * 1024;

/** A damaged record: where it starts and what is wrong with it. */
export interface LogDamage {
  readonly offset: number;
  readonly detail: string;
}

/** What a log file holds: whole records, the bytes they fill, a torn tail, or the first damage. */
export interface LogScan {
  readonly records: StoredRecord[];
  /** Bytes of whole, intact records from the start (where damage or a torn tail begins). */
  readonly validBytes: number;
  readonly size: number;
  /** The first damaged record, when there is one before the end. */
  readonly damage: LogDamage | undefined;
}

/** The records of a log file, stopping at a torn tail or at the first damaged record. */
export function parseLog(bytes: Uint8Array): LogScan {
  const records: StoredRecord[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let damage: LogDamage | undefined;
  while (offset < bytes.length) {
    const problem = recordProblem(bytes, view, offset);
    if (problem === "torn") break;
    if (problem !== undefined) {
      damage = { offset, detail: problem };
      break;
    }
    const length = view.getUint32(offset);
    const payload = bytes.subarray(offset + HEADER, offset + HEADER + length);
    records.push({ ...decodePayload(payload), offset });
    offset += HEADER + length;
  }
  return { records, validBytes: offset, size: bytes.length, damage };
}

/**
 * A record's payload (shop id ‖ seq_no ‖ SignedEvent bytes) as a StoredRecord
 * whose bytes are views of `payload`: copying 100,000 records at every start
 * cost more than the rest of a snapshot restart. Whoever keeps any of them
 * copies it (the relay does: shop ids, held bytes, replayed events), or one
 * kept view pins the whole file read at load.
 */
export function decodePayload(payload: Uint8Array): StoredRecord {
  return { shopId: payload.subarray(0, 32), seqNo: new DataView(payload.buffer, payload.byteOffset + 32, 8).getBigUint64(0), signedEvent: payload.subarray(FIXED) };
}

/** Bytes a record takes in the file. */
export function recordSize(record: StoredRecord): number {
  return HEADER + FIXED + record.signedEvent.length;
}

// undefined: a whole record; "torn": a crash mid-append; otherwise what is wrong.
function recordProblem(bytes: Uint8Array, view: DataView, offset: number): string | "torn" | undefined {
  if (offset + HEADER > bytes.length) return tornOrDamage(bytes, offset, `a ${bytes.length - offset}-byte header`);
  const length = view.getUint32(offset);
  if (length < FIXED || length > MAX_RECORD) {
    // A file extended with zeros but never written holds no record at all.
    if (bytes.subarray(offset).every((byte) => byte === 0)) return "torn";
    return `impossible record length ${length} (a record holds ${FIXED}…${MAX_RECORD} bytes)`;
  }
  if (offset + HEADER + length > bytes.length) return tornOrDamage(bytes, offset, `a record of ${length} bytes`);
  if (crc32(bytes.subarray(offset + HEADER, offset + HEADER + length)) !== view.getUint32(offset + 4)) return "CRC-32 mismatch";
  return undefined;
}

// A record running to end of file is torn only if no whole record follows its start:
// a damaged length field must not pass for a crash and cut acknowledged records.
function tornOrDamage(bytes: Uint8Array, offset: number, what: string): string | "torn" {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = offset + 1; at + HEADER + FIXED <= bytes.length; at++) {
    const length = view.getUint32(at);
    if (length < FIXED || at + HEADER + length > bytes.length) continue;
    if (crc32(bytes.subarray(at + HEADER, at + HEADER + length)) === view.getUint32(at + 4)) {
      return `${what} runs past end of file, but a whole record starts at byte ${at}`;
    }
  }
  return "torn";
}

/** The records as file bytes, ready to append. */
export function encodeRecords(records: readonly StoredRecord[]): Uint8Array {
  const parts = records.map(({ shopId, seqNo, signedEvent }) => {
    const out = new Uint8Array(recordSize({ shopId, seqNo, signedEvent }));
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
