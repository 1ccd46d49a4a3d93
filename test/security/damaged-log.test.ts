// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: one flipped bit (a bad disk, a stray write, a hostile hand) in the
// middle of the relay's log. The old relay started, served the records before
// it, and truncated the file there: 16 fsynced, acknowledged records of 20
// gone without an error. Now the start is refused with the byte offset and
// what is wrong, and the file keeps every byte; only a torn last record (a
// crash mid-append) is ever cut on start.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRelayStoreError } from "../../src/errors/relay-store-error.js";
import { LOG_FILE, parseLog } from "../../src/relay/file-store.js";
import { directoryWithLog, openOn } from "../relay/data-dir-fixtures.js";

// Byte offset of record `n` (from 1) in a log.
function recordOffset(bytes: Uint8Array, n: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  for (let i = 1; i < n; i++) offset += 8 + view.getUint32(offset);
  return offset;
}

async function refusal(dir: string): Promise<unknown> {
  return openOn(dir).then(
    async (relay) => {
      const length = relay.shopLog({ shopId: 23n }).length;
      await relay.close();
      return new Error(`the relay started with ${length} records`);
    },
    (error: unknown) => error,
  );
}

describe("a damaged record in the middle of the log", () => {
  it("one bit flipped in record 5 of 20: the start is refused naming the offset, the file is unchanged", async () => {
    const dir = await directoryWithLog(20);
    const path = join(dir, LOG_FILE);
    const bytes = readFileSync(path);
    const at = recordOffset(bytes, 5);
    bytes.writeUInt8((bytes[at + 60] as number) ^ 0x04, at + 60);
    writeFileSync(path, bytes);
    const error = await refusal(dir);
    expect(isRelayStoreError(error), String(error)).toBe(true);
    expect(error).toMatchObject({ code: "STORE_REFUSED", problem: "CORRUPT_RECORD", offset: at });
    expect((error as Error).message).toContain(`byte ${at}: CRC-32 mismatch`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    // Every acknowledged record is still there, after the bad one too.
    bytes.writeUInt8((bytes[at + 60] as number) ^ 0x04, at + 60);
    expect(parseLog(bytes).records).toHaveLength(20);
  });

  it.each([
    ["an impossible length (below the fixed part)", 0x00000003, "impossible record length 3"],
    ["a length that runs past the end of the file", 0x00100000, "runs past end of file, but a whole record starts at byte"],
  ])("record 5 of 20 with %s: refused, not taken for a torn tail", async (_, length, detail) => {
    const dir = await directoryWithLog(20);
    const path = join(dir, LOG_FILE);
    const bytes = readFileSync(path);
    const at = recordOffset(bytes, 5);
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, length);
    writeFileSync(path, bytes);
    const error = await refusal(dir);
    expect(error).toMatchObject({ problem: "CORRUPT_RECORD", offset: at });
    expect((error as Error).message).toContain(detail);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("a torn last record is still cut, and every whole record replays", async () => {
    const dir = await directoryWithLog(20);
    const path = join(dir, LOG_FILE);
    const bytes = readFileSync(path);
    const last = recordOffset(bytes, 20);
    writeFileSync(path, bytes.subarray(0, last + 30));
    const relay = await openOn(dir);
    expect(relay.shopLog({ shopId: 23n })).toHaveLength(19);
    await relay.close();
    expect(readFileSync(path).equals(bytes.subarray(0, last))).toBe(true);
  });
});
