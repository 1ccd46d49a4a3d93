// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A verification worker (verify-pool.ts): opens each SignedEvent of a batch
// (job-opener.ts, as ShopFold.verify opens it on the relay's thread) and
// answers with the signers and the very bytes it was given.
import { parentPort, workerData } from "node:worker_threads";
import type { EventDomain } from "../eip712/domain.js";
import { selectSecp256k1Path } from "../signature/select-secp256k1-path.js";
import { createJobOpener } from "./job-opener.js";
import type { WorkerAnswer, WorkerBatch, WorkerCryptoPath } from "./verify-pool.js";

const { domain, crypto } = workerData as { domain: EventDomain; crypto: WorkerCryptoPath };
const port = parentPort;
if (port === null) throw new Error("verify-worker.ts runs as a worker thread only");
const open = createJobOpener({ domain });

function verify({ id, buffer, lengths, dialects, keys }: WorkerBatch): WorkerAnswer {
  const bytes = new Uint8Array(buffer);
  let at = 0;
  const signers = lengths.map((length, i) => {
    const signedEvent = bytes.subarray(at, at + length);
    at += length;
    return open(signedEvent, dialects[i] ?? "eip712", keys[i] ?? null) ?? null;
  });
  return { id, buffer, signers };
}

await selectSecp256k1Path({ path: crypto });
port.on("message", (batch: WorkerBatch) => {
  const answer = verify(batch);
  port.postMessage(answer, [answer.buffer]);
});
port.postMessage("started");
