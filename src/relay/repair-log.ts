// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The one way a damaged log loses records: on request, after the whole file
// is copied aside under a name that is not taken yet.
import { constants } from "node:fs";
import { copyFile, open } from "node:fs/promises";
import { join } from "node:path";
import { openDataFile, prepareDataDirectory } from "./data-dir.js";
import { lockDirectory } from "./directory-lock.js";
import { LOG_FILE } from "./file-store.js";
import { parseLog } from "./log-scan.js";

/** What repairLog did. */
export interface LogRepair {
  /** Whole records kept. */
  readonly kept: number;
  /** File size before, and where it was cut (equal when nothing was wrong). */
  readonly size: number;
  readonly cutAt: number;
  /** Why it was cut: the damage, or a torn tail. */
  readonly reason: string | undefined;
  /** Path of the untouched copy, when a cut was made. */
  readonly copy: string | undefined;
}

/** Copies DIR/events.log aside and cuts it before its first damaged record (or torn tail). */
export async function repairLog({ directory, now = new Date() }: { directory: string; now?: Date }): Promise<LogRepair> {
  await prepareDataDirectory({ directory });
  const lock = await lockDirectory({ directory });
  const path = join(directory, LOG_FILE);
  try {
    const handle = await openDataFile({ path, flags: constants.O_RDWR });
    try {
      const { records, validBytes, size, damage } = parseLog(await handle.readFile());
      if (validBytes === size) return { kept: records.length, size, cutAt: size, reason: undefined, copy: undefined };
      const copy = await copyAside(path, now);
      await handle.truncate(validBytes);
      await handle.sync();
      const reason = damage === undefined ? "a torn last record" : `byte ${damage.offset}: ${damage.detail}`;
      return { kept: records.length, size, cutAt: validBytes, reason, copy };
    } finally {
      await handle.close();
    }
  } finally {
    await lock.release();
  }
}

// COPYFILE_EXCL: an earlier copy is never overwritten; the next free name is taken.
async function copyAside(path: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  for (let n = 0; ; n++) {
    const copy = `${path}.damaged-${stamp}${n === 0 ? "" : `-${n}`}`;
    try {
      await copyFile(path, copy, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    }
    const written = await open(copy, "r+");
    try {
      await written.sync();
    } finally {
      await written.close();
    }
    return copy;
  }
}
