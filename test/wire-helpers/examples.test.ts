// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The README's relay-side and client-side snippets live in examples/ (type
// checked by `tsc`, which covers examples/); here they are run, both
// imported and as `npx tsx` scripts, and their outcome is checked.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createKeycardSet, createNonceTracker, decodeEnvelope, matchResponse } from "../../src/index.js";
import { buildWriteFrame, keycard, main as clientMain } from "../../examples/client-side.js";
import { handleFrame, main as relayMain, type ShopState } from "../../examples/relay-side.js";
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
  it("builds, signs, wraps and sends; matches the accept and the refusal", async () => {
    const lines = await collect(clientMain);
    expect(lines[0]).toBe(`keycard ${keycard.address} signed a Tag event for shop 23`);
    expect(lines[1]).toMatch(/^request -?\d+: EventWriteRequest frame of \d+ bytes 0x/);
    expect(lines.slice(2)).toEqual(["relay accepted the write (payload: none)", "relay refused the write: INVALID (nonce too low)"]);
  });

  it("runs with npx tsx", () => {
    expect(run("examples/client-side.ts")).toContain("relay refused the write: INVALID (nonce too low)");
  });
});

describe("examples/relay-side.ts", () => {
  it("accepts the first write and refuses the replayed nonce", async () => {
    expect(await collect(relayMain)).toEqual([
      "write with nonce 1 accepted; the shop log holds 1 event(s)",
      "write with nonce 1 refused: INVALID (NONCE_NOT_INCREASING: nonce 1 is not greater than the last accepted nonce 1)",
    ]);
  });

  it("runs with npx tsx", () => {
    expect(run("examples/relay-side.ts")).toContain("write with nonce 1 accepted");
  });

  it("handleFrame refuses a keycard the shop does not know and another shop's session, answering the request id", async () => {
    const shop = (shopId: bigint, keycards = [keycard.address]): ShopState => ({
      shopId,
      domain: { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" },
      keycards: createKeycardSet({ keycards }),
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
