// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The keccak floors are timed like every other case, so they are checked like
// every other case before timing: a floor that skipped calls, hashed buffers of
// other sizes or used a broken keccak would make every "within the floor"
// target meaningless.
import { bytesToHex, type Hex, hexToBytes, keccak256 } from "viem";
import { floorBuffers } from "./keccak-floor.js";
import { assertSame } from "./suite.js";

/**
 * Runs `floor` and compares its result with the same chain of calls
 * (sizes in order, each fed a mix of the earlier outputs) hashed by viem's keccak256.
 * @example checkKeccakFloor({ what: "digest.Listing", sizes: plan.sizes, floor });
 */
export function checkKeccakFloor({ what, sizes, floor }: { what: string; sizes: readonly number[]; floor: () => Uint8Array }): void {
  let last: Uint8Array = new Uint8Array(0);
  const carry = new Uint8Array(4);
  for (const buffer of floorBuffers({ sizes })) {
    buffer.set(carry.subarray(0, Math.min(4, buffer.length)));
    last = hexToBytes(keccak256(buffer));
    for (let b = 0; b < 4; b++) carry[b] = (carry[b] as number) ^ (last[b] as number);
  }
  assertSame(`keccak floor ${what} (${sizes.length} chained calls) vs viem keccak256`, bytesToHex(floor()), bytesToHex(last));
}

/**
 * A one-call floor (the EIP-191 digest): its output must equal the digest it stands for.
 * @example checkOneCallFloor({ what: "eip191.Listing", floor: () => keccak_256(prefixed), digest: hashMessage(message) });
 */
export function checkOneCallFloor({ what, floor, digest }: { what: string; floor: () => Uint8Array; digest: Hex }): void {
  assertSame(`keccak floor ${what} vs the digest it stands for`, bytesToHex(floor()), digest);
}
