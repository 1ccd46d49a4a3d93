// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Durability: the relay process is SIGKILLed in the middle of a write burst.
// After a restart on the same data directory every write it acknowledged is
// in the log, the log replays (every record verified again), and no torn
// record is left in the file.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Address } from "viem";
import { afterAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { connectClientSession } from "../../src/index.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import { LOG_FILE, parseLog } from "../../src/relay/file-store.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "./fixtures.js";
import { postJson, spawnRelay } from "./relay-process.js";

const dir = mkdtempSync(join(tmpdir(), "relay-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const connect = (url: string, relayAddress: string) =>
  connectClientSession({ url, domain: TEST_RELAY_DOMAIN, relays: [relayAddress as Address], WebSocket });

describe("relay --data", () => {
  it("keeps every acknowledged write across SIGKILL during a burst, and no torn record", async () => {
    const clerk = new f.Writer(TEST_RELAY_DOMAIN);
    const first = await spawnRelay(["--data", dir]);
    expect((await postJson(`${first.httpUrl}/testing/enroll_keycard`, { shopId: "23", publicKey: clerk.account.publicKey })).status).toBe(201);
    const session = await connect(first.url, first.relayAddress);
    await session.login({ account: clerk.account });
    await session.write({ events: [await clerk.sign(f.manifest())] });

    // Sign up front, then keep a window of writes in flight until the kill: the relay can
    // never run ahead of the client (a faster relay once acknowledged a whole fixed burst
    // before the signal landed), so the kill always falls mid-stream.
    const burst: { n: number; event: SignedEvent }[] = [];
    for (let n = 1; n <= 2000; n++) burst.push({ n, event: await clerk.sign(f.tag(n)) });
    const acknowledged: number[] = [];
    const writes: Promise<unknown>[] = [];
    let sent = 0;
    let killed = false;
    const send = (): void => {
      while (!killed && sent < burst.length && sent - acknowledged.length < 64) {
        const { n, event } = burst[sent++] as { n: number; event: SignedEvent };
        writes.push(session.write({ events: [event] }).then(() => (acknowledged.push(n), send()), () => undefined));
      }
    };
    send();
    while (acknowledged.length < 200 && sent < burst.length) await new Promise((resolve) => setTimeout(resolve, 1));
    killed = true;
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    await Promise.all(writes);
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);
    expect(acknowledged.length).toBeLessThan(sent);

    const second = await spawnRelay(["--data", dir]);
    expect(second.relayAddress).toBe(first.relayAddress);
    const reader = await connect(second.url, second.relayAddress);
    await reader.login({ account: clerk.account });
    await reader.subscribe({ shopId: f.SHOP_ID });
    await reader.synced();
    const tags = reader.state?.tags ?? {};
    for (const n of acknowledged) expect(tags[f.hex8(n)], `acknowledged tag ${n}`).toBeDefined();
    // Whatever was stored but not acknowledged is a prefix of the burst: the log has no gaps.
    const stored = Object.keys(tags).length;
    for (let n = 1; n <= stored; n++) expect(tags[f.hex8(n)]).toBeDefined();
    reader.close();
    second.child.kill("SIGTERM");
    await second.exited;

    const bytes = readFileSync(join(dir, LOG_FILE));
    const { records, validBytes, size } = parseLog(bytes);
    expect(validBytes).toBe(size);
    expect(records.map((r) => r.seqNo)).toEqual(records.map((_, i) => BigInt(i + 1)));
    expect(records.length).toBe(2 + stored);
  }, 60_000);
});
