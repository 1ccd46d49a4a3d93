// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `massmarket-schema repair --data DIR`: the only way records leave a damaged
// log, after the whole file is copied aside under a name not yet taken.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOG_FILE, parseLog } from "../../src/relay/file-store.js";
import { repairLog } from "../../src/relay/repair-log.js";
import { directoryWithLog, openOn } from "./data-dir-fixtures.js";

const main = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const cli = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", main, ...args], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });

// Flips a bit inside record 3 and returns the damaged bytes and that record's offset.
function damageRecord3(path: string): { bytes: Buffer; at: number } {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = 8 + view.getUint32(0) + 8 + view.getUint32(8 + view.getUint32(0));
  bytes.writeUInt8((bytes[at + 50] as number) ^ 1, at + 50);
  writeFileSync(path, bytes);
  return { bytes, at };
}

describe("repair", () => {
  it("copies the damaged log aside, cuts it before the bad record, says so, and the relay starts again", async () => {
    const dir = await directoryWithLog(6);
    const path = join(dir, LOG_FILE);
    const { bytes, at } = damageRecord3(path);
    const run = cli(["repair", "--data", dir]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`cut events.log at byte ${at} of ${bytes.length}`);
    expect(run.stdout).toContain("2 records kept");
    expect(run.stdout).toContain("CRC-32 mismatch");
    const copy = readdirSync(dir).find((name) => name.startsWith(`${LOG_FILE}.damaged-`));
    expect(copy).toBeDefined();
    expect(readFileSync(join(dir, copy as string)).equals(bytes)).toBe(true);
    expect(readFileSync(path).equals(bytes.subarray(0, at))).toBe(true);
    const relay = await openOn(dir);
    expect(relay.shopLog({ shopId: 23n })).toHaveLength(2);
    await relay.close();
    expect(cli(["repair"]).status).toBe(2);
  });

  it("never overwrites an earlier copy, and cuts nothing from a whole log", async () => {
    const dir = await directoryWithLog(4);
    const path = join(dir, LOG_FILE);
    const now = new Date("2026-01-02T03:04:05.678Z");
    const whole = await repairLog({ directory: dir, now });
    expect(whole).toMatchObject({ kept: 4, copy: undefined });
    const first = damageRecord3(path);
    expect((await repairLog({ directory: dir, now })).copy).toBe(`${path}.damaged-2026-01-02T03-04-05-678Z`);
    writeFileSync(path, first.bytes);
    expect((await repairLog({ directory: dir, now })).copy).toBe(`${path}.damaged-2026-01-02T03-04-05-678Z-1`);
    expect(readFileSync(`${path}.damaged-2026-01-02T03-04-05-678Z`).equals(first.bytes)).toBe(true);
    expect(parseLog(readFileSync(path)).records).toHaveLength(2);
  });

  it("refuses while a relay has the directory open", async () => {
    const dir = await directoryWithLog(1);
    const relay = await openOn(dir);
    await expect(repairLog({ directory: dir })).rejects.toMatchObject({ problem: "LOCKED" });
    await relay.close();
  });
});
