// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// State snapshots beside the log: a restart starts from the last snapshot of
// each shop whose seq_no and chain hash match the log, and folds only the
// tail; a snapshot that does not match, or runs past the log, is not used
// (full replay, reason logged). A client resumes from a snapshot's state.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { shopStateFromJSON } from "../../src/state/shop-state-from-json.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import { SHOP_STATE_VERSION } from "../../src/state/shop-state.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { createFileStore, LOG_FILE } from "../../src/relay/file-store.js";
import { SNAPSHOT_DIR } from "../../src/relay/snapshot-file.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { ManualClock } from "../session/harness.js";
import { RELAY_KEY, tempDir } from "./data-dir-fixtures.js";
import { connectInMemory } from "./memory-pair.js";

const RELAY_ADDRESS = privateKeyToAccount(RELAY_KEY).address;
const newKey = () => privateKeyToAccount(generatePrivateKey()).publicKey;

async function open(dir: string, warnings: string[] = []): Promise<ReferenceRelay> {
  const store = await createFileStore({ directory: dir });
  return ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: RELAY_KEY, store, snapshotEvery: 5, warn: (line) => warnings.push(line) });
}

// A directory with `count` enrollments in shop 23, a snapshot every 5 records.
async function shopWith(count: number): Promise<{ dir: string; json: string; snapshot: string }> {
  const dir = tempDir();
  const relay = await open(dir);
  for (let i = 0; i < count; i++) await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: newKey() });
  const json = shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! });
  await relay.close();
  const files = readdirSync(join(dir, SNAPSHOT_DIR));
  expect(files).toHaveLength(1);
  return { dir, json, snapshot: join(dir, SNAPSHOT_DIR, files[0] as string) };
}

const header = (path: string) => JSON.parse(readFileSync(path, "utf8").split("\n")[0] as string) as { seqNo: string; logHash: string };

