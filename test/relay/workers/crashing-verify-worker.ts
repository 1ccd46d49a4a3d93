// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The real verification worker, except that it throws (and so dies) on its
// second batch, before answering it.
import { parentPort } from "node:worker_threads";

let batches = 0;
parentPort?.on("message", () => {
  batches += 1;
  if (batches === 2) throw new Error("verification worker crashed on purpose");
});
await import("../../../src/relay/verify-worker.js");
