// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The 52 upstream v3 vector events as bytes, with their EIP-191 hash and signature.
import { readFileSync } from "node:fs";
import { type Hex, hexToBytes, isHex } from "viem";

export interface BenchVector {
  readonly type: string;
  readonly encoded: Uint8Array;
  readonly hash: Hex;
  readonly signature: Hex;
}

export interface BenchVectors {
  readonly signer: Hex;
  readonly events: readonly BenchVector[];
}

const file = new URL("../test/vectors/upstream-v3-testVectors.json", import.meta.url);

/** Reads and checks the vector file; throws on anything malformed. */
export function loadBenchVectors(): BenchVectors {
  const root = JSON.parse(readFileSync(file, "utf8")) as { signatures?: { signer?: { address?: unknown } }; events?: unknown };
  const signer = root.signatures?.signer?.address;
  if (!isHex(signer)) throw new Error("v3 vectors: signatures.signer.address is not hex");
  if (!Array.isArray(root.events)) throw new Error("v3 vectors: events is not an array");
  const events = root.events.map((raw: unknown, index): BenchVector => {
    const e = raw as Record<string, unknown>;
    if (typeof e.type !== "string" || !isHex(e.encoded) || !isHex(e.hash) || !isHex(e.signature)) {
      throw new Error(`v3 vectors: events[${index}] lacks type, encoded, hash or signature`);
    }
    return { type: e.type, encoded: hexToBytes(e.encoded), hash: e.hash, signature: e.signature };
  });
  return { signer, events };
}
