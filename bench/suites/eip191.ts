// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 4. The EIP-191 (version-3) path: hashEventBytes vs viem hashMessage({ raw })
// on the fixtures' event bytes, and opening a v3-signed SignedEvent.
import { toBinary } from "@bufbuild/protobuf";
import { bytesToHex, hashMessage, hexToBytes, recoverMessageAddress, toPrefixedMessage } from "viem";
import { createSignedEvent, hashEventBytes, openSignedEvent, ShopEventSchema, SignedEventSchema, signEventBytes } from "../../src/index.js";
import { account, fixtures } from "../fixtures.js";
import { noble, onPaths, ours } from "../paths.js";
import { assertSame, floorBound, type Group, type Suite, type Target } from "../suite.js";
import { loadV3Vectors } from "../../test/support/load-v3-vectors.js";

export async function eip191Suite(): Promise<Suite> {
  const groups: Group[] = [];
  const targets: Target[] = [];
  // The upstream vectors carry the v3 hash of each event: ours must match all 52.
  for (const [index, vector] of loadV3Vectors().events.entries()) {
    assertSame(`hashEventBytes(vector #${index})`, hashEventBytes({ eventBytes: hexToBytes(vector.encoded) }), vector.hash);
  }
  for (const { name, event } of fixtures) {
    const eventBytes = toBinary(ShopEventSchema, event);
    const message = { raw: eventBytes };
    assertSame(`hashEventBytes(${name}) vs viem hashMessage`, hashEventBytes({ eventBytes }), hashMessage(message));
    // The floor: the one keccak-256 call over the prefixed message, on a ready buffer.
    const prefixed = hexToBytes(toPrefixedMessage(message));
    assertSame(`keccak floor, ${ours.label} (${name})`, bytesToHex(ours.keccak(prefixed)), hashMessage(message));
    assertSame(`keccak floor, ${noble.label} (${name})`, bytesToHex(noble.keccak(prefixed)), hashMessage(message));
    const id = (what: string) => `eip191.${name}.${what}`;
    groups.push({
      title: `4. EIP-191 digest of the event bytes, ${name} (${eventBytes.length} bytes)`,
      subject: id("ours"),
      cases: [
        { id: id("ours"), label: `hashEventBytes${onPaths(ours.label)}`, fn: () => hashEventBytes({ eventBytes }) },
        { id: id("viem"), label: `viem hashMessage({ raw })${onPaths(noble.label)}`, fn: () => hashMessage(message) },
        { id: id("floor"), label: `bare keccak-256 floor, 1 call of ${prefixed.length} bytes${onPaths(ours.label)}`, fn: () => ours.keccak(prefixed) },
        { id: id("floor.noble"), label: `bare keccak-256 floor, 1 call of ${prefixed.length} bytes${onPaths(noble.label)}`, fn: () => noble.keccak(prefixed) },
      ],
    });
    targets.push({
      text: `hashEventBytes ≥ 2× viem hashMessage (${name})`,
      kind: "faster",
      subject: id("ours"),
      reference: id("viem"),
      bound: 2,
      explain: (ns) => floorBound(ns, id("ours"), id("viem"), id("floor"), "hashEventBytes"),
    });
  }
  // Opening a v3-signed event, for reference (no target): decode + EIP-191 digest + recovery.
  const { event } = fixtures[0]!;
  const eventBytes = toBinary(ShopEventSchema, event);
  const signature = await signEventBytes({ eventBytes, account });
  const signedEvent = toBinary(SignedEventSchema, createSignedEvent({ event: eventBytes, signature }));
  assertSame("openSignedEvent(eip191)", openSignedEvent({ signedEvent, scheme: "eip191" }).signer, account.address);
  assertSame("viem recoverMessageAddress", await recoverMessageAddress({ message: { raw: eventBytes }, signature }), account.address);
  groups.push({
    title: `4. EIP-191 verify, ${fixtures[0]!.name} (reference, no target)`,
    subject: "eip191.open.ours",
    cases: [
      { id: "eip191.open.ours", label: `openSignedEvent (SignedEvent bytes, eip191)${onPaths(ours.label, "secp256k1 JS @noble")}`, fn: () => openSignedEvent({ signedEvent, scheme: "eip191" }) },
      { id: "eip191.open.viem", label: `viem recoverMessageAddress({ raw })${onPaths(noble.label, "secp256k1 JS @noble")}`, fn: () => recoverMessageAddress({ message: { raw: eventBytes }, signature }) },
    ],
  });
  return { groups, targets };
}
