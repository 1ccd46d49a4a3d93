// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// How a verification job is opened, in a worker (verify-worker.ts) and on the
// relay's thread when it helps the pool (verify-pool.ts): openSignedEvent, as
// ShopFold.verify opens the event, keeping only the signer.
import type { Address } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import type { EventDomain } from "../eip712/domain.js";
import type { Dialect } from "../wire/dialect.js";
import { createKeycardSet, type KeycardSet } from "../wire/keycards.js";
import { openSignedEvent } from "../wire/open-signed-event.js";

/** Writers' keys kept as KeycardSets (each holds its key's table): about the relay's own LRU size. */
const KEY_SETS = 256;

/** Opens one SignedEvent's bytes: its signer, or undefined when it is refused (the relay then opens it again itself, for the exact refusal). */
export type JobOpener = (bytes: Uint8Array, dialect: Dialect, expectedKey: Uint8Array | null) => Address | undefined;

/** An opener with its own keycard sets: one per expected key (LRU), and one that learns the frequent signers when no key is expected. */
export function createJobOpener({ domain }: { domain: EventDomain }): JobOpener {
  const sets = new Map<string, KeycardSet>();
  // Without an expected key (a replayed log), one set for all events learns the frequent signers' tables, as a ShopFold's own set does.
  const learning = createKeycardSet({ keycards: [] });
  const keycardsFor = (key: Uint8Array | null): KeycardSet => {
    if (key === null) return learning;
    const hex = bytesToHex(key);
    let set = sets.get(hex);
    if (set === undefined) {
      set = createKeycardSet({ keycards: [key] });
      if (sets.size >= KEY_SETS) sets.delete(sets.keys().next().value as string);
      sets.set(hex, set);
    }
    return set;
  };
  return (signedEvent, dialect, expectedKey) => {
    try {
      const keycards = keycardsFor(expectedKey);
      const opened = dialect === "v3" ? openSignedEvent({ signedEvent, scheme: "eip191", keycards }) : openSignedEvent({ signedEvent, domain, keycards });
      return opened.signer;
    } catch {
      return undefined;
    }
  };
}
