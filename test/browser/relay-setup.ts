// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Global setup of the browser project: the reference relay runs in Node on
// 127.0.0.1, with two keycards enrolled for shop 23; the page gets the URL,
// the relay address and the keys through inject().
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import type { TestProject } from "vitest/node";
import { startTestRelay, TEST_RELAY_DOMAIN } from "../../src/testing.js";

declare module "vitest" {
  export interface ProvidedContext {
    relay: { url: string; relayAddress: string; chainId: number; verifyingContract: string; clerkKey: string; guestKey: string; blobKey: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const relay = await startTestRelay();
  const clerkKey = generatePrivateKey();
  const guestKey = generatePrivateKey();
  // A keycard of its own for blob.browser.test.ts: a second login of the clerk would replace the clerk's session.
  const blobKey = generatePrivateKey();
  await relay.enrollKeycard({ shopId: 23n, publicKey: privateKeyToAccount(clerkKey).publicKey });
  await relay.enrollKeycard({ shopId: 23n, publicKey: privateKeyToAccount(guestKey).publicKey, guest: true });
  await relay.enrollKeycard({ shopId: 23n, publicKey: privateKeyToAccount(blobKey).publicKey });
  project.provide("relay", {
    url: relay.url,
    relayAddress: relay.relayAddress,
    chainId: Number(TEST_RELAY_DOMAIN.chainId),
    verifyingContract: TEST_RELAY_DOMAIN.verifyingContract,
    clerkKey,
    guestKey,
    blobKey,
  });
  return () => relay.close();
}
