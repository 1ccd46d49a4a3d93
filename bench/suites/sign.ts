// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 2. Signing with a local account: signEvent vs viem signTypedData (same
// account, typed data built outside the timing) vs raw secp256k1 signing of
// the precomputed digest.
import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex, hexToBytes } from "viem";
import { eventTypedData, hashEvent, signEvent } from "../../src/index.js";
import { account, domain, fixtures, privateKey } from "../fixtures.js";
import { noble, onPaths, ours } from "../paths.js";
import { assertSame, type Group, type Suite, type Target } from "../suite.js";

export async function signSuite(): Promise<Suite> {
  const groups: Group[] = [];
  const targets: Target[] = [];
  const key = hexToBytes(privateKey);
  for (const { name, event } of fixtures) {
    const typedData = eventTypedData({ event, domain }) as Parameters<typeof account.signTypedData>[0];
    const digest = hexToBytes(hashEvent({ event, domain }));
    const raw = secp256k1.sign(digest, key, { lowS: true });
    const rawHex = bytesToHex(Uint8Array.of(...raw.toCompactRawBytes(), 27 + (raw.recovery as number)));
    const signed = await signEvent({ event, domain, account });
    assertSame(`signEvent(${name}) vs viem signTypedData`, signed, await account.signTypedData(typedData));
    assertSame(`signEvent(${name}) vs raw secp256k1 signature`, signed, rawHex);
    const id = (what: string) => `sign.${name}.${what}`;
    groups.push({
      title: `2. Sign, ${name} (local account)`,
      subject: id("ours"),
      cases: [
        { id: id("ours"), label: `signEvent${onPaths(ours.label, "secp256k1 JS @noble")}`, fn: () => signEvent({ event, domain, account }) },
        { id: id("viem"), label: `viem signTypedData (account.signTypedData)${onPaths(noble.label, "secp256k1 JS @noble")}`, fn: () => account.signTypedData(typedData) },
        { id: id("raw"), label: `raw secp256k1 sign of the digest${onPaths("secp256k1 JS @noble")}`, fn: () => secp256k1.sign(digest, key, { lowS: true }) },
      ],
    });
    targets.push({
      text: `signEvent ≥ 3× viem signTypedData (${name})`,
      kind: "faster",
      subject: id("ours"),
      reference: id("viem"),
      bound: 3,
      explain: (ns) => {
        // Both sides pay the same secp256k1 signature; only the hashing differs.
        const sign = ns.get(id("raw")) ?? 0;
        const best = ((ns.get(id("viem")) ?? 0) / (sign + (ns.get(`digest.${name}.floor`) ?? 0))).toFixed(2);
        return `Both sides pay one secp256k1 signature (${(sign / 1000).toFixed(0)} µs raw); with the digest at the bare-keccak floor the best possible ratio is ${best}×.`;
      },
    });
  }
  return { groups, targets };
}
