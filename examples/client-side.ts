// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Client side (`npx tsx examples/client-side.ts`): a keycard connects to a
// relay with a ClientSession, logs in, follows the shop's log (every pushed
// event verified and folded into the session's shop state) and writes a
// signed event. The relay here is the reference relay of the testing entry.
// #region readme
import type { Address, LocalAccount } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { WebSocket } from "ws";
import {
  type ClientSession,
  connectClientSession,
  createShopEvent,
  createSignedEvent,
  type EventDomain,
  ethereumAddress,
  signEvent,
  uint256,
} from "../src/index.js";

/** The chain and shop registry the shop lives on (a fixed test domain). */
export const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
/** A fixed test keycard (the published signer key of the v3 test vectors); a real client keeps its key secret. */
export const keycard = privateKeyToAccount("0x6e96004865b31132bb6d40de3fc32f16f1d1333a8252ed96983a629a230f3cc2");
export const SHOP_ID = 23n;

/** A signed Manifest event for the shop: payments in ETH on chain 1. */
export async function signedManifest({ account, nonce }: { account: LocalAccount; nonce: bigint }) {
  const eth = { chainId: 1n, address: ethereumAddress({ address: new Uint8Array(20) }) };
  // nonce: larger than the last nonce this keycard used; the timestamp is now.
  const event = createShopEvent({ shopId: SHOP_ID, nonce, union: { case: "manifest", value: { tokenId: uint256({ value: SHOP_ID }), acceptedCurrencies: [eth], pricingCurrency: eth } } });
  return createSignedEvent({ event, signature: await signEvent({ event, domain, account }) });
}

/** Logs the keycard in, follows the whole shop, writes its manifest. */
export async function runClient({ url, relays }: { url: string; relays: Address[] }): Promise<ClientSession> {
  // Browsers and Node 22+ have a WebSocket; on Node 20 pass the `ws` package's.
  const session = await connectClientSession({ url, domain, relays, WebSocket });
  await session.login({ account: keycard }); // the domain-separated login challenge
  await session.subscribe({ shopId: SHOP_ID }); // every object type: pushes verified and folded into session.state
  await session.write({ events: [await signedManifest({ account: keycard, nonce: 1n })] }); // a refusal throws a RelayError
  await session.synced(); // the relay pushed everything it had, our manifest included
  return session;
}
// #endregion readme

// Below: only for running this file directly (`main`), not part of the README.
import { pathToFileURL } from "node:url";
import { isRelayError } from "../src/index.js";
import { startTestRelay } from "../src/testing.js";

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const relay = await startTestRelay({ domain });
  await relay.enrollKeycard({ shopId: SHOP_ID, publicKey: keycard.publicKey });
  const session = await runClient({ url: relay.url, relays: [relay.relayAddress] });
  log(`keycard ${session.loggedInAs} logged in to ${relay.url.replace(/:\d+/, ":PORT")}`);
  log(`shop ${SHOP_ID} has a manifest: ${session.state?.manifest !== null}; last seq_no ${session.lastSeqNo}`);
  try {
    await session.write({ events: [await signedManifest({ account: keycard, nonce: 1n })] });
  } catch (error) {
    if (!isRelayError(error)) throw error;
    log(`relay refused the write: ${error.errorName}`);
  }
  session.close();
  await relay.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
