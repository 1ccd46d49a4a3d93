// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `massmarket-schema relay --crypto` and `--verify-workers`: the native
// secp256k1 path by default where the addon loads, a forced path on request,
// signature checks on worker threads, and a banner line that says which.
import { create } from "@bufbuild/protobuf";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import type { Address } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { connectClientSession, createSignedEvent, ShopEventSchema, signEvent } from "../../src/index.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";
import { postJson, spawnRelay } from "../session/relay-process.js";

const main = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const cli = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", main, ...args], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });

async function cryptoLine(stdout: () => string): Promise<string> {
  for (let i = 0; i < 200 && !stdout().includes("crypto:"); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  return stdout().split("\n").find((line) => line.startsWith("crypto:")) ?? "";
}

describe("massmarket-schema relay --crypto / --verify-workers", () => {
  it("documents both options and refuses bad values with exit code 2", () => {
    const help = cli(["relay", "--help"]).stdout;
    expect(help).toContain("--crypto");
    expect(help).toContain("--verify-workers");
    const crypto = cli(["relay", "--crypto", "fast"]);
    expect(crypto.status).toBe(2);
    expect(crypto.stderr).toContain("--crypto must be native, wasm or js");
    const workers = cli(["relay", "--verify-workers", "-1"]);
    expect(workers.status).toBe(2);
  });

  it("runs the native path by default with worker threads, says so, and accepts writes checked on the workers", async () => {
    const relay = await spawnRelay(["--verify-workers", "2"]);
    let stderr = "";
    relay.child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await cryptoLine(relay.stdout)).toBe("crypto: secp256k1 native, keccak wasm; signature checks: 2 worker threads");
    const account = privateKeyToAccount(generatePrivateKey());
    expect((await postJson(`${relay.httpUrl}/testing/enroll_keycard`, { shopId: "23", publicKey: account.publicKey })).status).toBe(201);
    const session = await connectClientSession({ url: relay.url, domain: TEST_RELAY_DOMAIN, relays: [relay.relayAddress as Address], WebSocket });
    await session.login({ account });
    const event = create(ShopEventSchema, { nonce: 1n, shopId: { raw: f.shopRaw }, timestamp: timestampFromMs(Date.now()), union: f.manifest() });
    await session.write({ events: [createSignedEvent({ event, signature: await signEvent({ event, domain: TEST_RELAY_DOMAIN, account }) })] });
    session.close();
    relay.child.kill("SIGTERM");
    expect(await relay.exited).toBe(0);
    // The workers started from the TypeScript sources (tsx) and answered: none fell back.
    expect(stderr).not.toContain("verification worker");
  });

  it("takes the portable path with --crypto js, and checks on the relay's thread with --verify-workers 0", async () => {
    const relay = await spawnRelay(["--crypto", "js", "--verify-workers", "0"]);
    expect(await cryptoLine(relay.stdout)).toBe("crypto: secp256k1 js, keccak wasm; signature checks: on the relay's thread (--verify-workers 0)");
    relay.child.kill("SIGTERM");
    expect(await relay.exited).toBe(0);
  });
});
