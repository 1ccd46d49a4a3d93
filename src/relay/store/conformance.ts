// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The suite every ShopStore passes, as plain cases (a name and an async
// function that throws on failure, via node:assert): it needs no test
// framework, so an author registers the cases with whatever runner they use
// (vitest, node:test, mocha, jest) or runs them all with
// runStoreConformance from a script. It knows the store contract, no store.
import { CASES } from "./conformance-cases.js";
import type { ShopStore } from "./store.js";

/** One store being judged: a fresh, empty one per case. */
export interface StoreUnderTest {
  /** Opens a connection to this store; a case may open several, or close one and open another (the data stays). */
  connect(): Promise<ShopStore>;
  /**
   * True when several connections may be open at once (a database). False
   * when a second one is refused while the first is open (the file store's
   * lock): the concurrency cases then race their writers on one connection.
   */
  readonly sharedConnections: boolean;
  /** Ends the connection as a crash would, an append perhaps in flight (without a crash to simulate: close it). */
  crash(store: ShopStore): Promise<void>;
  /** Deletes the store's data (a temporary directory, a database schema); called after each case, passed or failed. */
  destroy(): Promise<void>;
}

/** What {@link storeConformanceCases} judges: a store kind and how to make an empty one. */
export interface StoreConformanceTarget {
  /** Shown in each case's name. */
  readonly name: string;
  /** A new, empty store. */
  create(): Promise<StoreUnderTest>;
}

/** One conformance case: register it with your test runner, or call run(). */
export interface StoreConformanceCase {
  readonly name: string;
  /** Creates a store, runs the case, destroys the store; rejects when the store breaks the contract. */
  run(): Promise<void>;
}

/**
 * The ShopStore conformance suite as cases for any test runner: ordering,
 * idempotent retries, refused duplicate seq_nos and nonces, malformed
 * batches, keycards, snapshots, reopening, a crash mid-append, concurrent
 * writers on two connections, and notifications (docs/relay-guide.md).
 *
 * @example
 * import { test } from "node:test";
 * const target: StoreConformanceTarget = {
 *   name: "memory",
 *   async create() {
 *     const memory = createMemoryShopStore();
 *     return { connect: async () => memory.connect(), sharedConnections: true, crash: (s) => s.close(), destroy: async () => undefined };
 *   },
 * };
 * for (const c of storeConformanceCases({ target })) test(c.name, c.run);
 */
export function storeConformanceCases({ target }: { target: StoreConformanceTarget }): StoreConformanceCase[] {
  return CASES.map(([name, body]) => ({
    name: `${target.name}: ${name}`,
    async run() {
      const store = await target.create();
      try {
        await body(store);
      } finally {
        await store.destroy();
      }
    },
  }));
}

/** What {@link runStoreConformance} found: the cases that passed and the ones that failed, with their errors. */
export interface StoreConformanceReport {
  readonly passed: readonly string[];
  readonly failed: readonly { readonly name: string; readonly error: unknown }[];
}

/**
 * Runs every conformance case in turn, without a test runner (a script, CI
 * step or REPL), and reports them all rather than stopping at the first failure.
 *
 * @example
 * const report = await runStoreConformance({
 *   target: {
 *     name: "memory",
 *     async create() {
 *       const memory = createMemoryShopStore();
 *       return { connect: async () => memory.connect(), sharedConnections: true, crash: (s) => s.close(), destroy: async () => undefined };
 *     },
 *   },
 * });
 * if (report.failed.length > 0) process.exitCode = 1;
 */
export async function runStoreConformance({ target }: { target: StoreConformanceTarget }): Promise<StoreConformanceReport> {
  const passed: string[] = [];
  const failed: { name: string; error: unknown }[] = [];
  for (const c of storeConformanceCases({ target })) {
    try {
      await c.run();
      passed.push(c.name);
    } catch (error) {
      failed.push({ name: c.name, error });
    }
  }
  return { passed, failed };
}
