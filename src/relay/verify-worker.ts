// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A verification worker (verify-pool.ts): opens each SignedEvent of a batch
// with openSignedEvent, as ShopFold.verify does on the relay's thread, and
// answers with the signers and the very bytes it was given.
import { parentPort, workerData } from "node:worker_threads";
import type { EventDomain } from "../eip712/domain.js";
import { selectSecp256k1Path } from "../signature/select-secp256k1-path.js";
import { createKeycardSet, type KeycardSet } from "../wire/keycards.js";
import { openSignedEvent } from "../wire/open-signed-event.js";
import { bytesToHex } from "../crypto/hex.js";
import type { WorkerAnswer, WorkerBatch, WorkerCryptoPath } from "./verify-pool.js";

/** Writers' keys kept as KeycardSets (each holds its key's table): about the relay's own LRU size. */
const KEY_SETS = 256;

const { domain, crypto } = workerData as { domain: EventDomain; crypto: WorkerCryptoPath };
const port = parentPort;
if (port === null) throw new Error("verify-worker.ts runs as a worker thread only");
const sets = new Map<string, KeycardSet>();
// Without an expected key (a replayed log), one set for all events learns the frequent signers' tables, as a ShopFold's own set does.
const learning = createKeycardSet({ keycards: [] });

function keycardsFor(key: Uint8Array | null): KeycardSet {
  if (key === null) return learning;
  const hex = bytesToHex(key);
  let set = sets.get(hex);
  if (set === undefined) {
    set = createKeycardSet({ keycards: [key] });
    if (sets.size >= KEY_SETS) sets.delete(sets.keys().next().value as string);
    sets.set(hex, set);
  }
  return set;
}

function verify({ id, buffer, lengths, dialects, keys }: WorkerBatch): WorkerAnswer {
  const bytes = new Uint8Array(buffer);
  let at = 0;
  const signers = lengths.map((length, i) => {
    const signedEvent = bytes.subarray(at, at + length);
    at += length;
    try {
      const keycards = keycardsFor(keys[i] ?? null);
      const opened = dialects[i] === "v3" ? openSignedEvent({ signedEvent, scheme: "eip191", keycards }) : openSignedEvent({ signedEvent, domain, keycards });
      return opened.signer;
    } catch {
      // The relay opens it again itself, for the exact refusal.
      return null;
    }
  });
  return { id, buffer, signers };
}

await selectSecp256k1Path({ path: crypto });
port.on("message", (batch: WorkerBatch) => {
  const answer = verify(batch);
  port.postMessage(answer, [answer.buffer]);
});
port.postMessage("started");
