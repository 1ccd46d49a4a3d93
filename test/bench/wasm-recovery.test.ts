// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The checks bench/wasm-recovery.ts makes before timing, without the timing:
// each fixture verifies by address on the default (WebAssembly) path, as viem
// recovers it, and the raw WebAssembly recovery equals @noble/curves'.
import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex, hexToBytes, recoverTypedDataAddress } from "viem";
import { describe, expect, it } from "vitest";
import { fromBinary } from "@bufbuild/protobuf";
import { cryptoPaths, eventTypedData, hashEvent, shopStateToJSON, SignedEventSchema, signEvent, verifyEvent } from "../../src/index.js";
import { wasmRecoverPublicKey } from "../../src/signature/wasm-secp256k1.js";
import { account, domain } from "../../bench/fixtures.js";
import { verifyFixtures } from "../../bench/verify-fixtures.js";
import { runSyncBench } from "../../bench/browser/recovery-entry.js";
import { buildStateLog } from "../../bench/state-log.js";

describe("bench/wasm-recovery.ts cases", () => {
  for (const { name, event } of verifyFixtures) {
    it(`${name}: verifyEvent on WebAssembly, viem recoverTypedDataAddress and the raw recoveries agree`, async () => {
      expect(cryptoPaths().secp256k1).toBe("wasm");
      const signature = await signEvent({ event, domain, account });
      expect(verifyEvent({ event, domain, signature, address: account.address })).toBe(true);
      const typedData = eventTypedData({ event, domain }) as unknown as Omit<Parameters<typeof recoverTypedDataAddress>[0], "signature">;
      expect(await recoverTypedDataAddress({ ...typedData, signature })).toBe(account.address);
      const digest = hexToBytes(hashEvent({ event, domain }));
      const bytes = hexToBytes(signature);
      const raw = wasmRecoverPublicKey(digest, bytes.subarray(0, 64), (bytes[64] as number) - 27);
      expect(bytesToHex(raw as Uint8Array)).toBe(bytesToHex(secp256k1.Signature.fromCompact(bytes.subarray(0, 64)).addRecoveryBit((bytes[64] as number) - 27).recoverPublicKey(digest).toRawBytes(false)));
    });
  }

  it("the full-sync bench (run here in Node) folds the log to its state, push by push, and refuses a wrong expected state", async () => {
    const log = await buildStateLog(150);
    const recoveries = new Uint8Array(97 * log.events.length);
    log.events.forEach(({ event }, i) => {
      recoveries.set(hexToBytes(hashEvent({ event, domain })), 97 * i);
      recoveries.set(fromBinary(SignedEventSchema, log.signedEvents[i] as Uint8Array).signature?.raw ?? new Uint8Array(65), 97 * i + 32);
    });
    const input = { signedEvents: log.signedEvents.map((b) => bytesToHex(b)), recoveries: bytesToHex(recoveries), expectedState: shopStateToJSON({ state: log.state }), rounds: 1 };
    const result = runSyncBench(input);
    expect(result.events).toBe(150);
    expect(result.syncMs).toBeGreaterThan(0);
    expect(result.recoverMs).toBeGreaterThan(0);
    expect(() => runSyncBench({ ...input, expectedState: "{}" })).toThrow(/synced state differs/);
  });
});
