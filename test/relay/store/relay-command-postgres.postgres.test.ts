// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `massmarket-schema relay --database postgres://…`: the relay keeps its shops
// in PostgreSQL and, started again with the same key, has them back.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, inject, it } from "vitest";
import { openPostgresShopStore } from "../../../src/testing.js";
import { postJson, spawnRelay } from "../../session/relay-process.js";

const url = inject("postgresUrl");
const SHOP = `0x${"00".repeat(31)}09`;

describe("massmarket-schema relay --database", () => {
  it("stores enrollments in PostgreSQL and replays them after a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relay-database-"));
    const keyFile = join(dir, "relay.key");
    writeFileSync(keyFile, `${generatePrivateKey()}\n`, { mode: 0o600 });
    const clerk = privateKeyToAccount(generatePrivateKey());
    const guest = privateKeyToAccount(generatePrivateKey());

    const first = await spawnRelay(["--database", url, "--key-file", keyFile]);
    expect((await postJson(`${first.httpUrl}/testing/enroll_keycard`, { shopId: SHOP, publicKey: clerk.publicKey })).status).toBe(201);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const second = await spawnRelay(["--database", url, "--key-file", keyFile]);
    expect(second.relayAddress).toBe(first.relayAddress);
    // The clerk is known after the restart: enrolling it again is refused, a new guest is not.
    expect((await postJson(`${second.httpUrl}/testing/enroll_keycard`, { shopId: SHOP, publicKey: clerk.publicKey })).status).toBeGreaterThanOrEqual(400);
    expect((await postJson(`${second.httpUrl}/testing/enroll_keycard`, { shopId: SHOP, publicKey: guest.publicKey, guest: true })).status).toBe(201);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const store = await openPostgresShopStore({ connectionString: url });
    const [shopId] = await store.shops();
    expect((await store.read({ shopId: shopId!, afterSeqNo: 0n })).map((r) => [r.seqNo, r.signer])).toEqual([[1n, first.relayAddress.toLowerCase()], [2n, first.relayAddress.toLowerCase()]]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses --database without --key-file", async () => {
    await expect(spawnRelay(["--database", url])).rejects.toThrow(/--database needs --key-file/);
  });
});
