// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 3. Verification: recoverEventSigner and openSignedEvent (a relay's path from
// SignedEvent bytes) vs viem recoverTypedDataAddress (typed data built outside
// the timing) vs raw secp256k1 recovery, alone and plus the keccak floor.
import { toBinary } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import { keccak_256 } from "@noble/hashes/sha3";
import { bytesToHex, checksumAddress, hexToBytes, recoverTypedDataAddress } from "viem";
import { createSignedEvent, eventTypedData, hashEvent, openSignedEvent, recoverEventSigner, SignedEventSchema, signEvent } from "../../src/index.js";
import { account, domain, fixtures } from "../fixtures.js";
import { keccakFloor, keccakPlan } from "../keccak-floor.js";
import { assertSame, type Group, type Suite, type Target } from "../suite.js";

export async function verifySuite(): Promise<Suite> {
  const groups: Group[] = [];
  const targets: Target[] = [];
  for (const { name, event } of fixtures) {
    const typedData = eventTypedData({ event, domain }) as unknown as Omit<Parameters<typeof recoverTypedDataAddress>[0], "signature">;
    const signature = await signEvent({ event, domain, account });
    const digest = hexToBytes(hashEvent({ event, domain }));
    const compact = hexToBytes(signature).subarray(0, 64);
    const recovery = hexToBytes(signature)[64]! - 27;
    const rawRecover = () => secp256k1.Signature.fromCompact(compact).addRecoveryBit(recovery).recoverPublicKey(digest).toRawBytes(false);
    const floor = keccakFloor(keccakPlan({ event, domain }));
    const rawPlusFloor = () => {
      floor();
      return keccak_256(rawRecover().subarray(1));
    };
    const signedEventBytes = toBinary(SignedEventSchema, createSignedEvent({ event, signature }));

    assertSame(`recoverEventSigner(${name})`, recoverEventSigner({ event, domain, signature }), account.address);
    assertSame(`viem recoverTypedDataAddress(${name})`, await recoverTypedDataAddress({ ...typedData, signature }), account.address);
    assertSame(`raw recovery(${name})`, checksumAddress(bytesToHex(keccak_256(rawRecover().subarray(1)).subarray(12))), account.address);
    assertSame(`openSignedEvent(${name})`, openSignedEvent({ signedEvent: signedEventBytes, domain }).signer, account.address);

    const id = (what: string) => `verify.${name}.${what}`;
    groups.push({
      title: `3. Verify, ${name}`,
      subject: id("ours"),
      cases: [
        { id: id("ours"), label: "recoverEventSigner", fn: () => recoverEventSigner({ event, domain, signature }) },
        { id: id("open"), label: "openSignedEvent (SignedEvent bytes, eip712)", fn: () => openSignedEvent({ signedEvent: signedEventBytes, domain }) },
        { id: id("viem"), label: "viem recoverTypedDataAddress", fn: () => recoverTypedDataAddress({ ...typedData, signature }) },
        { id: id("raw"), label: "raw secp256k1 recovery (noble, to public key)", fn: rawRecover },
        { id: id("floor"), label: "raw recovery + address keccak + keccak floor", fn: rawPlusFloor },
      ],
    });
    // Both sides pay one secp256k1 recovery from @noble/curves; only the hashing around it differs.
    const explain = (subject: string, label: string) => (ns: ReadonlyMap<string, number>) => {
      const [ours, viem, raw, floor] = [id(subject), id("viem"), id("raw"), id("floor")].map((key) => ns.get(key) ?? Number.NaN) as [number, number, number, number];
      return (
        `Bound by secp256k1 recovery: both sides pay one @noble/curves public-key recovery (${(raw / 1000).toFixed(0)} µs raw, the same code viem calls), ` +
        `so with hashing at the keccak floor the best possible ratio is ${(viem / floor).toFixed(2)}×; ${label} runs at ${(ours / floor).toFixed(2)}× ` +
        "that floor-plus-recovery. Only a faster secp256k1 recovery than @noble/curves' could move this bound; the library deliberately carries no elliptic-curve code of its own."
      );
    };
    targets.push(
      { text: `recoverEventSigner ≥ 1.7× viem recoverTypedDataAddress (${name})`, kind: "faster", subject: id("ours"), reference: id("viem"), bound: 1.7, explain: explain("ours", "recoverEventSigner") },
      { text: `openSignedEvent ≥ 1.7× viem recoverTypedDataAddress (${name})`, kind: "faster", subject: id("open"), reference: id("viem"), bound: 1.7, explain: explain("open", "openSignedEvent") },
      { text: `recoverEventSigner ≤ 1.3× raw recovery + keccak floor (${name})`, kind: "within", subject: id("ours"), reference: id("floor"), bound: 1.3 },
      { text: `openSignedEvent ≤ 1.3× raw recovery + keccak floor (${name})`, kind: "within", subject: id("open"), reference: id("floor"), bound: 1.3 },
    );
  }
  return { groups, targets };
}
