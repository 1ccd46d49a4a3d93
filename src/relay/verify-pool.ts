// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Signature checks on worker threads (Node only; docs/sessions.md, "Verification
// pool"). Each worker opens SignedEvent bytes exactly as openSignedEvent does
// (decode, type URL, canonical bytes, hash, recovery, the writer's key first)
// and answers with the signer; the relay applies the state rules in order on
// its own thread. A verdict counts only for the exact bytes it was asked about
// (the worker hands the bytes back and they are compared); anything else (a
// refusal, a crash, a closed pool, a worker not started yet) answers
// `undefined`, and the relay then checks the event itself: a verdict can speed
// an event up, never change a decision. Internal: not exported from the package.
import type { Worker as NodeWorker } from "node:worker_threads";
import type { Address } from "viem";
import type { EventDomain } from "../eip712/domain.js";
import type { Dialect } from "../wire/dialect.js";
import { sameBytes } from "../wire/same-bytes.js";
import { createJobOpener, type JobOpener } from "./job-opener.js";

/** One SignedEvent to open. */
export interface VerifyJob {
  /** The SignedEvent's binary encoding: what the relay stores. */
  readonly bytes: Uint8Array;
  readonly dialect: Dialect;
  /** The public key (65 bytes, 0x04 ‖ x ‖ y) expected to sign, checked before recovering. */
  readonly expectedKey?: Uint8Array | undefined;
}

/** The signer a worker found for exactly the job's bytes, or undefined: the caller checks the event itself. */
export type Verdict = Address | undefined;

/** The secp256k1 path the workers select (selectSecp256k1Path). */
export type WorkerCryptoPath = "native" | "wasm" | "js";

export interface VerifyPool {
  /** Worker threads asked for. */
  readonly size: number;
  /** Resolves when every worker started so far has started (or failed to). */
  ready(): Promise<void>;
  /** Starts the workers that `start` left out, up to `size`. */
  grow(): void;
  /**
   * Verdicts, in job order; never rejects. While no worker runs they answer undefined at once,
   * unless `helped`: then they wait for a worker or for the caller's {@link VerifyPool.help}.
   */
  open(jobs: readonly VerifyJob[], options?: { readonly helped?: boolean }): Promise<Verdict[]>;
  /**
   * Opens on the calling thread up to `max` jobs that no worker holds yet, the last queued first
   * (the workers take the first), exactly as a worker would; returns how many. A replay calls it
   * while the verdicts it needs next are out, so its thread checks too instead of waiting.
   */
  help(max: number): number;
  /** Stops the workers; jobs still waiting answer undefined. */
  close(): Promise<void>;
}

/** Jobs per message: large enough to amortise messaging, small enough to spread a burst over every worker. */
const BATCH = 32;
/** Batches a worker holds at once: one running, one waiting, so it never idles between messages. */
const IN_FLIGHT = 2;
/** Crashes in a row (without one answer in between) after which a worker is not replaced. */
const MAX_CRASHES = 3;

interface Pending {
  readonly job: VerifyJob;
  readonly resolve: (verdict: Verdict) => void;
  /** Its caller takes it with help() while no worker runs, rather than get undefined at once. */
  readonly helped: boolean;
}

interface Slot {
  readonly worker: NodeWorker;
  started: boolean;
  readonly batches: Map<number, readonly Pending[]>;
}

/** What a worker answers for one batch. */
export interface WorkerAnswer {
  readonly id: number;
  /** The batch's bytes, handed back: the verdicts hold for these bytes only. */
  readonly buffer: ArrayBuffer;
  readonly signers: readonly (string | null)[];
}

/** What a worker is sent for one batch: the jobs' bytes back to back in one transferred buffer. */
export interface WorkerBatch {
  readonly id: number;
  readonly buffer: ArrayBuffer;
  readonly lengths: readonly number[];
  readonly dialects: readonly Dialect[];
  readonly keys: readonly (Uint8Array | null)[];
}

