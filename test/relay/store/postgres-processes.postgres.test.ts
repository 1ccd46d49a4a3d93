// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Several processes on one PostgreSQL store (postgres-writer.ts): writers in
// three processes get one gapless order for a shop, each write once; a writer
// killed with SIGKILL loses none of the appends it saw acknowledged, and the
// others go on.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { openPostgresShopStore } from "../../../src/testing.js";
import { shop, signer } from "../../../src/relay/store/conformance-fixtures.js";

const url = inject("postgresUrl");
const script = fileURLToPath(new URL("./postgres-writer.ts", import.meta.url));

function writer(schema: string, by: number, batches: number, size: number): { child: ChildProcess; acked: bigint[]; done: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", script, url, schema, String(by), String(batches), String(size)], { stdio: ["ignore", "pipe", "inherit"] });
  const acked: bigint[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const [, , nonce] = line.split(" ");
    acked.push(BigInt(nonce!));
  });
  return { child, acked, done: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
}

describe("PostgreSQL ShopStore shared by processes", () => {
  it("writers in three processes get one gapless order of shop 1, each write once and in its writer's order", async () => {
    const schema = `procs_${process.pid}`;
    const store = await openPostgresShopStore({ connectionString: url, schema });
    const writers = [writer(schema, 1, 15, 2), writer(schema, 2, 15, 1), writer(schema, 3, 10, 3)];
    expect(await Promise.all(writers.map((w) => w.done))).toEqual([0, 0, 0]);
    const all = await store.read({ shopId: shop(1), afterSeqNo: 0n });
    expect(all.map((r) => r.seqNo)).toEqual(Array.from({ length: 75 }, (_, i) => BigInt(i + 1)));
    for (const [by, count] of [[1, 30], [2, 15], [3, 30]] as const) {
      expect(all.filter((r) => r.signer === signer(by)).map((r) => r.nonce)).toEqual(Array.from({ length: count }, (_, i) => BigInt(i + 1)));
    }
    await store.close();
  });

  it("a writer killed with SIGKILL loses no acknowledged append, and the other writer finishes", async () => {
    const schema = `kill_${process.pid}`;
    const store = await openPostgresShopStore({ connectionString: url, schema });
    const victim = writer(schema, 1, 100_000, 1);
    const other = writer(schema, 2, 40, 1);
    // Killed once it has seen some appends acknowledged, most likely with one in flight.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (victim.acked.length >= 20) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    victim.child.kill("SIGKILL");
    const seen = [...victim.acked];
    expect(await victim.done).toBe(null);
    expect(await other.done).toBe(0);
    const all = await store.read({ shopId: shop(1), afterSeqNo: 0n });
    const stored = all.filter((r) => r.signer === signer(1)).map((r) => r.nonce);
    // Every acknowledged nonce is stored, in order; at most the one in flight beyond them.
    expect(stored.slice(0, seen.length)).toEqual(seen);
    expect(stored.length - seen.length).toBeLessThanOrEqual(1);
    expect(all.filter((r) => r.signer === signer(2))).toHaveLength(40);
    expect(all.map((r) => r.seqNo)).toEqual(Array.from({ length: all.length }, (_, i) => BigInt(i + 1)));
    await store.close();
  });
});
