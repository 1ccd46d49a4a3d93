// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 1. EIP-712 digest: hashEvent vs viem hashTypedData (on eventTypedData's
// output, built outside the timing) vs the same keccak-256 calls on bare
// buffers, with our keccak (the floor of hashEvent) and with @noble's (viem's).
import { bytesToHex, hashTypedData } from "viem";
import { eventTypedData, hashEvent } from "../../src/index.js";
import { domain, fixtures } from "../fixtures.js";
import { keccakBlocks, keccakFloor, keccakPlan } from "../keccak-floor.js";
import { noble, onPaths, ours } from "../paths.js";
import { aroundFloor, assertSame, floorBound, type Group, type Suite, type Target } from "../suite.js";

export function digestSuite(): Suite {
  const groups: Group[] = [];
  const targets: Target[] = [];
  for (const { name, event } of fixtures) {
    const typedData = eventTypedData({ event, domain }) as Parameters<typeof hashTypedData>[0];
    const plan = keccakPlan({ event, domain });
    const floor = keccakFloor(plan, ours.keccak);
    const nobleFloor = keccakFloor(plan, noble.keccak);
    const digest = hashEvent({ event, domain });
    assertSame(`hashEvent(${name}) vs viem hashTypedData`, digest, hashTypedData(typedData));
    assertSame(`keccak floor walk (${name}) vs hashEvent`, plan.digest, digest);
    assertSame(`keccak floor, ${ours.label} (${name}) vs hashEvent`, bytesToHex(floor()), digest);
    assertSame(`keccak floor, ${noble.label} (${name}) vs hashEvent`, bytesToHex(nobleFloor()), digest);
    const id = (what: string) => `digest.${name}.${what}`;
    const blocks = plan.sizes.reduce((sum, size) => sum + keccakBlocks(size), 0);
    groups.push({
      title: `1. EIP-712 digest, ${name} (${plan.sizes.length} keccak calls, ${blocks} permutations)`,
      subject: id("ours"),
      cases: [
        { id: id("ours"), label: `hashEvent${onPaths(ours.label)}`, fn: () => hashEvent({ event, domain }) },
        { id: id("viem"), label: `viem hashTypedData(eventTypedData output)${onPaths(noble.label)}`, fn: () => hashTypedData(typedData) },
        { id: id("floor"), label: `bare keccak-256 floor, ${plan.sizes.length} calls${onPaths(ours.label)}`, fn: floor },
        { id: id("floor.noble"), label: `bare keccak-256 floor, ${plan.sizes.length} calls${onPaths(noble.label)}`, fn: nobleFloor },
      ],
    });
    targets.push(
      {
        text: `hashEvent ≥ 8× viem hashTypedData (${name})`,
        kind: "faster",
        subject: id("ours"),
        reference: id("viem"),
        bound: 8,
        explain: (ns) => floorBound(ns, id("ours"), id("viem"), id("floor"), "hashEvent"),
      },
      {
        text: `hashEvent ≤ 1.5× the ${ours.label} floor (${name})`,
        kind: "within",
        subject: id("ours"),
        reference: id("floor"),
        bound: 1.5,
        explain: (ns) => aroundFloor(ns, id("ours"), id("floor"), "hashEvent"),
      },
    );
  }
  return { groups, targets };
}
