// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The README's relay-side and client-side snippets live in examples/ (type
// checked by `tsc`, which covers examples/); here they are run, both
// imported and as `npx tsx` scripts, over real sockets on loopback.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { keycard, main as clientMain, runClient, SHOP_ID, domain } from "../../examples/client-side.js";
import { main as relayMain } from "../../examples/relay-side.js";
import { buildWriteFrame, handleFrame, type ShopState } from "../../examples/frames-by-hand.js";
import { createKeycardSet, createNonceTracker, decodeEnvelope, matchResponse } from "../../src/index.js";
import { startTestRelay } from "../../src/testing.js";
import { otherKeycard } from "./fixtures.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));
const run = (script: string) => execFileSync(process.execPath, [tsx, script], { cwd: root, encoding: "utf8", timeout: 60_000 });

async function collect(main: (log: (line: string) => void) => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  return lines;
}

describe("examples/client-side.ts", () => {
  it("logs in, follows the shop, writes its manifest, and reports the refused replay", async () => {
    expect(await collect(clientMain)).toEqual([
      `keycard ${keycard.address} logged in to ws://127.0.0.1:PORT/v3/sessions`,
      "shop 23 has a manifest: true; last seq_no 2",
      "relay refused the write: INVALID",
    ]);
  });

  it("fails with the relay's NOT_FOUND when the keycard is not enrolled", async () => {
    const relay = await startTestRelay({ domain });
    await expect(runClient({ url: relay.url, relays: [relay.relayAddress] })).rejects.toMatchObject({ errorName: "NOT_FOUND" });
    expect(relay.shopState({ shopId: SHOP_ID })).toBeUndefined();
    await relay.close();
  });

  it("runs with npx tsx", () => {
    expect(run("examples/client-side.ts")).toContain("relay refused the write: INVALID");
  });
});

describe("examples/relay-side.ts", () => {
  it("serves the client example: the relay stores the manifest and both sides agree on the shop", async () => {
    expect(await collect(relayMain)).toEqual(["relay accepted the manifest; the shop log holds 2 events", "client and relay agree on the shop: true"]);
  });

  it("runs with npx tsx", () => {
    expect(run("examples/relay-side.ts")).toContain("client and relay agree on the shop: true");
  });
});

describe("examples/frames-by-hand.ts", () => {
  it("handleFrame refuses a keycard the shop does not know and another shop's session, answering the request id", async () => {
    const shop = (shopId: bigint, keycards: string[] = [keycard.address]): ShopState => ({
      shopId,
      domain,
      keycards: createKeycardSet({ keycards: keycards as `0x${string}`[] }),
      nonces: createNonceTracker({}),
      log: [],
    });
    const { request, frame } = await buildWriteFrame({ account: otherKeycard, nonce: 1n });
    const stranger = shop(23n);
    expect(() => matchResponse({ request, response: decodeEnvelope({ bytes: handleFrame({ frame, shop: stranger }) }) })).toThrow(/UNKNOWN_KEYCARD/);
    const wrongShop = shop(24n, [otherKeycard.address]);
    expect(() => matchResponse({ request, response: decodeEnvelope({ bytes: handleFrame({ frame, shop: wrongShop }) }) })).toThrow(/SHOP_MISMATCH/);
    expect(stranger.log.length + wrongShop.log.length).toBe(0);
    const member = shop(23n, [otherKeycard.address]);
    expect(matchResponse({ request, response: decodeEnvelope({ bytes: handleFrame({ frame, shop: member }) }) })).toBeUndefined();
    expect(member.log).toHaveLength(1);
  });
});
