// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: one host opens connections until the relay runs out of memory or
// session slots (there was no cap). Connections are now capped in total and
// per remote address: one over a cap is closed with TRY_AGAIN_LATER (1013)
// and a log line, and the slot is free again once a connection closes.
import { generatePrivateKey } from "viem/accounts";
import { WebSocket } from "ws";
import { afterEach, describe, expect, it } from "vitest";
import { SESSION_CLOSE_CODES } from "../../src/index.js";
import { type RelayServer, startRelayServer } from "../../src/relay/start-relay-server.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { until } from "../session/raw-client.js";

let server: RelayServer | undefined;
const open: WebSocket[] = [];
afterEach(async () => {
  for (const socket of open.splice(0)) socket.terminate();
  await server?.close();
});

/** An open connection from a loopback address (all of 127.0.0.0/8 reaches the relay on 127.0.0.1) and its close code once closed. */
async function connect(url: string, localAddress: string): Promise<{ socket: WebSocket; closed: () => number | undefined }> {
  const socket = new WebSocket(url, { localAddress });
  open.push(socket);
  let code: number | undefined;
  socket.on("close", (c) => (code = c));
  socket.on("error", () => undefined);
  await new Promise((resolve) => socket.once("open", resolve));
  return { socket, closed: () => code };
}

describe("a host floods the relay with connections", () => {
  it("beyond the cap per address: closed with 1013 and logged; a slot frees when a connection closes", async () => {
    const log: string[] = [];
    server = await startRelayServer({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), maxConnectionsPerAddress: 3, maxConnections: 100, log: (line) => log.push(line) });
    const accepted = [];
    for (let i = 0; i < 3; i++) accepted.push(await connect(server.url, "127.0.0.1"));
    const flood = await Promise.all(Array.from({ length: 20 }, () => connect(server!.url, "127.0.0.1")));
    await until(() => flood.every((c) => c.closed() !== undefined));
    expect(new Set(flood.map((c) => c.closed()))).toEqual(new Set([SESSION_CLOSE_CODES.TRY_AGAIN_LATER]));
    expect(accepted.map((c) => c.closed())).toEqual([undefined, undefined, undefined]);
    expect(server.sessions.size).toBe(3);
    expect(log).toHaveLength(20);
    expect(log[0]).toMatch(/refused a connection from 127\.0\.0\.1: 3 connections open from 127\.0\.0\.1, the cap per address is 3/);
    // Another address is not held back by this one's flood.
    const other = await connect(server.url, "127.0.0.2");
    accepted[0]?.socket.close();
    await until(() => server!.sessions.size === 3);
    const again = await connect(server.url, "127.0.0.1");
    await until(() => server!.sessions.size === 4);
    expect([other.closed(), again.closed()]).toEqual([undefined, undefined]);
  });

  it("beyond the total cap, from many addresses: closed with 1013 and logged", async () => {
    const log: string[] = [];
    server = await startRelayServer({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), maxConnectionsPerAddress: 2, maxConnections: 5, log: (line) => log.push(line) });
    const all: Awaited<ReturnType<typeof connect>>[] = [];
    for (let i = 1; i <= 8; i++) all.push(await connect(server.url, `127.0.0.${i}`));
    await until(() => all.slice(5).every((c) => c.closed() !== undefined));
    expect(all.map((c) => c.closed())).toEqual([undefined, undefined, undefined, undefined, undefined, 1013, 1013, 1013]);
    expect(log).toEqual(["127.0.0.6", "127.0.0.7", "127.0.0.8"].map((a) => `relay: refused a connection from ${a}: 5 connections open, the cap is 5`));
  });
});
