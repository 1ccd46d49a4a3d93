// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay as a command and its dev-only HTTP endpoints.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import { postJson, spawnRelay } from "../session/relay-process.js";
import { signIn } from "../support/sign-in.js";

const main = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const cli = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", main, ...args], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });

describe("massmarket-schema relay", () => {
  it("prints its usage, and refuses a bad port with exit code 2", () => {
    expect(cli(["relay", "--help"]).stdout).toContain("Usage: massmarket-schema relay");
    const bad = cli(["relay", "--port", "70000"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--port");
  });

  it("binds 127.0.0.1 on a free port, prints the URL first, and stops on SIGTERM", async () => {
    const relay = await spawnRelay(["--port", "0"]);
    expect(relay.url).toMatch(/^ws:\/\/127\.0\.0\.1:[1-9]\d*\/v3\/sessions$/);
    expect(relay.relayAddress).toMatch(/^0x[0-9a-fA-F]{40}$/);
    relay.child.kill("SIGTERM");
    expect(await relay.exited).toBe(0);
  });

  it("caps connections per address with --max-connections-per-address: the one over is closed with 1013 and a line on stderr", async () => {
    const bad = cli(["relay", "--max-connections", "0"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--max-connections must be a positive integer");
    const relay = await spawnRelay(["--max-connections-per-address", "1", "--max-connections", "10"]);
    let stderr = "";
    relay.child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const first = new WebSocket(relay.url);
    await new Promise((resolve) => first.once("open", resolve));
    const second = new WebSocket(relay.url);
    const code = await new Promise((resolve) => second.once("close", resolve));
    expect(code).toBe(1013);
    expect(stderr).toMatch(/refused a connection from 127\.0\.0\.1: 1 connections open from 127\.0\.0\.1, the cap per address is 1/);
    first.terminate();
    relay.child.kill("SIGTERM");
    expect(await relay.exited).toBe(0);
  });
});

describe("massmarket-schema relay --dialect v3", () => {
  it("says its dialect and, without --access, that the first wallet to sign in owns a shop; discovery has relay_token_id and chain_id", async () => {
    const bad = cli(["relay", "--dialect", "v4"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--dialect must be eip712 or v3");
    const relay = await spawnRelay(["--dialect", "v3", "--sign-in-host", "shop.example:5173"]);
    const discovery = (await (await fetch(`${relay.httpUrl}/testing/discovery`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({ status: "ok", chain_id: 31337, relay_token_id: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    expect(BigInt(discovery.relay_token_id as string)).toBe(BigInt(relay.relayAddress));
    // --sign-in-host: a web page the relay lists signs users in (its host in the message, the browser's Referer).
    const page = { domain: "shop.example:5173", uri: "http://shop.example:5173/connect", referer: "http://shop.example:5173/" };
    const wallet = privateKeyToAccount(generatePrivateKey());
    const enrolled = await signIn({ httpUrl: relay.httpUrl, wallet, keycardPublicKey: privateKeyToAccount(generatePrivateKey()).publicKey, shopId: 7n, relayTokenId: BigInt(relay.relayAddress), ...page });
    expect(enrolled.status).toBe(201);
    relay.child.kill("SIGTERM");
    expect(await relay.exited).toBe(0);
    expect(relay.stdout()).toContain("dialect: v3");
    expect(relay.stdout()).toContain(`v3 clients take ${relay.url.replace(/\/sessions$/, "")}`);
    expect(relay.stdout()).toContain("FIRST WALLET THAT SIGNS IN AS A CLERK OF A SHOP OWNS IT");
  });
});

describe("dev-only HTTP endpoints", () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay();
  });
  afterAll(async () => {
    await relay.close();
  });

  it("reports health and discovery", async () => {
    expect(await (await fetch(`${relay.httpUrl}/health`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${relay.httpUrl}/testing/discovery`)).json()).toMatchObject({ status: "ok", relayAddress: relay.relayAddress, chainId: "31337" });
  });

  it("enrolls a keycard once; refuses junk and a second enrollment with 400", async () => {
    const publicKey = privateKeyToAccount(generatePrivateKey()).publicKey;
    expect(await postJson(`${relay.httpUrl}/testing/enroll_keycard`, { shopId: "0x" + "00".repeat(31) + "17", publicKey })).toMatchObject({ status: 201 });
    expect((await postJson(`${relay.httpUrl}/testing/enroll_keycard`, { shopId: "23", publicKey })).status).toBe(400);
    expect((await postJson(`${relay.httpUrl}/testing/enroll_keycard`, { shopId: "23", publicKey: "0x1234" })).status).toBe(400);
    expect((await postJson(`${relay.httpUrl}/testing/pay`, { shopId: "23", orderId: "0x0000000000000001" })).status).toBe(400);
    expect((await fetch(`${relay.httpUrl}/nothing`)).status).toBe(404);
    expect(relay.logLength({ shopId: 23n })).toBe(1);
  });
});
