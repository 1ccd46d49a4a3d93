// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// eventTypedData's output goes into viem unchanged: no casts here, so `tsc`
// (part of npm test) proves the types line up, and the run proves the values do.
import { create } from "@bufbuild/protobuf";
import { hashTypedData, recoverTypedDataAddress, verifyTypedData } from "viem";
import { expect, it } from "vitest";
import { authChallengeTypedData, eventTypedData, hashAuthChallenge, hashEvent, ShopEventSchema } from "../../src/index.js";
import { domain, testAccount } from "./fixtures.js";

it("is accepted unchanged by viem's hashTypedData, signTypedData, verifyTypedData and recoverTypedDataAddress", async () => {
  const event = create(ShopEventSchema, {
    nonce: 1n,
    shopId: { raw: new Uint8Array(32).fill(2) },
    union: { case: "changeInventory", value: { id: { raw: new Uint8Array(8).fill(3) }, diff: -1 } },
  });
  const typedData = eventTypedData({ event, domain });
  expect(hashTypedData(typedData)).toBe(hashEvent({ event, domain }));
  const signature = await testAccount.signTypedData(typedData);
  expect(await verifyTypedData({ ...typedData, address: testAccount.address, signature })).toBe(true);
  expect(await recoverTypedDataAddress({ ...typedData, signature })).toBe(testAccount.address);

  const challenge = authChallengeTypedData({ challenge: Uint8Array.of(7, 7), domain });
  expect(hashTypedData(challenge)).toBe(hashAuthChallenge({ challenge: Uint8Array.of(7, 7), domain }));
});
