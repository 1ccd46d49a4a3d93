// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: someone who can write into the relay's --data directory (or plant
// files before its first start) gets it to damage a file elsewhere through a
// symbolic link, to sign with a key they chose, or to run twice on one log.
// Every file is opened with O_NOFOLLOW and must be a regular file of this user
// that no one else can write (the key: no one else can read); one relay per
// directory; a refused start closes what it opened.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatePrivateKey } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { createFileStore, LOG_FILE } from "../../src/relay/file-store.js";
import { LOCK_FILE } from "../../src/relay/directory-lock.js";
import { KEY_FILE, relayKeyOf } from "../../src/relay/relay-key-file.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { spawnRelay } from "../session/relay-process.js";
import { directoryWithLog, openOn, tempDir } from "../relay/data-dir-fixtures.js";

const refused = (promise: Promise<unknown>) => promise.then(() => new Error("accepted"), (error: unknown) => error);
const openFiles = () => readdirSync("/proc/self/fd").map((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`); } catch { return ""; } });

describe("a symbolic link planted as events.log", () => {
  it("is refused, and the file it points to keeps its 14,000 bytes", async () => {
    const dir = tempDir();
    const victim = join(tempDir(), "precious.db");
    writeFileSync(victim, Buffer.alloc(14_000, 0x5a));
    symlinkSync(victim, join(dir, LOG_FILE));
    expect(await refused(openOn(dir))).toMatchObject({ code: "STORE_REFUSED", problem: "NOT_REGULAR_FILE" });
    expect(readFileSync(victim).equals(Buffer.alloc(14_000, 0x5a))).toBe(true);
  });

  it("a log writable by others, or owned by another user, is refused", async () => {
    const dir = await directoryWithLog(1);
    chmodSync(join(dir, LOG_FILE), 0o666);
    expect(await refused(openOn(dir))).toMatchObject({ problem: "UNSAFE_MODE" });
    chmodSync(join(dir, LOG_FILE), 0o600);
    if (process.getuid?.() === 0) {
      chownSync(join(dir, LOG_FILE), 65534, 65534);
      expect(await refused(openOn(dir))).toMatchObject({ problem: "WRONG_OWNER" });
    }
  });
});

describe("a planted relay.key", () => {
  it("the relay command refuses a key others could have written, and never signs with it", async () => {
    const dir = tempDir();
    const planted = generatePrivateKey();
    writeFileSync(join(dir, KEY_FILE), `${planted}\n`, { mode: 0o644 });
    chmodSync(join(dir, KEY_FILE), 0o664);
    const error = await refused(spawnRelay(["--data", dir]));
    expect(String(error)).toContain("STORE_REFUSED");
    expect(String(error)).toContain("relay.key");
  });

  it("refuses a key readable by others, a symlink to a key, and a key of another user", async () => {
    const dir = tempDir();
    const key = join(dir, KEY_FILE);
    writeFileSync(key, `${generatePrivateKey()}\n`, { mode: 0o644 });
    chmodSync(key, 0o644);
    expect(await refused(relayKeyOf({ directory: dir }))).toMatchObject({ problem: "UNSAFE_MODE", file: key });
    const linked = tempDir();
    symlinkSync(key, join(linked, KEY_FILE));
    chmodSync(key, 0o600);
    expect(await refused(relayKeyOf({ directory: linked }))).toMatchObject({ problem: "NOT_REGULAR_FILE" });
    if (process.getuid?.() === 0) {
      chownSync(key, 65534, 65534);
      expect(await refused(relayKeyOf({ directory: dir }))).toMatchObject({ problem: "WRONG_OWNER" });
    }
  });

  it("creates a 0600 key on first start and reads the same key back", async () => {
    const dir = tempDir();
    const key = await relayKeyOf({ directory: dir });
    expect(await relayKeyOf({ directory: dir })).toBe(key);
    expect(readFileSync(join(dir, KEY_FILE), "utf8")).toBe(`${key}\n`);
  });
});

describe("two relays on one data directory", () => {
  it("the second is refused while the first runs, and starts once it closed", async () => {
    const dir = await directoryWithLog(2);
    const first = await openOn(dir);
    const error = await refused(openOn(dir));
    expect(error).toMatchObject({ code: "STORE_REFUSED", problem: "LOCKED" });
    expect((error as Error).message).toContain(`pid ${process.pid}`);
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const second = await openOn(dir);
    expect(second.shopLog({ shopId: 23n })).toHaveLength(2);
    await second.close();
  });

  it("a lock left by a SIGKILLed relay (its pid is gone) does not keep the next one out", async () => {
    const dir = await directoryWithLog(1);
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(join(dir, LOCK_FILE), `${dead}\n`, { mode: 0o600 });
    const relay = await openOn(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe(`${process.pid}\n`);
    await relay.close();
  });
});

describe("a start refused by the replay", () => {
  it("closes the log file and releases the directory", async () => {
    const dir = tempDir();
    const store = await createFileStore({ directory: dir });
    await store.append([{ shopId: new Uint8Array(32).fill(1), seqNo: 1n, signedEvent: new Uint8Array([0x0a, 0x03, 1, 2, 3]) }]);
    await store.close();
    expect(await refused(openOn(dir))).toBeInstanceOf(Error);
    expect(openFiles()).not.toContain(join(dir, LOG_FILE));
    const again = await refused(openOn(dir));
    expect(again).not.toMatchObject({ problem: "LOCKED" });
  });

  it("closes a store of any kind whose records do not replay", async () => {
    let closed = 0;
    const store = { load: async () => [{ shopId: new Uint8Array(32), seqNo: 1n, signedEvent: new Uint8Array([0xff]) }], append: async () => undefined, close: async () => void closed++ };
    expect(await refused(ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), store }))).toBeInstanceOf(Error);
    expect(closed).toBe(1);
  });
});

describe("a symbolic link planted as the snapshots folder", () => {
  it("is refused before anything is read from or written through it", async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(dir, "snapshots"));
    expect(await refused(openOn(dir))).toMatchObject({ code: "STORE_REFUSED", problem: "NOT_REGULAR_FILE", file: join(dir, "snapshots") });
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