describe("restart from a snapshot", () => {
  it("keeps the last snapshot per shop with its seq_no, and restarts into the same state and log", async () => {
    const { dir, json, snapshot } = await shopWith(12);
    expect(header(snapshot).seqNo).toBe("10");
    const warnings: string[] = [];
    const relay = await open(dir, warnings);
    expect(warnings).toEqual([]);
    expect(shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! })).toBe(json);
    const log = relay.read({ shopId: f.shopRaw, afterSeqNo: 0n });
    expect(log.map((e) => e.seqNo)).toEqual(Array.from({ length: 12 }, (_, i) => BigInt(i + 1)));
    // Entries under the snapshot decode on demand, to what was written.
    expect(log[2]?.event.union.case).toBe("account");
    expect(log[2]?.signer).toBe(relay.address);
    await relay.close();
  });

  it("snapshots the state at its own seq_no while later writes are already folded (the relay's state is live)", async () => {
    const dir = tempDir();
    const relay = await open(dir);
    // Twelve writes in flight at once: each is folded before the first append resolves.
    await Promise.all(Array.from({ length: 12 }, () => relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: newKey() })));
    await relay.close();
    const files = readdirSync(join(dir, SNAPSHOT_DIR));
    const path = join(dir, SNAPSHOT_DIR, files[0] as string);
    const state = shopStateFromJSON({ json: readFileSync(path, "utf8").split("\n").slice(1).join("\n") });
    // One enrollment per record: the snapshot holds exactly the keycards of the records it covers.
    expect(Object.keys(state.keycards)).toHaveLength(Number(header(path).seqNo));
    const warnings: string[] = [];
    const again = await open(dir, warnings);
    expect(warnings).toEqual([]);
    expect(Object.keys(again.shopState({ shopId: f.SHOP_ID })!.keycards)).toHaveLength(12);
    await again.close();
  });

  it("starts from the snapshot's state and folds only the tail", async () => {
    const { dir, snapshot } = await shopWith(12);
    // Give the snapshot at 10 a state that replaying records 1…10 would never produce: the
    // state at 5 (the hash binds the log, not the state; the relay wrote both).
    const bytes = readFileSync(join(dir, LOG_FILE));
    const store = await createFileStore({ directory: dir });
    const firstFive = (await store.load()).slice(0, 5);
    await store.close();
    const memory = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: RELAY_KEY, store: { load: async () => firstFive, append: async () => undefined, close: async () => undefined } });
    const atFive = shopStateToJSON({ state: memory.shopState({ shopId: f.SHOP_ID })! });
    const [line] = readFileSync(snapshot, "utf8").split("\n");
    writeFileSync(snapshot, `${line}\n${atFive}`);
    const relay = await open(dir);
    const state = relay.shopState({ shopId: f.SHOP_ID })!;
    expect(Object.keys(state.keycards)).toHaveLength(7);
    expect(readFileSync(join(dir, LOG_FILE)).equals(bytes)).toBe(true);
    await relay.close();
  });

  it.each([
    ["a log hash that does not match", (text: string) => text.replace(/"logHash":"0x[0-9a-f]{2}/, '"logHash":"0x00'), "does not match the log"],
    ["a state that does not parse", (text: string) => `${text.split("\n")[0]}\n{"not":"a state"}`, "holds no valid state"],
    ["a header that does not parse", () => "junk", "no header line"],
    // Written by an older release: SHOP_STATE_VERSION changed (3: shopSignature null when absent).
    ["a state of the previous version", (text: string) => text.replace(`"version":${SHOP_STATE_VERSION}`, `"version":${SHOP_STATE_VERSION - 1}`), "holds no valid state"],
    // Restored as is, a lowercase relay address would never equal the relay's recovered (checksummed) signer.
    ["the relay address in lowercase", (text: string) => text.replaceAll(RELAY_ADDRESS, RELAY_ADDRESS.toLowerCase()), "holds no valid state"],
  ])("a snapshot with %s is not used: full replay, reason logged, the relay's next event accepted", async (_, damage, reason) => {
    const { dir, json, snapshot } = await shopWith(12);
    const damaged = damage(readFileSync(snapshot, "utf8"));
    expect(damaged).not.toBe(readFileSync(snapshot, "utf8"));
    writeFileSync(snapshot, damaged);
    const warnings: string[] = [];
    const relay = await open(dir, warnings);
    expect(warnings.join("\n")).toContain(reason);
    expect(shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! })).toBe(json);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: newKey() });
    expect(relay.shopState({ shopId: f.SHOP_ID })!.eventCount).toBe(13);
    await relay.close();
  });

  it("a snapshot past the end of a log cut by repair is not used", async () => {
    const { dir, snapshot } = await shopWith(12);
    const bytes = readFileSync(join(dir, LOG_FILE));
    const store = await createFileStore({ directory: dir });
    const kept = (await store.load()).length;
    await store.close();
    expect(kept).toBe(12);
    // Keep the first 8 records (each one is its header's length plus 8).
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    let offset = 0;
    for (let i = 0; i < 8; i++) offset += 8 + view.getUint32(offset);
    writeFileSync(join(dir, LOG_FILE), bytes.subarray(0, offset));
    const warnings: string[] = [];
    const relay = await open(dir, warnings);
    expect(warnings.join("\n")).toContain(`covers seq_no ${header(snapshot).seqNo} but the log holds 8`);
    expect(relay.shopLog({ shopId: f.SHOP_ID })).toHaveLength(8);
    await relay.close();
  });
});

describe("a client resuming from a saved snapshot", () => {
  it("a ClientSession given the snapshot's state and seq_no receives only the tail and ends in the relay's state", async () => {
    const { dir, snapshot } = await shopWith(12);
    const clock = new ManualClock();
    const relay = await open(dir);
    const reader = new f.Writer(TEST_RELAY_DOMAIN);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: reader.account.publicKey });
    const [line, ...rest] = readFileSync(snapshot, "utf8").split("\n");
    const saved = { state: shopStateFromJSON({ json: rest.join("\n") }), lastSeqNo: BigInt(header(snapshot).seqNo) };
    expect(line).toContain('"seqNo":"10"');
    const client = connectInMemory(relay, clock, saved);
    await client.login({ account: reader.account });
    const pushed: bigint[] = [];
    client.on((e) => {
      if (e.type === "events") pushed.push(...e.events.map((x) => x.seqNo));
    });
    await client.subscribe({ shopId: f.SHOP_ID });
    await client.synced();
    expect(pushed).toEqual([11n, 12n, 13n]);
    expect(shopStateToJSON({ state: client.state! })).toBe(shopStateToJSON({ state: relay.shopState({ shopId: f.SHOP_ID })! }));
    await relay.close();
  });
});
