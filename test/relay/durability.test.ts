// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Two bugs a SIGKILL test cannot see (the page cache outlives the process):
// acknowledging a write before fsync, and pushing an event before its append
// resolved. The log's file handle is wrapped to count what reached the disk
// when each acknowledgement arrives; a store that never finishes an append
// shows that nothing is pushed or readable before it does.
import type { FileHandle } from "node:fs/promises";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { createFileStore } from "../../src/relay/file-store.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import type { RelayStore, StoredRecord } from "../../src/relay/relay-store.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { flush, ManualClock } from "../session/harness.js";
import { tempDir } from "./data-dir-fixtures.js";
import { connectInMemory } from "./memory-pair.js";

/** Bytes written through the handle, and how many of them a completed sync() covered. */
function countingHandle(handle: FileHandle): { handle: FileHandle; disk: { written: number; synced: number; syncs: number } } {
  const disk = { written: 0, synced: 0, syncs: 0 };
  const wrapped = new Proxy(handle, {
    get(target, name) {
      if (name === "write") {
        return async (...args: Parameters<FileHandle["write"]>) => {
          const result = await (target.write as (...a: unknown[]) => Promise<{ bytesWritten: number }>)(...args);
          disk.written += result.bytesWritten;
          return result;
        };
      }
      if (name === "sync") {
        return async () => {
          const covered = disk.written;
          await target.sync();
          disk.synced = covered;
          disk.syncs++;
        };
      }
      const value = Reflect.get(target, name) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { handle: wrapped, disk };
}

const newKey = () => privateKeyToAccount(generatePrivateKey()).publicKey;

describe("an acknowledged write is on disk", () => {
  it("every acknowledgement comes after a sync() that covered every byte written before it", async () => {
    let disk = { written: 0, synced: 0, syncs: 0 };
    const store = await createFileStore({
      directory: tempDir(),
      wrapHandle: (raw) => {
        const counted = countingHandle(raw);
        disk = counted.disk;
        return counted.handle;
      },
    });
    const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), store });
    for (let i = 1; i <= 5; i++) {
      await relay.enrollKeycard({ shopId: 23n, publicKey: newKey() });
      expect(disk.syncs, `syncs before ack ${i}`).toBeGreaterThanOrEqual(i);
      expect(disk.synced, `bytes synced before ack ${i}`).toBe(disk.written);
    }
    // Concurrent writes are group-committed: each acknowledgement still waits for its sync.
    await Promise.all(Array.from({ length: 20 }, () => relay.enrollKeycard({ shopId: 23n, publicKey: newKey() }).then(() => expect(disk.synced).toBe(disk.written))));
    expect(disk.written).toBeGreaterThan(0);
    await relay.close();
  });
});

/** A memory store whose appends resolve until `hold()`, then never again. */
function holdingStore(): RelayStore & { hold(): void; appended: StoredRecord[][] } {
  let holding = false;
  const appended: StoredRecord[][] = [];
  return {
    appended,
    hold: () => void (holding = true),
    load: async () => [],
    append: (records) => {
      appended.push([...records]);
      return holding ? new Promise<void>(() => undefined) : Promise.resolve();
    },
    close: async () => undefined,
  };
}

describe("an event is published only once its append resolved", () => {
  it("with an append that never resolves: no push reaches a subscriber, read() returns nothing, no ack", async () => {
    const store = holdingStore();
    const clock = new ManualClock();
    const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), store, clock });
    const clerk = new f.Writer(TEST_RELAY_DOMAIN);
    const reader = new f.Writer(TEST_RELAY_DOMAIN);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: reader.account.publicKey });
    const writer = connectInMemory(relay, clock);
    await writer.login({ account: clerk.account });
    await writer.write({ events: [await clerk.sign(f.manifest())] });
    const subscriber = connectInMemory(relay, clock);
    await subscriber.login({ account: reader.account });
    const pushed: bigint[] = [];
    subscriber.on((e) => {
      if (e.type === "events") pushed.push(...e.events.map((x) => x.seqNo));
    });
    await subscriber.subscribe({ shopId: f.SHOP_ID });
    await subscriber.synced();
    expect(pushed).toEqual([1n, 2n, 3n]);

    store.hold();
    let acknowledged = false;
    void writer.write({ events: [await clerk.sign(f.tag(1))] }).then(() => (acknowledged = true));
    for (let i = 0; i < 20; i++) await flush();
    expect(store.appended.at(-1)?.map((r) => r.seqNo)).toEqual([4n]);
    expect(relay.read({ shopId: f.shopRaw, afterSeqNo: 3n })).toEqual([]);
    expect(relay.shopLog({ shopId: f.SHOP_ID })).toHaveLength(3);
    expect(pushed).toEqual([1n, 2n, 3n]);
    expect(acknowledged).toBe(false);
  });
});
