// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// One relay per data directory. Node has no flock, so the lock is a file,
// DIR/relay.lock, holding the pid of its relay. It is made whole in a private
// file and linked into place (link fails if the lock exists), so it is never
// seen half-written. A lock whose pid is gone (a SIGKILLed relay) is stale:
// it is renamed aside, and deleted only if it still names that pid.
import { constants } from "node:fs";
import { link, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { RelayStoreError } from "../errors/relay-store-error.js";
import { openDataFile } from "./data-dir.js";

/** File name of the lock inside the data directory. */
export const LOCK_FILE = "relay.lock";

/** A held lock; `release` removes it (only if it is still this process's). */
export interface DirectoryLock {
  release(): Promise<void>;
}

/** Takes the data directory's lock, or refuses with LOCKED naming the pid that holds it. */
export async function lockDirectory({ directory }: { directory: string }): Promise<DirectoryLock> {
  const path = join(directory, LOCK_FILE);
  const mine = join(directory, `${LOCK_FILE}.${process.pid}.${randomSuffix()}`);
  await writeFile(mine, `${process.pid}\n`, { mode: 0o600, flag: constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0), flush: true });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(mine, path);
        return { release: () => releaseLock(path) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = await lockHolder(path);
      if (holder !== undefined && isAlive(holder)) {
        throw new RelayStoreError({ problem: "LOCKED", file: path, detail: `another relay (pid ${holder}) has this data directory open; if no relay runs, delete the lock file` });
      }
      await breakStaleLock(path, holder);
    }
    throw new RelayStoreError({ problem: "LOCKED", file: path, detail: "the lock kept changing hands; another relay is starting on this directory" });
  } finally {
    await unlink(mine);
  }
}

async function releaseLock(path: string): Promise<void> {
  if ((await lockHolder(path)) === process.pid) await unlink(path);
}

// The pid in a lock file, or undefined when it is gone or holds no pid.
async function lockHolder(path: string): Promise<number | undefined> {
  let text: string;
  try {
    const handle = await openDataFile({ path, flags: constants.O_RDONLY });
    try {
      text = await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return /^[1-9][0-9]*\n$/.test(text) ? Number(text) : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Two relays may find the same stale lock: whoever renames a lock that no longer
// names the dead pid has moved a fresh one, and links it back.
async function breakStaleLock(path: string, stale: number | undefined): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${randomSuffix()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = await readFile(aside, "utf8").catch(() => "");
  if (moved !== `${stale}\n` && /^[1-9][0-9]*\n$/.test(moved)) await link(aside, path).catch(() => undefined);
  await unlink(aside);
}

function randomSuffix(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(6))).toString("hex");
}
