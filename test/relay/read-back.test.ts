// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay keeps offsets, not event bytes: each entry it serves is read back
// from the log file. After a restart and after new writes, every entry decodes
// to the record the file holds at its position, with its signer.
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bytesToHex, numberToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { SignedEventSchema } from "../../gen/market/mass/transport_pb.js";
import { createFileStore, LOG_FILE, parseLog } from "../../src/relay/file-store.js";
import { ShopLogIndex } from "../../src/relay/shop-log-index.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { directoryWithLog, openOn, RELAY_KEY, tempDir } from "./data-dir-fixtures.js";

const hex = (bytes: Uint8Array) => bytesToHex(bytes);

describe("entries are read back from the log file", () => {
  it("after a restart and after new writes, each entry decodes to the record at its position in the file", async () => {
    const dir = await directoryWithLog(4);
    const relay = await openOn(dir);
    await relay.enrollKeycard({ shopId: 23n, publicKey: privateKeyToAccount(generatePrivateKey()).publicKey });
    const entries = relay.read({ shopId: numberToBytes(23n, { size: 32 }), afterSeqNo: 0n });
    const onDisk = parseLog(readFileSync(join(dir, LOG_FILE))).records;
    expect(onDisk).toHaveLength(5);
    expect(entries.map((entry) => entry.seqNo)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(entries.map((entry) => hex(toBinary(SignedEventSchema, entry.signedEvent)))).toEqual(onDisk.map((record) => hex(record.signedEvent)));
    expect(entries.map((entry) => entry.event.union.case)).toEqual(Array(5).fill("account"));
    // The live commit's entry shares the commit's decoded objects: they are exactly what its bytes decode to.
    for (const entry of entries) expect(entry.event).toEqual(fromBinary(ShopEventSchema, entry.signedEvent.event?.value ?? new Uint8Array(0)));
    expect(entries.map((entry) => entry.signer)).toEqual(Array(5).fill(relay.address));
    await relay.close();
  });

  it("the file store says where each record starts, at load and at append, and reads it back by that offset", async () => {
    const dir = tempDir();
    const store = await createFileStore({ directory: dir });
    const record = (seqNo: bigint, size: number) => ({ shopId: new Uint8Array(32).fill(7), seqNo, signedEvent: new Uint8Array(size).fill(Number(seqNo)) });
    expect(await store.append([record(1n, 10), record(2n, 30)])).toEqual([0, 58]);
    expect(await store.append([record(3n, 5)])).toEqual([136]);
    await store.close();
    const again = await createFileStore({ directory: dir });
    const loaded = await again.load();
    expect(loaded.map((r) => r.offset)).toEqual([0, 58, 136]);
    expect(await again.append([record(4n, 1)])).toEqual([189]);
    const back = again.readRecord!({ offset: 58 });
    expect([back.seqNo, hex(back.signedEvent)]).toEqual([2n, hex(record(2n, 30).signedEvent)]);
    expect(again.readRecord!({ offset: 189 }).seqNo).toBe(4n);
    await again.close();
  });

  it("loaded records are views of one read of the file; bytes the relay holds from them are copies that own their buffer", async () => {
    const dir = await directoryWithLog(3);
    const store = await createFileStore({ directory: dir });
    const loaded = await store.load();
    const buffer = loaded[0]!.signedEvent.buffer;
    expect(loaded.every((record) => record.signedEvent.buffer === buffer && record.shopId.buffer === buffer)).toBe(true);
    await store.close();
    // A store that cannot read records back makes the relay hold each record's bytes: never as a view of that read.
    const index = new ShopLogIndex({ shopId: loaded[0]!.shopId, store: { load: () => Promise.resolve(loaded), append: () => Promise.resolve(), close: () => Promise.resolve() }, domain: TEST_RELAY_DOMAIN });
    for (const record of loaded) index.push({ record });
    const held = (index as unknown as { held: Map<number, Uint8Array> }).held;
    expect([...held.values()].map((bytes) => bytes.buffer.byteLength)).toEqual(loaded.map((record) => record.signedEvent.length));
  });

  it("a v3-dialect shop's entries, read back from the file after a restart, name their EIP-191 signer", async () => {
    const dir = tempDir();
    const open = async () => ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: RELAY_KEY, store: await createFileStore({ directory: dir }), dialect: "v3" });
    const relay = await open();
    for (let i = 0; i < 3; i++) await relay.enrollKeycard({ shopId: 23n, publicKey: privateKeyToAccount(generatePrivateKey()).publicKey });
    await relay.close();
    const again = await open();
    const entries = again.read({ shopId: numberToBytes(23n, { size: 32 }), afterSeqNo: 0n });
    expect(entries.map((entry) => entry.signer)).toEqual(Array(3).fill(again.address));
    await again.close();
  });
});
