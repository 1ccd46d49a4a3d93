// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// How much more checking two threads do than one on this machine: the ceiling
// of every "workers ÷ one thread" ratio in the pool section. The compiled
// verification pool (dist/) with one worker, then two, checks the same stored
// SignedEvents (WebAssembly), each after a warm-up, in interleaved rounds; the
// relay's own thread only hands out batches. Nothing else shares the cores.
import { TEST_RELAY_DOMAIN } from "../src/testing.js";
import { medianOf } from "./median-of.js";

export interface CheckScaling {
  /** Checks per second with two workers ÷ with one, for each round in order. */
  readonly ratios: readonly number[];
  /** The median round's ratio. */
  readonly median: number;
  /** Wall time per check with one worker and with two, in the median round. */
  readonly oneMs: number;
  readonly twoMs: number;
  readonly checks: number;
}

const ROUNDS = 3;

/** Times `checks` stored events (of the cached log in `directory`) through pools of one and two workers. */
export async function measureCheckScaling({ directory, checks }: { directory: string; checks: number }): Promise<CheckScaling> {
  const load = (path: string) => import(new URL(`../dist/src/${path}`, import.meta.url).href);
  const [{ createFileStore }, { createVerifyPool }] = (await Promise.all([load("relay/file-store.js"), load("relay/verify-pool.js")])) as [typeof import("../src/relay/file-store.js"), typeof import("../src/relay/verify-pool.js")];
  const store = await createFileStore({ directory });
  const records = await store.load();
  await store.close();
  if (records.length < checks) throw new Error(`check scaling: ${records.length} stored events, ${checks} needed`);
  const jobs = records.slice(0, checks).map((record) => ({ bytes: record.signedEvent, dialect: "eip712" as const }));
  const timed = async (size: number): Promise<number> => {
    const pool = await createVerifyPool({ size, domain: TEST_RELAY_DOMAIN, crypto: "wasm", warn: () => undefined });
    try {
      await pool.ready();
      // Warm: every worker has compiled its hot code before the clock.
      await pool.open(jobs.slice(0, Math.min(jobs.length, 2_000 * size)));
      const started = performance.now();
      const verdicts = await pool.open(jobs);
      const ms = performance.now() - started;
      // A verdict missing means the relay's thread would have checked it: the run would not measure the workers.
      if (verdicts.some((verdict) => verdict === undefined)) throw new Error("check scaling: a worker refused a stored event");
      return ms / jobs.length;
    } finally {
      await pool.close();
    }
  };
  const rounds: { oneMs: number; twoMs: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const oneMs = await timed(1);
    rounds.push({ oneMs, twoMs: await timed(2) });
  }
  const ratio = ({ oneMs, twoMs }: (typeof rounds)[number]) => oneMs / twoMs;
  const median = medianOf(rounds, ratio);
  return { ratios: rounds.map(ratio), median: ratio(median), oneMs: median.oneMs, twoMs: median.twoMs, checks };
}
