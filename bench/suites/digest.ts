// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 1. EIP-712 digest: hashEvent vs viem hashTypedData (on eventTypedData's
// output, built outside the timing) vs the same keccak-256 calls on bare buffers.
import { hashTypedData } from "viem";
import { eventTypedData, hashEvent } from "../../src/index.js";
import { domain, fixtures } from "../fixtures.js";
import { checkKeccakFloor } from "../check-floor.js";
import { keccakBlocks, keccakFloor, keccakPlan } from "../keccak-floor.js";
import { assertSame, floorBound, type Group, type Suite, type Target } from "../suite.js";

export function digestSuite(): Suite {
  const groups: Group[] = [];
  const targets: Target[] = [];
  for (const { name, event } of fixtures) {
    const typedData = eventTypedData({ event, domain }) as Parameters<typeof hashTypedData>[0];
    const plan = keccakPlan({ event, domain });
    const floor = keccakFloor(plan);
    assertSame(`hashEvent(${name}) vs viem hashTypedData`, hashEvent({ event, domain }), hashTypedData(typedData));
    assertSame(`keccak floor walk (${name}) vs hashEvent`, plan.digest, hashEvent({ event, domain }));
    checkKeccakFloor({ what: `digest.${name}`, sizes: plan.sizes, floor });
    const id = (what: string) => `digest.${name}.${what}`;
    const blocks = plan.sizes.reduce((sum, size) => sum + keccakBlocks(size), 0);
    groups.push({
      title: `1. EIP-712 digest, ${name} (${plan.sizes.length} keccak calls, ${blocks} permutations)`,
      subject: id("ours"),
      cases: [
        { id: id("ours"), label: "hashEvent", fn: () => hashEvent({ event, domain }) },
        { id: id("viem"), label: "viem hashTypedData(eventTypedData output)", fn: () => hashTypedData(typedData) },
        { id: id("floor"), label: `bare keccak-256 floor (${plan.sizes.length} calls)`, fn: floor },
      ],
    });
    targets.push(
      {
        text: `hashEvent ≥ 3.5× viem hashTypedData (${name})`,
        kind: "faster",
        subject: id("ours"),
        reference: id("viem"),
        bound: 3.5,
        explain: (ns) => floorBound(ns, id("ours"), id("viem"), id("floor"), "hashEvent"),
      },
      { text: `hashEvent ≤ 1.15× the bare-keccak floor (${name})`, kind: "within", subject: id("ours"), reference: id("floor"), bound: 1.15 },
    );
  }
  return { groups, targets };
}
