// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A relay data directory with a log of enrollments, for the store's tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterEach } from "vitest";
import { openReferenceRelay } from "../../src/relay/open-reference-relay.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory, removed after the test. */
export function tempDir(prefix = "relay-data-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export const RELAY_KEY = generatePrivateKey();

/** Opens the relay on `dir` (its fixed key). */
export const openOn = (dir: string) => openReferenceRelay({ domain: TEST_RELAY_DOMAIN, privateKey: RELAY_KEY, dataDir: dir });

/** A data directory whose log holds `count` acknowledged records (one enrollment each, shop 23). */
export async function directoryWithLog(count: number): Promise<string> {
  const dir = tempDir();
  const relay = await openOn(dir);
  for (let i = 0; i < count; i++) await relay.enrollKeycard({ shopId: 23n, publicKey: privateKeyToAccount(generatePrivateKey()).publicKey });
  await relay.close();
  return dir;
}
