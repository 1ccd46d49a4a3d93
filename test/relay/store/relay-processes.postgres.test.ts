// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Two `massmarket-schema relay --database` processes on one PostgreSQL
// database (issue 22, "Two relay processes, one database"): writers spread
// over both write to one shop and see one gapless total order, each
// acknowledged write exactly once; a subscriber on each process receives
// every event; a SIGKILL of one process loses none of its acknowledged writes,
// and the other keeps serving.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { generatePrivateKey } from "viem/accounts";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Hex } from "viem";
import { type ClientSession, connectClientSession, ErrorCodes, isRelayError } from "../../../src/index.js";
import { openPostgresShopStore, type ShopStoreRecord, TEST_RELAY_DOMAIN } from "../../../src/testing.js";
import * as f from "../../session/fixtures.js";
import { postJson, type RelayProcess, spawnRelay } from "../../session/relay-process.js";

const base = inject("postgresUrl");
const database = `relays_${process.pid}`;
const url = base.replace(/\/postgres$/, `/${database}`);
const SHOP = `0x${f.shopRaw.reduce((hex, byte) => hex + byte.toString(16).padStart(2, "0"), "")}` as Hex;
let dir: string;

// A database of its own: the relays load every shop of it at start.
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${database}`);
  dir = mkdtempSync(join(tmpdir(), "relay-processes-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

// Polls (no time limit asserted) until `done` holds or 3,000 rounds pass.
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 3000 && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function enrolled(relay: RelayProcess, writer: f.Writer): Promise<void> {
  expect((await postJson(`${relay.httpUrl}/testing/enroll_keycard`, { shopId: SHOP, publicKey: writer.account.publicKey })).status).toBe(201);
}

// A session logged in on `relay`; a keycard enrolled through the other process is known here once its notice arrived.
async function loggedIn(relay: RelayProcess, writer: f.Writer): Promise<ClientSession> {
  let last: unknown;
  for (let i = 0; i < 300; i++) {
    const session = await connectClientSession({ url: relay.url, domain: TEST_RELAY_DOMAIN, relays: [relay.relayAddress as Hex], WebSocket });
    try {
      await session.login({ account: writer.account });
      return session;
    } catch (error) {
      last = error;
      session.close();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  throw last;
}

const key = (signer: string, nonce: bigint): string => `${signer.toLowerCase()}/${nonce}`;

// A write as a client should make it: "retry later" (STORE_FAILED, e.g. the other process won every append race) is retried.
async function writeOne(session: ClientSession, writer: f.Writer, union: f.UnionInit): Promise<string> {
  const nonce = ++writer.nonce;
  const event = await writer.sign(union, { nonce });
  for (let attempt = 1; ; attempt++) {
    try {
      await session.write({ events: [event] });
      return key(writer.account.address, nonce);
    } catch (error) {
      if (!isRelayError(error) || error.errorCode !== ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS || attempt === 5) throw error;
    }
  }
}

describe("two relay processes on one PostgreSQL database", () => {
  it("one gapless order, every acknowledged write once, pushes on both, and a SIGKILL loses no acknowledged write", async () => {
    const keyFile = join(dir, "relay.key");
    writeFileSync(keyFile, `${generatePrivateKey()}\n`, { mode: 0o600 });
    const relays = [await spawnRelay(["--database", url, "--key-file", keyFile, "--quiet"]), await spawnRelay(["--database", url, "--key-file", keyFile, "--quiet"])] as const;
    const writers = [0, 1, 2, 3].map(() => new f.Writer(TEST_RELAY_DOMAIN));
    const readers = [0, 1].map(() => new f.Writer(TEST_RELAY_DOMAIN));
    // All enrolled through the first process: the second learns of them from the store's notices.
    for (const writer of [...writers, ...readers]) await enrolled(relays[0], writer);
    const sessions = await Promise.all(writers.map((writer, i) => loggedIn(relays[i % 2]!, writer)));
    await sessions[1]!.write({ events: [await writers[1]!.sign(f.manifest())] });
    const pushed: bigint[][] = [[], []];
    const subscribers = await Promise.all(readers.map(async (reader, i) => {
      const session = await loggedIn(relays[i]!, reader);
      session.on((e) => {
        if (e.type === "events") pushed[i]!.push(...e.events.map((x) => x.seqNo));
      });
      await session.subscribe({ shopId: f.SHOP_ID });
      return session;
    }));

    // Phase 1: every writer writes 15 events, one at a time (a retried write stays in nonce order), on both processes at once.
    const acked = new Set<string>();
    const write = async (w: number, k: number): Promise<void> => {
      acked.add(await writeOne(sessions[w]!, writers[w]!, f.tag(1000 * w + k)));
    };
    await Promise.all(writers.map(async (_, w) => {
      for (let k = 0; k < 15; k++) await write(w, k);
    }));
    const store = await openPostgresShopStore({ connectionString: url });
    let records: readonly ShopStoreRecord[] = await store.read({ shopId: f.shopRaw, afterSeqNo: 0n });
    const head = records.length;
    expect(records.map((r) => r.seqNo)).toEqual(Array.from({ length: head }, (_, i) => BigInt(i + 1)));
    await until(() => pushed.every((seqNos) => seqNos.length >= head));
    expect(pushed[0]).toEqual(records.map((r) => r.seqNo));
    expect(pushed[1]).toEqual(records.map((r) => r.seqNo));

    // Phase 2: the writers on the second process keep writing; it is killed once a few more writes are acknowledged.
    let running = true;
    const loops = writers.map(async (writer, w) => {
      for (let k = 100; running; k++) {
        let write;
        try {
          write = await writeOne(sessions[w]!, writer, f.tag(1000 * w + k));
        } catch (error) {
          // Only the killed process's writers may fail (their last write in flight, stored or not).
          if (w % 2 === 1) return;
          throw error;
        }
        acked.add(write);
      }
    });
    const before = acked.size;
    await until(() => acked.size >= before + 12);
    relays[1].child.kill("SIGKILL");
    expect(await relays[1].exited).toBe("SIGKILL");
    // The survivor keeps serving: a writer of the killed process logs in there and writes.
    const moved = await loggedIn(relays[0], writers[1]!);
    await Promise.all(loops.filter((_, w) => w % 2 === 1));
    // Its last write may have been stored before the kill: the next one takes a nonce past it.
    writers[1]!.nonce += 1n;
    acked.add(await writeOne(moved, writers[1]!, f.tag(99_999)));
    running = false;
    await Promise.all(loops);

    records = await store.read({ shopId: f.shopRaw, afterSeqNo: 0n });
    expect(records.map((r) => r.seqNo)).toEqual(Array.from({ length: records.length }, (_, i) => BigInt(i + 1)));
    const stored = records.map((r) => key(r.signer, r.nonce));
    expect(new Set(stored).size).toBe(stored.length);
    for (const write of acked) expect(stored).toContain(write);
    // The survivor's subscriber has every event, the last write included.
    await until(() => pushed[0]!.length >= records.length);
    expect(pushed[0]).toEqual(records.map((r) => r.seqNo));
    await store.close();
    for (const session of [...sessions, ...subscribers, moved]) session.close();
    relays[0].child.kill("SIGTERM");
    expect(await relays[0].exited).toBe(0);
  });
});
