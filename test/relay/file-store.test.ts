// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay's append-only log file: records survive a reopen, a torn tail (a
// crash in the middle of a write) is cut off on load and never replayed, a
// damaged record is reported with its offset, and appends are written in order.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createFileStore, LOG_FILE, parseLog } from "../../src/relay/file-store.js";
import type { StoredRecord } from "../../src/relay/relay-store.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "relay-store-"));
  dirs.push(dir);
  return dir;
};
const record = (seqNo: bigint, size = 50): StoredRecord => ({ shopId: new Uint8Array(32).fill(7), seqNo, signedEvent: new Uint8Array(size).fill(Number(seqNo)) });

describe("file store", () => {
  it("reloads what it appended, in order", async () => {
    const dir = tempDir();
    const store = await createFileStore({ directory: dir });
    await Promise.all([store.append([record(1n), record(2n)]), store.append([record(3n)])]);
    await store.close();
    const again = await createFileStore({ directory: dir });
    expect((await again.load()).map((r) => [r.seqNo, r.signedEvent[0]])).toEqual([
      [1n, 1],
      [2n, 2],
      [3n, 3],
    ]);
    await again.close();
  });

  it.each([1, 7, 8, 40, 89])("cuts a record torn after %i bytes off, and keeps the whole ones", async (cut) => {
    const dir = tempDir();
    const store = await createFileStore({ directory: dir });
    await store.append([record(1n), record(2n)]);
    await store.close();
    const path = join(dir, LOG_FILE);
    const whole = statSync(path).size;
    const one = readFileSync(path).subarray(0, whole / 2);
    appendFileSync(path, one.subarray(0, cut));
    const again = await createFileStore({ directory: dir });
    expect((await again.load()).map((r) => r.seqNo)).toEqual([1n, 2n]);
    expect(statSync(path).size).toBe(whole);
    await again.append([record(3n)]);
    await again.close();
    expect(parseLog(readFileSync(path)).records.map((r) => r.seqNo)).toEqual([1n, 2n, 3n]);
  });

  it("stops at a record whose checksum does not match", () => {
    const dir = tempDir();
    const path = join(dir, LOG_FILE);
    return (async () => {
      const store = await createFileStore({ directory: dir });
      await store.append([record(1n), record(2n), record(3n)]);
      await store.close();
      const bytes = readFileSync(path);
      const second = bytes.length / 3;
      const at = second + 8 + 40 + 5; // a bit flipped inside record 2's SignedEvent
      bytes[at] = (bytes[at] ?? 0) ^ 0xff;
      writeFileSync(path, bytes);
      const { records, validBytes, damage } = parseLog(bytes);
      expect(records.map((r) => r.seqNo)).toEqual([1n]);
      expect(validBytes).toBe(second);
      expect(damage).toEqual({ offset: second, detail: "CRC-32 mismatch" });
    })();
  });
});
