// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Snapshots on disk: DIR/snapshots/<shop id hex>.snapshot, one per shop, a
// header line (format, shop id, seq_no, log hash as JSON) then the state's
// canonical JSON. Written to a fresh private file, fsynced and renamed over
// the old one, so a crash leaves the old snapshot or the new one, never half.
import { constants } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Hex } from "viem";
import { bytesToHex, hexToBytes } from "../crypto/hex.js";
import { openDataFile, prepareDataSubdirectory } from "./data-dir.js";
import type { StoredSnapshot } from "./relay-store.js";
import { replaceDataFile } from "./replace-data-file.js";

/** Folder of the snapshots inside the data directory. */
export const SNAPSHOT_DIR = "snapshots";
// 2: the log hash is one running SHA-256 (snapshot-hash.ts); a /1 file is not used, its shop replayed in full.
const FORMAT = "massmarket-relay-snapshot/2";
const SUFFIX = ".snapshot";

/** Replaces the shop's snapshot file. */
export async function saveSnapshotFile({ directory, snapshot }: { directory: string; snapshot: StoredSnapshot }): Promise<void> {
  const folder = join(directory, SNAPSHOT_DIR);
  await prepareDataSubdirectory({ path: folder });
  const name = `${bytesToHex(snapshot.shopId).slice(2)}${SUFFIX}`;
  const header = JSON.stringify({ format: FORMAT, shopId: bytesToHex(snapshot.shopId), seqNo: snapshot.seqNo.toString(), logHash: bytesToHex(snapshot.logHash) });
  await replaceDataFile({ folder, name, temporary: `${name}.${process.pid}.${Date.now()}.tmp`, write: (handle) => handle.writeFile(`${header}\n${snapshot.stateJson}`) });
}

/** Every readable snapshot file, and why the others cannot be read. */
export async function loadSnapshotFiles({ directory }: { directory: string }): Promise<{ snapshots: StoredSnapshot[]; unreadable: string[] }> {
  const folder = join(directory, SNAPSHOT_DIR);
  // Created when missing, so a link planted in its place is refused before anything is read.
  await prepareDataSubdirectory({ path: folder });
  const names = await readdir(folder);
  const snapshots: StoredSnapshot[] = [];
  const unreadable: string[] = [];
  for (const name of names.filter((n) => n.endsWith(SUFFIX)).sort()) {
    // A link or a file others could write is refused like the log (RelayStoreError).
    const handle = await openDataFile({ path: join(folder, name), flags: constants.O_RDONLY });
    let text: string;
    try {
      text = await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
    const parsed = parseSnapshot(text, name);
    if (typeof parsed === "string") unreadable.push(`${join(folder, name)}: ${parsed}`);
    else snapshots.push(parsed);
  }
  return { snapshots, unreadable };
}

function parseSnapshot(text: string, name: string): StoredSnapshot | string {
  const newline = text.indexOf("\n");
  if (newline < 0) return "no header line";
  let header: { format?: unknown; shopId?: unknown; seqNo?: unknown; logHash?: unknown };
  try {
    header = JSON.parse(text.slice(0, newline)) as typeof header;
  } catch {
    return "the header is not JSON";
  }
  const { format, shopId, seqNo, logHash } = header;
  if (format !== FORMAT) return `unknown format ${JSON.stringify(format)}`;
  if (typeof shopId !== "string" || !/^0x[0-9a-f]{64}$/.test(shopId) || `${shopId.slice(2)}${SUFFIX}` !== name) return "the shop id does not match the file name";
  if (typeof seqNo !== "string" || !/^[1-9][0-9]*$/.test(seqNo)) return "seqNo is not a positive integer";
  if (typeof logHash !== "string" || !/^0x[0-9a-f]{64}$/.test(logHash)) return "logHash is not 32 bytes of hex";
  return { shopId: hexToBytes(shopId as Hex), seqNo: BigInt(seqNo), logHash: hexToBytes(logHash as Hex), stateJson: text.slice(newline + 1) };
}
