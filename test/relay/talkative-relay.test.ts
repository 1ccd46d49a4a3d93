// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The talkative relay (issue 21, point 7): `massmarket-schema relay --demo`
// prints its URL and address first (bench/relay-load.ts reads them), then the
// demo shop's keycard keys; a client using the printed clerk key finds the
// shop, and every session, request and refusal (with rule and path) gets a
// line. `--quiet` keeps only the start-up lines.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { numberToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { WebSocket } from "ws";
import { afterEach, describe, expect, it } from "vitest";
import { connectClientSession } from "../../src/index.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "../session/fixtures.js";

const main = new URL("../../src/cli/main.ts", import.meta.url).pathname;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGTERM");
});

/** Starts the CLI relay; `next(match)` resolves with the first later stdout line that matches. */
function startCli(args: string[]): { lines: string[]; next: (match: RegExp) => Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", main, "relay", ...args], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NODE_OPTIONS: "" } });
  children.push(child);
  const lines: string[] = [];
  const waiting: { match: RegExp; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    lines.push(line);
    for (const w of [...waiting]) if (w.match.test(line)) waiting.splice(waiting.indexOf(w), 1) && w.resolve(line);
  });
  const next = (match: RegExp) => new Promise<string>((resolve) => {
    const seen = lines.find((l) => match.test(l));
    if (seen !== undefined) return resolve(seen);
    waiting.push({ match, resolve });
  });
  return { lines, next };
}

describe("massmarket-schema relay output", () => {
  it("--demo: URL and address first, the keys of a ready shop, then a line per session, request and refusal", async () => {
    const cli = startCli(["--demo"]);
    const keyLine = await cli.next(/^ {2}clerk keycard: private key 0x[0-9a-f]{64}/);
    expect(cli.lines[0]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/sessions$/);
    expect(cli.lines[1]).toMatch(/^relay address: 0x[0-9a-fA-F]{40}$/);
    expect(cli.lines).toContain("storage: in memory (gone when the relay stops; --data DIR keeps it)");
    const shopId = BigInt((await cli.next(/^demo shop: \d+/)).split(" ")[2]!);
    const key = /0x[0-9a-f]{64}/.exec(keyLine)![0] as `0x${string}`;
    const clerk = privateKeyToAccount(key);
    const relays = [cli.lines[1]!.replace("relay address: ", "") as `0x${string}`];
    const session = await connectClientSession({ url: cli.lines[0]!, domain: TEST_RELAY_DOMAIN, relays, WebSocket });
    await session.login({ account: clerk });
    await session.subscribe({ shopId });
    await session.synced();
    expect(Object.keys(session.state?.listings ?? {})).toHaveLength(2);
    // A variation 2001 below the T-shirt's 2000: refused, and the relay says so with rule and path.
    const writer = new f.Writer(TEST_RELAY_DOMAIN, key, numberToBytes(shopId, { size: 32 }));
    writer.nonce = 100n;
    const union: f.UnionInit = { case: "updateListing", value: { id: { raw: f.id8(1) }, addVariations: [{ optionId: { raw: f.id8(10) }, variation: { id: { raw: f.id8(14) }, diff: { plusSign: false, diff: { raw: numberToBytes(2001n, { size: 32 }) } } } }] } };
    await expect(session.write({ events: [await writer.sign(union)] })).rejects.toMatchObject({ rule: "UNIT_PRICE_NEGATIVE" });
    expect(await cli.next(/REFUSED/)).toBe(`relay: session 1: event_write_request (1 event): REFUSED INVALID rule UNIT_PRICE_NEGATIVE at event_write_request.events[0].event.update_listing.add_variations[0].variation.diff: event_write_request.events[0].event.update_listing.add_variations[0].variation.diff: UNIT_PRICE_NEGATIVE: the cheapest combination of listing 0x0000000000000001 would cost -1; a unit price cannot be below 0`);
    expect(cli.lines).toContain("relay: session 1: auth_request: ok");
    expect(cli.lines.some((l) => /^relay: session 1: opened from /.test(l))).toBe(true);
    session.close();
    expect(await cli.next(/^relay: session 1: closed/)).toMatch(/^relay: session 1: closed 1000/);
  }, 60_000);

  it("--help says where the log is kept: in memory, or on disk with --data", () => {
    const help = execFileSync(process.execPath, ["--import", "tsx", main, "relay", "--help"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    expect(help).not.toContain("in-memory");
    expect(help).toContain("in memory, with --data DIR on\ndisk, or with --database in PostgreSQL");
    expect(help).toMatch(/--quiet/);
    expect(help).toMatch(/--demo/);
  }, 60_000);

  it("--quiet: the start-up lines only", async () => {
    const cli = startCli(["--quiet"]);
    const url = await cli.next(/^ws:/);
    await cli.next(/^storage: /);
    const session = await connectClientSession({ url, domain: TEST_RELAY_DOMAIN, WebSocket });
    await session.ping();
    session.close();
    // The ping's answer came after any line the relay would print for the connection.
    expect(cli.lines.filter((l) => l.startsWith("relay: session"))).toEqual([]);
  }, 60_000);
});
