// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// DIR/relay.key: the relay's signing key beside its log, so its own events
// verify on replay. A key someone else could have planted or read (a link,
// another owner, a mode beyond 0600) is refused, never used.
import { constants } from "node:fs";
import { join } from "node:path";
import type { Hex } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { RelayStoreError } from "../errors/relay-store-error.js";
import { openDataFile, prepareDataDirectory } from "./data-dir.js";

/** File name of the relay's key inside the data directory. */
export const KEY_FILE = "relay.key";

/** The key in DIR/relay.key, created (0600, O_EXCL) on first start. */
export async function relayKeyOf({ directory }: { directory: string }): Promise<Hex> {
  await prepareDataDirectory({ directory });
  const path = join(directory, KEY_FILE);
  const key = generatePrivateKey();
  try {
    const created = await openDataFile({ path, flags: constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, forbidden: 0o077 });
    try {
      await created.writeFile(`${key}\n`);
      await created.sync();
    } finally {
      await created.close();
    }
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const handle = await openDataFile({ path, flags: constants.O_RDONLY, forbidden: 0o077 });
  let text: string;
  try {
    text = (await handle.readFile("utf8")).trim();
  } finally {
    await handle.close();
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(text)) throw new RelayStoreError({ problem: "BAD_KEY", file: path, detail: "must hold one 0x-prefixed 32-byte hex private key" });
  return text as Hex;
}
