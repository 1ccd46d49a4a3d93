// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The hashing bench as it runs inside Chromium (bundled by bench/browser.ts):
// the same fixtures, checks and cases as suite 1 in Node, timed with
// performance.now() over batches, in interleaved rounds; best round wins.
import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex, hashTypedData } from "viem";
import { cryptoPaths, eventTypedData, hashEvent, isSignatureError, parseSignature, recoverDigestSigner } from "../../src/index.js";
import { domain, fixtures } from "../fixtures.js";
import { keccakFloor, keccakPlan } from "../keccak-floor.js";
import { noble, onPaths, ours } from "../paths.js";

/** What the page reports back to bench/browser.ts. */
export interface BrowserBenchResult {
  readonly userAgent: string;
  readonly keccak: "wasm" | "js";
  readonly cases: readonly { readonly id: string; readonly label: string; readonly ns: number }[];
}

interface BrowserCase {
  readonly id: string;
  readonly label: string;
  readonly fn: () => unknown;
}

function check(what: string, actual: string, expected: string): void {
  if (actual !== expected) throw new Error(`bench check failed in Chromium: ${what}: ${actual} ≠ ${expected}`);
}

/** Nanoseconds per operation: batches of doubling size until one takes minTimeMs, best of `rounds`. */
export function time(fn: () => unknown, minTimeMs: number): number {
  for (let batch = 1; ; batch *= 2) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) fn();
    const elapsed = performance.now() - start;
    if (elapsed >= minTimeMs) return (elapsed * 1e6) / batch;
  }
}

/** Checks every case against its reference, then times them. */
export function runHashBench({ rounds, minTimeMs }: { rounds: number; minTimeMs: number }): BrowserBenchResult {
  const cases: BrowserCase[] = [];
  for (const { name, event } of fixtures) {
    const typedData = eventTypedData({ event, domain }) as Parameters<typeof hashTypedData>[0];
    const plan = keccakPlan({ event, domain });
    const floor = keccakFloor(plan, ours.keccak);
    const nobleFloor = keccakFloor(plan, noble.keccak);
    const digest = hashEvent({ event, domain });
    check(`hashEvent(${name}) vs viem hashTypedData`, digest, hashTypedData(typedData));
    check(`keccak floor, ${ours.label} (${name})`, bytesToHex(floor()), digest);
    check(`keccak floor, ${noble.label} (${name})`, bytesToHex(nobleFloor()), digest);
    const id = (what: string) => `chromium.digest.${name}.${what}`;
    cases.push(
      { id: id("ours"), label: `hashEvent${onPaths(ours.label)}`, fn: () => hashEvent({ event, domain }) },
      { id: id("viem"), label: `viem hashTypedData(eventTypedData output)${onPaths(noble.label)}`, fn: () => hashTypedData(typedData) },
      { id: id("floor"), label: `bare keccak-256 floor, ${plan.sizes.length} calls${onPaths(ours.label)}`, fn: floor },
      { id: id("floor.noble"), label: `bare keccak-256 floor, ${plan.sizes.length} calls${onPaths(noble.label)}`, fn: nobleFloor },
    );
  }
  const best = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const c of round % 2 === 0 ? cases : [...cases].reverse()) {
      const ns = time(c.fn, minTimeMs);
      best.set(c.id, Math.min(best.get(c.id) ?? Number.POSITIVE_INFINITY, ns));
    }
  }
  return { userAgent: navigator.userAgent, keccak: cryptoPaths().keccak, cases: cases.map((c) => ({ id: c.id, label: c.label, ns: best.get(c.id) as number })) };
}

/** Under a CSP without 'wasm-unsafe-eval': the paths taken and whether every digest still equals viem's. */
export function checkFallback(): { keccak: "wasm" | "js"; secp256k1: "native" | "wasm" | "js"; digestsEqual: boolean } {
  const digestsEqual = fixtures.every(({ event }) => hashEvent({ event, domain }) === hashTypedData(eventTypedData({ event, domain }) as Parameters<typeof hashTypedData>[0]));
  return { ...cryptoPaths(), digestsEqual };
}

/** Signers (or refusals) of `count` seeded pairs, half real signatures, half random r ‖ s: compared across pages by the CSP test. */
export function recoverySample(count: number): string[] {
  let state = 0x2545f491;
  const byte = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) & 0xff;
  };
  const bytes = (length: number) => Uint8Array.from({ length }, byte);
  return Array.from({ length: count }, (_, i) => {
    const digest = bytes(32);
    const signature = i % 2 === 0 ? bytes(64) : recoverable(digest, bytes(32));
    try {
      return recoverDigestSigner({ digest, signature: parseSignature({ signature: new Uint8Array([...signature, 27 + (byte() & 1)]) }) });
    } catch (error) {
      return isSignatureError(error) ? error.problem : String(error);
    }
  });
}

function recoverable(digest: Uint8Array, key: Uint8Array): Uint8Array {
  key[0] = 1; // below the group order
  return secp256k1.sign(digest, key).toCompactRawBytes();
}
