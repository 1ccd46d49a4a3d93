// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: someone rewrites the relay's log file while the relay runs (a stray
// write, a hostile hand): one byte of an acknowledged record's event changed,
// or a whole valid record moved to another record's place. The relay reads
// each event back from the file when it serves it, so it must check what it
// reads: the CRC, and that the record is the shop's record at that seq_no.
// Either change is reported as a RelayStoreError naming the offset; the
// changed bytes are never served. A session that meets such a record while
// it serves a subscription closes with INTERNAL_ERROR (1011), and only that
// session: the relay keeps serving and acknowledging (before, the error
// escaped RelaySession.receive, out of the server's message handler).
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { numberToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { ObjectType } from "../../gen/market/mass/subscription_pb.js";
import { isRelayStoreError } from "../../src/errors/relay-store-error.js";
import { createFileStore, LOG_FILE, parseLog } from "../../src/relay/file-store.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { SESSION_CLOSE_CODES } from "../../src/session/close-codes.js";
import { RelaySession } from "../../src/session/relay-session.js";
import { directoryWithLog, openOn, RELAY_KEY } from "../relay/data-dir-fixtures.js";
import { frame, ManualClock, Recorder } from "../session/harness.js";

const SHOP = numberToBytes(23n, { size: 32 });

function overwrite(path: string, offset: number, bytes: Uint8Array): void {
  const fd = openSync(path, "r+");
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

function thrown(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  return new Error("the changed record was served");
}

describe("the log file changed while the relay runs", () => {
  it("one byte of record 2's event flipped after start: reading it throws CORRUPT_RECORD at its offset, the others are served", async () => {
    const dir = await directoryWithLog(3);
    const relay = await openOn(dir);
    const path = join(dir, LOG_FILE);
    const records = parseLog(readFileSync(path)).records;
    const second = records[1]!.offset!;
    // A byte inside the SignedEvent: 8-byte header, 40 bytes of shop id and seq_no, then the event.
    const at = second + 8 + 40 + 10;
    overwrite(path, at, new Uint8Array([readFileSync(path)[at]! ^ 0x01]));
    const entries = relay.read({ shopId: SHOP, afterSeqNo: 0n });
    expect(entries).toHaveLength(3);
    expect(entries[0]!.signedEvent.signature).toBeDefined();
    const error = thrown(() => entries[1]!.signedEvent);
    expect(isRelayStoreError(error) && [error.problem, error.offset]).toEqual(["CORRUPT_RECORD", second]);
    // The decoded event (what filters see) comes from the same checked read.
    expect(isRelayStoreError(thrown(() => entries[1]!.event))).toBe(true);
    expect(entries[2]!.seqNo).toBe(3n);
    await relay.close();
  });

  it("a later record copied whole over an earlier one of the same size (its CRC valid): reading the earlier seq_no throws CORRUPT_RECORD, not the later record", async () => {
    const dir = await directoryWithLog(6);
    const relay = await openOn(dir);
    const path = join(dir, LOG_FILE);
    const bytes = readFileSync(path);
    const records = parseLog(bytes).records;
    const ends = [...records.slice(1).map((record) => record.offset!), bytes.length];
    const size = (i: number) => ends[i]! - records[i]!.offset!;
    // Enrollment records are the same size unless a timestamp fell on a whole second (no nanos): take two that are.
    const i = [1, 2, 3, 4].find((at) => size(at) === size(at + 1))!;
    const [earlier, later] = [records[i]!.offset!, records[i + 1]!.offset!];
    overwrite(path, earlier, bytes.subarray(later, later + size(i + 1)));
    const error = thrown(() => relay.read({ shopId: SHOP, afterSeqNo: BigInt(i) })[0]!.signedEvent);
    expect(isRelayStoreError(error) && [error.problem, error.offset]).toEqual(["CORRUPT_RECORD", earlier]);
    await relay.close();
  });

  it("a subscriber whose backlog holds the changed record: its session closes with INTERNAL_ERROR, the relay goes on acknowledging writes", async () => {
    const dir = await directoryWithLog(3);
    const relay = await openOn(dir);
    const path = join(dir, LOG_FILE);
    const second = parseLog(readFileSync(path)).records[1]!.offset!;
    overwrite(path, second + 8 + 40 + 10, new Uint8Array([readFileSync(path)[second + 8 + 40 + 10]! ^ 0x01]));
    const transport = new Recorder();
    const failures: unknown[] = [];
    const session = new RelaySession({ transport, backend: relay, clock: new ManualClock(), onBackendFailure: (error) => failures.push(error) });
    // An unauthenticated ACCOUNT subscription from the start: the scan reads record 2.
    expect(() => session.receive({ frame: frame(1n, { case: "subscriptionRequest", value: { shopId: { raw: SHOP }, filters: [{ objectType: ObjectType.ACCOUNT }] } }) })).not.toThrow();
    expect(transport.closed).toEqual({ code: SESSION_CLOSE_CODES.INTERNAL_ERROR, reason: "the relay could not read its log" });
    expect(failures.map((error) => isRelayStoreError(error) && [error.problem, error.offset])).toEqual([["CORRUPT_RECORD", second]]);
    await relay.enrollKeycard({ shopId: 23n, publicKey: privateKeyToAccount(generatePrivateKey()).publicKey });
    expect(relay.read({ shopId: SHOP, afterSeqNo: 3n }).map((entry) => entry.seqNo)).toEqual([4n]);
    await relay.close();
  });

  it("a watcher that throws when woken: the write it follows is still acknowledged, and the other watchers still run", async () => {
    const dir = await directoryWithLog(1);
    const warnings: string[] = [];
    const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: RELAY_KEY, store: await createFileStore({ directory: dir }), warn: (line) => warnings.push(line) });
    let woken = 0;
    relay.watch({ shopId: SHOP, onAppend: () => { throw new Error("a broken watcher"); } });
    relay.watch({ shopId: SHOP, onAppend: () => void woken++ });
    await expect(relay.enrollKeycard({ shopId: 23n, publicKey: privateKeyToAccount(generatePrivateKey()).publicKey })).resolves.toMatch(/^0x/);
    expect(woken).toBe(1);
    expect(warnings).toEqual(["relay: a log watcher failed: a broken watcher"]);
    await relay.close();
  });
});
