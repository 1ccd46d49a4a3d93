// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The checks bench/wasm-recovery.ts makes before timing, without the timing:
// each fixture verifies by address on the default (WebAssembly) path, as viem
// recovers it, and the raw WebAssembly recovery equals @noble/curves'.
import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex, hexToBytes, recoverTypedDataAddress } from "viem";
import { describe, expect, it } from "vitest";
import { cryptoPaths, eventTypedData, hashEvent, signEvent, verifyEvent } from "../../src/index.js";
import { wasmRecoverPublicKey } from "../../src/signature/wasm-secp256k1.js";
import { account, domain } from "../../bench/fixtures.js";
import { verifyFixtures } from "../../bench/verify-fixtures.js";

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
});
