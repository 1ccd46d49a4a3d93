// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A stand-in worker that checks nothing: it answers every job of a batch with
// its own thread id as the "signer", so a test sees which worker got which job.
import { parentPort, threadId } from "node:worker_threads";
import type { WorkerAnswer, WorkerBatch } from "../../../src/relay/verify-pool.js";

const port = parentPort;
if (port === null) throw new Error("a worker thread only");
port.on("message", ({ id, buffer, lengths }: WorkerBatch) => {
  const answer: WorkerAnswer = { id, buffer, signers: lengths.map(() => `thread ${threadId}`) };
  port.postMessage(answer, [answer.buffer]);
});
port.postMessage("started");
