// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 3. Verification as a relay does it: openSignedEvent from SignedEvent bytes
// with the shop's keycard set, then the membership check; on the native
// secp256k1 path (opted into) and on the portable one (JS, keycard tables),
// vs viem recoverTypedDataAddress (typed data built outside the timing), with
// raw recoveries plus the keccak floor as the bounds.
import { toBinary } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex, checksumAddress, hexToBytes, recoverTypedDataAddress } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import {
  createKeycardSet,
  createSignedEvent,
  cryptoPaths,
  eventTypedData,
  hashEvent,
  openSignedEvent,
  recoverEventSigner,
  selectSecp256k1Path,
  SignedEventSchema,
  signEvent,
} from "../../src/index.js";
import { currentNativeSecp256k1, type NativeSecp256k1, setNativeSecp256k1, setWasmSecp256k1Allowed } from "../../src/signature/secp256k1-recovery.js";
import { account, domain, fixtures } from "../fixtures.js";
import { keccakFloor, keccakPlan } from "../keccak-floor.js";
import { noble, onPaths, ours } from "../paths.js";
import { assertSame, type Group, type Suite, type Target } from "../suite.js";

const JS = "secp256k1 JS @noble";
const NATIVE = "secp256k1 native libsecp256k1";

export async function verifySuite(): Promise<Suite> {
  const selected = await selectSecp256k1Path({ path: "native" });
  // Its portable cases are @noble's (JS); bench/wasm-recovery.ts times the WebAssembly default.
  setWasmSecp256k1Allowed(false);
  const native = currentNativeSecp256k1();
  if (native === undefined) console.log(`note: no native secp256k1 (${"reason" in selected ? selected.reason : "?"}); native cases are left out`);
  // Each case pins its own path, so interleaved rounds never run on the wrong one.
  const on = <T>(binding: NativeSecp256k1 | undefined, run: () => T) => () => {
    setNativeSecp256k1(binding);
    return run();
  };
  // The shop's keycards with the session's first, as a relay builds them: the signer, then
  // two other keycards by public key and by address.
  const others = [privateKeyToAccount(generatePrivateKey()), privateKeyToAccount(generatePrivateKey())];
  const keycards = createKeycardSet({ keycards: [account.publicKey, others[0]!.publicKey, others[1]!.address] });
  const relay = (signedEvent: Uint8Array) => () => {
    const { signer } = openSignedEvent({ signedEvent, domain, keycards });
    if (!keycards.has(signer)) throw new Error("bench: signer is not a keycard");
    return signer;
  };

  const groups: Group[] = [];
  const targets: Target[] = [];
  for (const { name, event } of fixtures) {
    const typedData = eventTypedData({ event, domain }) as unknown as Omit<Parameters<typeof recoverTypedDataAddress>[0], "signature">;
    const signature = await signEvent({ event, domain, account });
    const digest = hexToBytes(hashEvent({ event, domain }));
    const compact = hexToBytes(signature).subarray(0, 64);
    const recovery = hexToBytes(signature)[64]! - 27;
    const nobleRecover = () => secp256k1.Signature.fromCompact(compact).addRecoveryBit(recovery).recoverPublicKey(digest).toRawBytes(false);
    const nativeRecover = () => (native as NativeSecp256k1).ecdsaRecover(compact, recovery, digest, false);
    const floor = keccakFloor(keccakPlan({ event, domain }), ours.keccak);
    const plusFloor = (recover: () => Uint8Array) => () => {
      floor();
      return ours.keccak(recover().subarray(1));
    };
    const signedEvent = toBinary(SignedEventSchema, createSignedEvent({ event, signature }));
    const address = (publicKey: Uint8Array) => checksumAddress(bytesToHex(noble.keccak(publicKey.subarray(1)).subarray(12)));

    assertSame(`viem recoverTypedDataAddress(${name})`, await recoverTypedDataAddress({ ...typedData, signature }), account.address);
    assertSame(`raw recovery, ${JS} (${name})`, address(nobleRecover()), account.address);
    assertSame(`raw recovery + floor, ${JS} (${name})`, checksumAddress(bytesToHex(plusFloor(nobleRecover)().subarray(12))), account.address);
    assertSame(`recoverEventSigner, ${JS} (${name})`, await on(undefined, () => recoverEventSigner({ event, domain, signature }))(), account.address);
    assertSame(`openSignedEvent, ${JS} (${name})`, on(undefined, () => openSignedEvent({ signedEvent, domain }).signer)(), account.address);
    assertSame(`relay openSignedEvent + keycards, ${JS} (${name})`, on(undefined, relay(signedEvent))(), account.address);
    if (native) {
      assertSame(`raw recovery, ${NATIVE} (${name})`, address(nativeRecover()), account.address);
      assertSame(`raw recovery + floor, ${NATIVE} (${name})`, checksumAddress(bytesToHex(plusFloor(nativeRecover)().subarray(12))), account.address);
      assertSame(`relay openSignedEvent + keycards, ${NATIVE} (${name})`, on(native, relay(signedEvent))(), account.address);
    }

    const id = (what: string) => `verify.${name}.${what}`;
    const cases = [
      { id: id("portable"), label: `relay: openSignedEvent with keycards + membership${onPaths(ours.label, `${JS}, keycard tables`)}`, fn: on(undefined, relay(signedEvent)) },
      ...(native ? [{ id: id("native"), label: `relay: openSignedEvent with keycards + membership${onPaths(ours.label, NATIVE)}`, fn: on(native, relay(signedEvent)) }] : []),
      { id: id("open"), label: `openSignedEvent, no keycards${onPaths(ours.label, `${JS} recovery`)}`, fn: on(undefined, () => openSignedEvent({ signedEvent, domain })) },
      { id: id("ours"), label: `recoverEventSigner${onPaths(ours.label, `${JS} recovery`)}`, fn: on(undefined, () => recoverEventSigner({ event, domain, signature })) },
      { id: id("viem"), label: `viem recoverTypedDataAddress${onPaths(noble.label, `${JS} recovery`)}`, fn: () => recoverTypedDataAddress({ ...typedData, signature }) },
      { id: id("raw"), label: `raw recovery to public key${onPaths(`${JS}`)}`, fn: nobleRecover },
      { id: id("floor"), label: `raw recovery + address keccak + keccak floor${onPaths(ours.label, JS)}`, fn: plusFloor(nobleRecover) },
      ...(native
        ? [
            { id: id("raw.native"), label: `raw recovery to public key${onPaths(NATIVE)}`, fn: nativeRecover },
            { id: id("floor.native"), label: `raw recovery + address keccak + keccak floor${onPaths(ours.label, NATIVE)}`, fn: plusFloor(nativeRecover) },
          ]
        : []),
    ];
    groups.push({ title: `3. Verify, ${name}`, subject: id(native ? "native" : "portable"), cases });
    // Both sides pay one secp256k1 operation; only the hashing around it, and which secp256k1, differ.
    const explain = (subject: string, floorId: string, what: string) => (ns: ReadonlyMap<string, number>) => {
      const [mine, viem, floor] = [id(subject), id("viem"), id(floorId)].map((key) => ns.get(key) ?? Number.NaN) as [number, number, number];
      return (
        `Bound by secp256k1: ${what} with hashing at the ${ours.label} floor costs ${(floor / 1000).toFixed(0)} µs, so the best ratio it allows ` +
        `is ${(viem / floor).toFixed(2)}×; this case runs at ${(mine / floor).toFixed(2)}× that floor-plus-recovery.`
      );
    };
    if (native) {
      targets.push({
        text: `relay openSignedEvent, native path ≥ 10× viem recoverTypedDataAddress (${name})`,
        kind: "faster",
        subject: id("native"),
        reference: id("viem"),
        bound: 10,
        explain: explain("native", "floor.native", "one native recovery"),
      });
    }
    targets.push({
      text: `relay openSignedEvent, portable path ≥ 2.5× viem recoverTypedDataAddress (${name})`,
      kind: "faster",
      subject: id("portable"),
      reference: id("viem"),
      bound: 2.5,
      explain: explain("portable", "floor", "one @noble recovery (a keycard table check costs about a third of it)"),
    });
  }
  setNativeSecp256k1(undefined);
  if (cryptoPaths().secp256k1 !== "js") throw new Error("bench: secp256k1 path left on native");
  return { groups, targets };
}
