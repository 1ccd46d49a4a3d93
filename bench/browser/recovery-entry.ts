// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The WebAssembly recovery bench as it runs inside Chromium (bundled by
// bench/wasm-recovery.ts): verify by address against viem, and a client's full
// sync of a signed log against the WebAssembly recovery of its events alone.
import { hexToBytes, recoverTypedDataAddress } from "viem";
import { createShopFold, createShopState, cryptoPaths, eventTypedData, shopStateToJSON, verifyEvent } from "../../src/index.js";
import { wasmRecoverPublicKey, wasmSecp256k1Available } from "../../src/signature/wasm-secp256k1.js";
import { account, domain } from "../fixtures.js";
import { stateContext } from "../state-log.js";
import { verifyFixtures } from "../verify-fixtures.js";
import { time } from "./entry.js";

async function timeAsync(fn: () => Promise<unknown>, minTimeMs: number): Promise<number> {
  for (let batch = 1; ; batch *= 2) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) await fn();
    const elapsed = performance.now() - start;
    if (elapsed >= minTimeMs) return (elapsed * 1e6) / batch;
  }
}

/** ns per verify by address (ours on the default path, viem's recovery) for each signed fixture; checked first. */
export async function runVerifyBench({ rounds, minTimeMs, signatures }: { rounds: number; minTimeMs: number; signatures: Record<string, `0x${string}`> }) {
  const ns: Record<string, number> = {};
  for (let round = 0; round < rounds; round++) {
    for (const { name, event } of verifyFixtures) {
      const signature = signatures[name] as `0x${string}`;
      const typedData = eventTypedData({ event, domain }) as unknown as Omit<Parameters<typeof recoverTypedDataAddress>[0], "signature">;
      const ours = () => verifyEvent({ event, domain, signature, address: account.address });
      const viem = async () => (await recoverTypedDataAddress({ ...typedData, signature })) === account.address;
      if (!ours() || !(await viem())) throw new Error(`bench check failed in Chromium: ${name} does not verify`);
      const o = time(ours, minTimeMs);
      const v = await timeAsync(viem, minTimeMs);
      ns[`${name}.ours`] = Math.min(ns[`${name}.ours`] ?? Infinity, o);
      ns[`${name}.viem`] = Math.min(ns[`${name}.viem`] ?? Infinity, v);
    }
  }
  return { userAgent: navigator.userAgent, paths: cryptoPaths(), ns };
}

/**
 * A client's full sync (open and fold in pushes of 64) of `signedEvents`, against the WebAssembly
 * recovery alone of the same events (`recoveries`: digest ‖ r ‖ s ‖ v, 97 bytes each). The two
 * alternate push by push, so a loaded machine slows both alike; ms, the sum over pushes of each
 * push's best of `rounds`.
 */
export function runSyncBench({ signedEvents, recoveries, expectedState, rounds }: { signedEvents: string[]; recoveries: string; expectedState: string; rounds: number }) {
  const events = signedEvents.map((hex) => hexToBytes(hex as `0x${string}`));
  const pairs = hexToBytes(recoveries as `0x${string}`);
  if (!wasmSecp256k1Available()) throw new Error("bench: no WebAssembly secp256k1 in this page");
  const pushes = Math.ceil(events.length / 64);
  const syncBest = new Array<number>(pushes).fill(Infinity);
  const recoverBest = new Array<number>(pushes).fill(Infinity);
  for (let round = 0; round <= rounds; round++) {
    const fold = createShopFold({ state: createShopState({ context: stateContext }) });
    for (let push = 0; push < pushes; push++) {
      const t0 = performance.now();
      for (let at = 97 * 64 * push; at < Math.min(pairs.length, 97 * 64 * (push + 1)); at += 97) {
        if (wasmRecoverPublicKey(pairs.subarray(at, at + 32), pairs.subarray(at + 32, at + 96), (pairs[at + 96] as number) - 27) === undefined) throw new Error("bench: a log event does not recover");
      }
      const t1 = performance.now();
      fold.atomically(() => {
        for (const signedEvent of events.slice(64 * push, 64 * (push + 1))) fold.verify({ signedEvent, domain });
      });
      const t2 = performance.now();
      // Round 0 warms up and checks the synced state.
      if (round === 0) continue;
      recoverBest[push] = Math.min(recoverBest[push] as number, t1 - t0);
      syncBest[push] = Math.min(syncBest[push] as number, t2 - t1);
    }
    if (round === 0 && shopStateToJSON({ state: fold.state }) !== expectedState) throw new Error("bench check failed in Chromium: the synced state differs from the log's");
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return { events: events.length, syncMs: sum(syncBest), recoverMs: sum(recoverBest) };
}
