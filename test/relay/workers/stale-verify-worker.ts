// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A verification worker whose answers go astray: it checks its first batch
// for real, then answers every later batch with that first batch's bytes and
// signers (a result delivered for the wrong event).
import { parentPort, workerData } from "node:worker_threads";
import type { EventDomain } from "../../../src/eip712/domain.js";
import { openSignedEvent } from "../../../src/wire/open-signed-event.js";
import type { WorkerBatch } from "../../../src/relay/verify-pool.js";

const { domain } = workerData as { domain: EventDomain };
let first: { buffer: ArrayBuffer; signers: (string | null)[] } | undefined;
parentPort?.on("message", (batch: WorkerBatch) => {
  if (first === undefined) {
    const bytes = new Uint8Array(batch.buffer);
    let at = 0;
    const signers = batch.lengths.map((length) => {
      const signedEvent = bytes.subarray(at, (at += length));
      try {
        return openSignedEvent({ signedEvent, domain }).signer;
      } catch {
        return null;
      }
    });
    first = { buffer: batch.buffer.slice(0), signers };
  }
  parentPort?.postMessage({ id: batch.id, buffer: first.buffer.slice(0), signers: first.signers });
});
parentPort?.postMessage("started");
