// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The proof that libsecp256k1's recovery as WebAssembly accepts, refuses and
// recovers exactly as @noble/curves does, shared by the Node test
// (test/crypto/secp256k1-wasm.test.ts) and the Chromium one
// (test/browser/secp256k1-wasm.browser.test.ts): seeded random (digest,
// signature) pairs, SECP256K1_RANDOM_PAIRS of them, in classes that cover
// every way a signature can fail, plus fixed edge cases.
import { secp256k1 } from "@noble/curves/secp256k1";
import { expect, inject, it } from "vitest";
import { wasmRecoverPublicKey, wasmSecp256k1Available } from "../../src/signature/wasm-secp256k1.js";
import { seededBytes } from "./keccak-equivalence.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** How many random pairs the secp256k1 equivalence check compares (vitest.config.ts). */
    secp256k1RandomPairs: number;
  }
}

const N = secp256k1.CURVE.n;
const P = secp256k1.CURVE.Fp.ORDER;
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const word = (value: bigint) => Uint8Array.from({ length: 32 }, (_, k) => Number((value >> BigInt(8 * (31 - k))) & 0xffn));
const toBig = (bytes: Uint8Array) => BigInt(`0x${hex(bytes) || "0"}`);

/** One case: a 32-byte digest, r ‖ s as 64 bytes and the recovery bit, with the class it was drawn from. */
export interface RecoveryCase {
  readonly kind: string;
  readonly digest: Uint8Array;
  readonly rs: Uint8Array;
  readonly recoveryId: 0 | 1;
}

/** What @noble/curves recovers (hex of the 65-byte key), or "refused". */
export function nobleOutcome({ digest, rs, recoveryId }: RecoveryCase): string {
  try {
    const signature = new secp256k1.Signature(toBig(rs.subarray(0, 32)), toBig(rs.subarray(32))).addRecoveryBit(recoveryId);
    return hex(signature.recoverPublicKey(digest).toRawBytes(false));
  } catch {
    return "refused";
  }
}

/** What the WebAssembly module recovers, in the same form. */
export function wasmOutcome({ digest, rs, recoveryId }: RecoveryCase): string {
  const key = wasmRecoverPublicKey(digest, rs, recoveryId);
  return key === undefined ? "refused" : hex(key);
}

function isCurveX(x: bigint): boolean {
  try {
    secp256k1.ProjectivePoint.fromHex(`02${x.toString(16).padStart(64, "0")}`);
    return true;
  } catch {
    return false;
  }
}

/** Seeded cases, one class after another: real signatures, random r/s (half off the curve), high-s, r or s out of range, r not an x on the curve. */
export function recoveryCases(count: number, seed: number): RecoveryCase[] {
  const random = seededBytes(seed);
  const scalar = (below: bigint) => (toBig(random(40)) % (below - 1n)) + 1n;
  const cases: RecoveryCase[] = [];
  for (let i = 0; i < count; i++) {
    const digest = random(32);
    const recoveryId = (random(1)[0] as number) & 1 ? 1 : 0;
    const pair = (r: bigint, s: bigint) => new Uint8Array([...word(r), ...word(s)]);
    switch (i % 8) {
      case 0: {
        const signature = secp256k1.sign(digest, scalar(N));
        cases.push({ kind: "signed", digest, rs: signature.toCompactRawBytes(), recoveryId: signature.recovery as 0 | 1 });
        break;
      }
      case 1:
      case 2:
        cases.push({ kind: "random r, low s", digest, rs: pair(scalar(N), scalar(N / 2n)), recoveryId });
        break;
      case 3:
        cases.push({ kind: "high s", digest, rs: pair(scalar(N), N / 2n + scalar(N / 2n)), recoveryId });
        break;
      case 4: {
        // r or s at or above n (up to 2^256 − 1), or zero.
        const high = N + (toBig(random(32)) % (2n ** 256n - N));
        const choice = (random(1)[0] as number) % 4;
        const rs = [pair(high, scalar(N)), pair(scalar(N), high), pair(0n, scalar(N)), pair(scalar(N), 0n)][choice] as Uint8Array;
        cases.push({ kind: "r or s out of range", digest, rs, recoveryId });
        break;
      }
      case 5: {
        let r = scalar(N);
        while (isCurveX(r)) r = scalar(N);
        cases.push({ kind: "r not an x on the curve", digest, rs: pair(r, scalar(N)), recoveryId });
        break;
      }
      default:
        cases.push({ kind: "random r and s", digest, rs: random(64), recoveryId });
    }
  }
  return cases;
}

/** Fixed edges: digests of zero and ≥ n, s = n/2 and n/2 + 1, r = n − 1, r ≥ p. */
export function edgeCases(): RecoveryCase[] {
  const signed = secp256k1.sign(new Uint8Array(32).fill(1), 5n);
  const base = signed.toCompactRawBytes();
  const rs = (r: bigint, s: bigint) => new Uint8Array([...word(r), ...word(s)]);
  const digests = [new Uint8Array(32), new Uint8Array(32).fill(0xff), word(N), word(N - 1n)];
  const pairs = [base, rs(signed.r, N / 2n), rs(signed.r, N / 2n + 1n), rs(N - 1n, 1n), rs(1n, N - 1n), rs(P - 1n, 1n), rs(P, 1n), rs(N, 1n), rs(1n, N)];
  return digests.flatMap((digest) => pairs.flatMap((pair) => [0, 1].map((recoveryId) => ({ kind: "edge", digest, rs: pair, recoveryId: recoveryId as 0 | 1 }))));
}

/** Registers the equivalence tests. */
export function secp256k1EquivalenceTests(): void {
  it("runs on WebAssembly", () => {
    expect(wasmSecp256k1Available()).toBe(true);
  });

  it("equals @noble/curves on fixed edge cases (zero and ≥ n digests, s = n/2, r = n − 1, r ≥ p)", () => {
    const cases = edgeCases();
    expect(cases.map(wasmOutcome)).toEqual(cases.map(nobleOutcome));
  });

  const count = inject("secp256k1RandomPairs");
  it(`equals @noble/curves on ${count.toLocaleString("en")} seeded random (digest, signature) pairs: same keys, same refusals`, () => {
    const tally = new Map<string, { recovered: number; refused: number }>();
    // Generated in slices so a million pairs never sit in memory at once.
    for (let start = 0; start < count; start += 1000) {
      for (const c of recoveryCases(Math.min(1000, count - start), 0x5ec9 + start)) {
        const theirs = nobleOutcome(c);
        const ours = wasmOutcome(c);
        if (ours !== theirs) expect(ours, `${c.kind}: digest ${hex(c.digest)} rs ${hex(c.rs)} v ${c.recoveryId}`).toBe(theirs);
        const entry = tally.get(c.kind) ?? { recovered: 0, refused: 0 };
        entry[theirs === "refused" ? "refused" : "recovered"]++;
        tally.set(c.kind, entry);
      }
    }
    // Every class took the branch it is there for.
    expect(tally.get("signed")?.refused).toBe(0);
    expect(tally.get("r or s out of range")?.recovered).toBe(0);
    expect(tally.get("r not an x on the curve")?.recovered).toBe(0);
    for (const kind of ["random r, low s", "high s", "random r and s"]) {
      const { recovered = 0, refused = 0 } = tally.get(kind) ?? {};
      expect(recovered, kind).toBeGreaterThan(0);
      expect(refused, kind).toBeGreaterThan(0);
    }
    // A million pairs take about 20 CPU minutes (@noble/curves recovers at about 1 ms): at low priority on a shared machine, over an hour.
  }, Math.max(3_600_000, count * 10));
}
