// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Our digest (computed from protobuf messages with the generated type hashes)
// must equal what viem, ethers and MetaMask's eth-sig-util compute from the
// typed data we hand to wallets; and our signatures must be the ones viem
// makes and accepts.
import fc from "fast-check";
import { createWalletClient, custom, type Hex, verifyTypedData } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";

import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { authChallengeTypedData, type EventDomain, eventTypedData, hashAuthChallenge, hashEvent, signEvent } from "../../src/index.js";
import { arbitraries } from "../support/arbitraries.js";
import { domain, otherDomain, testAccount, v3Events } from "./fixtures.js";
import { ethersDigest, metamaskDigest, viemDigest } from "./reference-hashes.js";

function expectAllAgree(event: ShopEvent, on: EventDomain): Hex {
  const digest = hashEvent({ event, domain: on });
  const typedData = eventTypedData({ event, domain: on });
  expect(viemDigest(typedData), "viem hashTypedData").toBe(digest);
  expect(ethersDigest(typedData), "ethers TypedDataEncoder.hash").toBe(digest);
  expect(metamaskDigest(typedData), "eth-sig-util eip712Hash V4").toBe(digest);
  return digest;
}

describe("hashEvent agrees with viem, ethers and eth-sig-util", () => {
  const vectors = v3Events();

  it.each(vectors)("$name", ({ event }) => {
    expectAllAgree(event, domain);
    expectAllAgree(event, otherDomain);
  });

  it("on generated events of every kind", () => {
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        expectAllAgree(event, domain);
      }),
      { numRuns: 250 },
    );
  });

  it.each(arbitraries.eventCases)("on generated $name events", ({ arbitrary }) => {
    fc.assert(
      fc.property(arbitrary, (event) => {
        expectAllAgree(event, otherDomain);
      }),
      { numRuns: 8 },
    );
  });

  it("for the auth challenge type too", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (challenge) => {
        const typedData = authChallengeTypedData({ challenge, domain });
        const digest = hashAuthChallenge({ challenge, domain });
        expect(viemDigest(typedData)).toBe(digest);
        expect(ethersDigest(typedData)).toBe(digest);
        expect(metamaskDigest(typedData)).toBe(digest);
      }),
      { numRuns: 30 },
    );
  });
});

describe("signEvent and viem", () => {
  const sample = [...v3Events().slice(0, 6).map((v) => v.event), ...fc.sample(arbitraries.event, 6)];

  it.each(sample.map((event, i) => ({ i, event })))("event $i: viem's verifyTypedData accepts signEvent's signature", async ({ event }) => {
    const account = privateKeyToAccount(generatePrivateKey());
    const signature = await signEvent({ event, domain, account });
    const typedData = eventTypedData({ event, domain });
    expect(await verifyTypedData({ ...typedData, address: account.address, signature } as Parameters<typeof verifyTypedData>[0])).toBe(true);
    // And not for another domain: the signature is bound to chain and registry.
    expect(await verifyTypedData({ ...eventTypedData({ event, domain: otherDomain }), address: account.address, signature } as Parameters<typeof verifyTypedData>[0])).toBe(false);
  });

  it.each(sample.map((event, i) => ({ i, event })))("event $i: signEvent equals viem signTypedData (RFC 6979)", async ({ event }) => {
    const signature = await signEvent({ event, domain, account: testAccount });
    const viaViem = await testAccount.signTypedData(eventTypedData({ event, domain }) as Parameters<typeof testAccount.signTypedData>[0]);
    expect(signature).toBe(viaViem);
    expect(await signEvent({ event, domain, account: testAccount })).toBe(signature);
  });

  it("signEvent through a WalletClient (wallet hashes the typed data itself) gives the same signature", async () => {
    // The transport is never reached: a WalletClient with a local account signs in process.
    const transport = custom({ request: () => Promise.reject(new Error("no JSON-RPC expected")) });
    const wallet = createWalletClient({ account: testAccount, transport });
    for (const event of sample) {
      expect(await signEvent({ event, domain, account: wallet })).toBe(await signEvent({ event, domain, account: testAccount }));
    }
  });
});
