// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay's data directory trusts nothing it finds: every file is opened
// without following a link and must be a regular file of this user that no
// one else can write (the key: that no one else can read either).
import { constants } from "node:fs";
import { lstat, mkdir, open, stat, type FileHandle } from "node:fs/promises";
import { RelayStoreError } from "../errors/relay-store-error.js";

const { O_NOFOLLOW = 0, O_NONBLOCK = 0 } = constants;

/** Creates the directory (0700) if missing, and refuses one owned by another user or writable by others. */
export async function prepareDataDirectory({ directory }: { directory: string }): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const info = await stat(directory);
  if (!info.isDirectory()) throw new RelayStoreError({ problem: "NOT_REGULAR_FILE", file: directory, detail: "the data directory is not a directory" });
  checkOwner(directory, info.uid, info.mode, 0o022);
}

/** Creates a folder inside the data directory (0700) and refuses a link, or one of another user or writable by others. */
export async function prepareDataSubdirectory({ path }: { path: string }): Promise<void> {
  await mkdir(path, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  const info = await lstat(path);
  if (!info.isDirectory()) throw new RelayStoreError({ problem: "NOT_REGULAR_FILE", file: path, detail: "is a symbolic link or not a directory" });
  checkOwner(path, info.uid, info.mode, 0o022);
}

/**
 * Opens a file of the data directory: never through a symbolic link (O_NOFOLLOW),
 * only a regular file owned by this user whose mode has none of `forbidden` set.
 * The handle is closed again when the file is refused.
 */
export async function openDataFile({ path, flags, mode = 0o600, forbidden = 0o022 }: { path: string; flags: number; mode?: number; forbidden?: number }): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    // O_NONBLOCK: a planted FIFO must not hang the open.
    handle = await open(path, flags | O_NOFOLLOW | O_NONBLOCK, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw new RelayStoreError({ problem: "NOT_REGULAR_FILE", file: path, detail: "is a symbolic link; refusing to follow it", cause: error });
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new RelayStoreError({ problem: "NOT_REGULAR_FILE", file: path, detail: "is not a regular file" });
    checkOwner(path, info.uid, info.mode, forbidden);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function checkOwner(path: string, uid: number, mode: number, forbidden: number): void {
  const me = process.getuid?.();
  if (me !== undefined && uid !== me) throw new RelayStoreError({ problem: "WRONG_OWNER", file: path, detail: `owned by uid ${uid}, not by this user (uid ${me})` });
  if ((mode & forbidden) !== 0) {
    throw new RelayStoreError({ problem: "UNSAFE_MODE", file: path, detail: `mode ${(mode & 0o777).toString(8)} lets others ${forbidden & 0o044 ? "read or write" : "write"} it; chmod ${(mode & 0o777 & ~forbidden).toString(8)}` });
  }
}
