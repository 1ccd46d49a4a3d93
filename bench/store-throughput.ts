// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// "Store throughput": the ShopStores alone, without a relay. 16 writers in
// this process append one-record batches, each acknowledged durably (fsync on
// for PostgreSQL too): on 16 shops of their own, and all on one shop (each
// catches up and retries on SEQ_TAKEN, as writers without a relay core must).
// Events per second and p50/p99 append-to-ack latency, file beside PostgreSQL
// on a throwaway cluster. `npm run bench -- --stores [--quick]` runs only it
// and patches its section (not with --quick). Two relay processes on one
// database need the relay core (issue 22, point 1): not measured here.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { isShopStoreConflictError } from "../src/errors/shop-store-error.js";
import { batch, shop } from "../src/relay/store/conformance-fixtures.js";
import type { ShopStore } from "../src/relay/store/store.js";
import { openFileShopStore, openPostgresShopStore } from "../src/testing.js";
import { startPostgresCluster } from "../test/support/postgres-cluster.js";

const WRITERS = 16;
const TITLE = "## Store throughput";

interface Row {
  readonly store: string;
  readonly shops: string;
  readonly events: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly retries: number;
}

// Each writer appends `count` records, one per batch, at the head of its shop.
async function measure(store: ShopStore, count: number, oneShop: boolean): Promise<Omit<Row, "store" | "shops">> {
  const latencies: number[] = [];
  let retries = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
    const shopId = shop(oneShop ? 200 : 100 + w);
    for (let i = 1; i <= count; i++) {
      const began = performance.now();
      for (;;) {
        const head = await store.head({ shopId });
        try {
          await store.append(batch({ shopId, from: head + 1n, by: w + 1, nonce: BigInt(i) }));
          break;
        } catch (error) {
          if (!isShopStoreConflictError(error) || error.problem !== "SEQ_TAKEN") throw error;
          retries++;
        }
      }
      latencies.push(performance.now() - began);
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { events: latencies.length, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), retries };
}

/** Measures both stores and prints (and, unless quick, patches into RESULTS.md) the section. */
export async function runStoreBench({ quick, resultsPath }: { quick: boolean; resultsPath: URL | undefined }): Promise<void> {
  const count = quick ? 20 : 100;
  const rows: Row[] = [];
  const load = loadavg()[0]!.toFixed(2);
  const directory = mkdtempSync(join(tmpdir(), "bench-file-store-"));
  const cluster = await startPostgresCluster({ fsync: true });
  try {
    for (const [name, open] of [
      ["file", () => openFileShopStore({ directory })],
      ["PostgreSQL", () => openPostgresShopStore({ connectionString: cluster.url, maxConnections: WRITERS })],
    ] as const) {
      const store = await open();
      try {
        rows.push({ store: name, shops: `${WRITERS} shops, a writer each`, ...(await measure(store, count, false)) });
        rows.push({ store: name, shops: "1 shop, 16 writers", ...(await measure(store, count, true)) });
      } finally {
        await store.close();
      }
    }
  } finally {
    cluster.stop();
    rmSync(directory, { recursive: true, force: true });
  }
  const section = [
    `${WRITERS} writers in one process, ${count} one-record appends each, every append durable before its ack (PostgreSQL with fsync on, a throwaway cluster on loopback; load average ${load} at start). On one shop, writers that lose the race for a seq_no read the head again and retry (counted). A relay core would order a shop's writes itself before the store; two relay processes on one database need that core and are not measured yet.`,
    "",
    "| store | shops | events | events/s | p50 ack | p99 ack | retries |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.store} | ${r.shops} | ${r.events} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.retries} |`),
  ].join("\n");
  console.log(section);
  if (resultsPath !== undefined) writeFileSync(resultsPath, withSection(readFileSync(resultsPath, "utf8"), section));
}

/** `text` with the section under `title` replaced by `section` (added at the end when missing). */
export function withSection(text: string, section: string, title = TITLE): string {
  const at = text.indexOf(title);
  const body = `${title}\n\n${section}\n`;
  if (at < 0) return `${text.trimEnd()}\n\n${body}`;
  const next = text.indexOf("\n## ", at + 1);
  return `${text.slice(0, at)}${body}${next < 0 ? "" : text.slice(next + 1)}`;
}

/** The section as RESULTS.md has it, for a full run that does not measure it. */
export function keptStoreSection({ resultsPath }: { resultsPath: URL }): string {
  const text = readFileSync(resultsPath, "utf8");
  const at = text.indexOf(TITLE);
  if (at < 0) return "";
  const next = text.indexOf("\n## ", at + 1);
  return `\n${text.slice(at, next < 0 ? text.length : next + 1)}`;
}