/** The worker's file: the compiled one beside this module, or the TypeScript source under tsx and vitest. */
const WORKER_ENTRY = new URL(import.meta.url.endsWith(".ts") ? "./verify-worker.ts" : "./verify-worker.js", import.meta.url);

/**
 * A pool of `size` verification workers (size ≥ 1), of which `start` (1 to size, default all) start now and the
 * rest on grow(); `entry` replaces the worker's file in tests (crashes, stale answers).
 */
export async function createVerifyPool({ size, start = size, domain, crypto, warn, entry = WORKER_ENTRY }: { size: number; start?: number; domain: EventDomain; crypto: WorkerCryptoPath; warn: (line: string) => void; entry?: URL }): Promise<VerifyPool> {
  // Lazy: the module graph of the package's browser entries never reaches node:worker_threads.
  const { Worker } = await import("node:worker_threads");
  const boot = entry.pathname.endsWith(".ts") ? await sourceBoot(entry) : undefined;
  const slots = new Set<Slot>();
  const queue: Pending[] = [];
  const starting: Promise<void>[] = [];
  let nextId = 0;
  let crashes = 0;
  // The calling thread's own keycard sets, made when it first helps.
  let opener: JobOpener | undefined;
  let closed = false;
  let pumpScheduled = false;

  const settle = (pending: readonly Pending[], verdicts?: readonly Verdict[]) => {
    for (const [i, item] of pending.entries()) item.resolve(verdicts?.[i]);
  };

  const pump = () => {
    // Level by level (idle workers first), the queue is shared out evenly: a few jobs go one to a worker,
    // not all to the first, so a light load is checked on every core at once.
    for (let level = 0; level < IN_FLIGHT && queue.length > 0; level++) {
      const open = [...slots].filter((slot) => slot.started && slot.batches.size <= level);
      for (const [i, slot] of open.entries()) {
        if (queue.length === 0) break;
        send(slot, queue.splice(0, Math.min(BATCH, Math.ceil(queue.length / (open.length - i)))));
      }
    }
    // No worker running (none started yet, or all gone): the relay checks these itself rather than wait.
    if (![...slots].some((slot) => slot.started)) settle(unhelped());
  };

  // Takes the queued jobs whose caller does not help out of the queue.
  const unhelped = (): Pending[] => {
    const out = queue.filter((pending) => !pending.helped);
    if (out.length > 0) queue.splice(0, queue.length, ...queue.filter((pending) => pending.helped));
    return out;
  };

  const send = (slot: Slot, pending: readonly Pending[]) => {
    const id = nextId++;
    const lengths = pending.map(({ job }) => job.bytes.length);
    const packed = new Uint8Array(lengths.reduce((sum, n) => sum + n, 0));
    let at = 0;
    for (const { job } of pending) {
      packed.set(job.bytes, at);
      at += job.bytes.length;
    }
    slot.batches.set(id, pending);
    const batch: WorkerBatch = { id, buffer: packed.buffer, lengths, dialects: pending.map(({ job }) => job.dialect), keys: pending.map(({ job }) => job.expectedKey ?? null) };
    slot.worker.postMessage(batch, [packed.buffer]);
  };

  const answered = (slot: Slot, answer: WorkerAnswer) => {
    const pending = slot.batches.get(answer.id);
    if (pending === undefined) return;
    slot.batches.delete(answer.id);
    crashes = 0;
    settle(pending, bindVerdicts(pending.map(({ job }) => job.bytes), answer));
    pump();
  };

  const lost = (slot: Slot, reason: string) => {
    if (!slots.delete(slot)) return;
    // Its events are checked again by the relay itself: never lost, never taken unchecked.
    for (const pending of slot.batches.values()) settle(pending);
    slot.batches.clear();
    if (closed) return;
    crashes += 1;
    warn(`relay: a verification worker stopped (${reason}); its events are checked on the main thread`);
    if (crashes < MAX_CRASHES) spawn();
    pump();
  };

  const spawn = () => {
    const worker = boot === undefined ? new Worker(entry, { workerData: { domain, crypto } }) : new Worker(boot, { eval: true, workerData: { domain, crypto } });
    // The pool never keeps a process alive by itself.
    worker.unref();
    const slot: Slot = { worker, started: false, batches: new Map() };
    slots.add(slot);
    starting.push(
      new Promise<void>((resolve) => {
        worker.on("message", (message: WorkerAnswer | "started") => {
          if (message === "started") {
            slot.started = true;
            resolve();
            return pump();
          }
          answered(slot, message);
        });
        worker.once("error", (error) => {
          resolve();
          lost(slot, error instanceof Error ? error.message : String(error));
        });
        worker.once("messageerror", () => lost(slot, "a message could not be read"));
        worker.once("exit", (code) => {
          resolve();
          lost(slot, `exit code ${code}`);
        });
      }),
    );
  };

  let asked = 0;
  const grow = (to: number) => {
    for (; asked < to && !closed; asked++) spawn();
  };
  grow(Math.max(1, Math.min(size, start)));
  return {
    size,
    ready: async () => {
      await Promise.all(starting);
    },
    grow: () => grow(size),
    open(jobs, { helped = false } = {}) {
      if (jobs.length === 0) return Promise.resolve([]);
      const verdicts = Promise.all(jobs.map((job) => new Promise<Verdict>((resolve) => queue.push({ job, resolve, helped }))));
      if (closed) settle(queue.splice(0));
      else if (!pumpScheduled) {
        // Jobs arriving in one turn of the event loop (many sockets' frames) go out in as few messages as possible.
        pumpScheduled = true;
        setImmediate(() => {
          pumpScheduled = false;
          if (!closed) pump();
        });
      }
      return verdicts;
    },
    help(max) {
      const taken = queue.splice(Math.max(0, queue.length - max));
      opener ??= createJobOpener({ domain });
      for (const { job, resolve } of taken) resolve(opener(job.bytes, job.dialect, job.expectedKey ?? null));
      return taken.length;
    },
    async close() {
      closed = true;
      settle(queue.splice(0));
      const workers = [...slots];
      for (const slot of workers) {
        slots.delete(slot);
        for (const pending of slot.batches.values()) settle(pending);
      }
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}

/**
 * Workers to check a replay with while the relay's own thread helps (VerifyPool.help): one per core
 * but the relay's, at least one, at most `size`. A worker more would share a core with the relay's
 * thread and add its start-up (module loading, ~0.25 s of CPU) to the replay.
 */
export async function replayWorkers({ size }: { size: number }): Promise<number> {
  const { availableParallelism } = await import("node:os");
  return Math.max(1, Math.min(size, availableParallelism() - 1));
}

/** A worker's signers, each kept only where the bytes it handed back are the job's own, byte for byte. */
export function bindVerdicts(jobs: readonly Uint8Array[], answer: WorkerAnswer): Verdict[] {
  const echoed = new Uint8Array(answer.buffer);
  let at = 0;
  return jobs.map((bytes, i) => {
    const back = echoed.subarray(at, at + bytes.length);
    at += bytes.length;
    const signer = answer.signers[i];
    return typeof signer === "string" && sameBytes({ a: back, b: bytes }) ? (signer as Address) : undefined;
  });
}

// A .ts worker (the sources, run by tsx or vitest): its thread registers tsx's loader itself, then imports the file.
async function sourceBoot(entry: URL): Promise<string> {
  const { createRequire } = await import("node:module");
  // The ESM build of tsx's API: the CommonJS one cannot register from a worker.
  const api = createRequire(import.meta.url).resolve("tsx/esm/api").replace(/index\.cjs$/, "index.mjs");
  const { pathToFileURL } = await import("node:url");
  return `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}
