// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay remembers the shops-map key of each shop id object it is asked
// with; a caller that reuses one buffer for another shop must still get that
// other shop, never the one the buffer held before.
import { numberToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { openOn, tempDir } from "./data-dir-fixtures.js";

describe("shop lookups by id object", () => {
  it("follow the bytes of a reused shop id buffer, not the first shop it named", async () => {
    const relay = await openOn(tempDir());
    const enroll = (shopId: bigint) => relay.enrollKeycard({ shopId, publicKey: privateKeyToAccount(generatePrivateKey()).publicKey });
    await enroll(23n);
    await enroll(24n);
    await enroll(24n);
    const buffer = numberToBytes(23n, { size: 32 });
    expect(relay.read({ shopId: buffer, afterSeqNo: 0n })).toHaveLength(1);
    expect(relay.hasShop({ shopId: buffer })).toBe(true);
    buffer.set(numberToBytes(24n, { size: 32 }));
    expect(relay.read({ shopId: buffer, afterSeqNo: 0n })).toHaveLength(2);
    buffer.set(numberToBytes(25n, { size: 32 }));
    expect(relay.read({ shopId: buffer, afterSeqNo: 0n })).toEqual([]);
    expect(relay.hasShop({ shopId: buffer })).toBe(false);
    await relay.close();
  });
});
