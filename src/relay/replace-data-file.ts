// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { constants } from "node:fs";
import { type FileHandle, open, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { openDataFile } from "./data-dir.js";

/**
 * Writes `folder/name` whole: into a fresh private file (`O_EXCL`, no link
 * followed), fsynced, renamed into place, the folder fsynced; a crash leaves
 * the old file or the new one, never half of one.
 */
export async function replaceDataFile({ folder, name, temporary, write }: { folder: string; name: string; temporary: string; write: (handle: FileHandle) => Promise<void> }): Promise<void> {
  const path = join(folder, temporary);
  const handle = await openDataFile({ path, flags: constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY });
  try {
    await write(handle);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(path);
    throw error;
  }
  await handle.close();
  await rename(path, join(folder, name));
  const dir = await open(folder, "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
