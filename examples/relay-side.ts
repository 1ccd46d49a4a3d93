// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Relay side (`npx tsx examples/relay-side.ts`): the relay core over a
// ShopStore holds every relay duty, and one RelaySession per WebSocket
// connection does framing, login, subscriptions, pushes, pings and limits.
// Run directly, the store is in memory; the README runs it on PostgreSQL.
// #region readme
import { createTickScheduler, type EventDomain, RelaySession } from "../src/index.js";
import { createRelayCore, type ShopStore } from "../src/relay.js";
import type { Hex } from "viem";
import type { WebSocketServer } from "ws";

/**
 * A relay on `store`: openPostgresShopStore (several relay processes may share
 * the database), openFileShopStore, or a ShopStore of your own. Every relay
 * process on one store signs with the same `privateKey`.
 */
export async function serveRelay({ server, store, domain, privateKey }: { server: WebSocketServer; store: ShopStore; domain: EventDomain; privateKey: Hex }) {
  const core = await createRelayCore({ store, domain, privateKey });
  server.on("connection", (socket) => {
    const transport = { send: (frame: Uint8Array) => socket.send(frame), close: (code: number, reason: string) => socket.close(code, reason) };
    const session = new RelaySession({ transport, backend: core });
    const timers = createTickScheduler({ session }); // ping after 15 s of silence, kick after 45 s
    socket.on("message", (data: Buffer, isBinary) => {
      session.receive({ frame: isBinary ? new Uint8Array(data) : data.toString() }); // a text frame closes the session
      timers.arm();
    });
    socket.on("close", (code, reason) => {
      timers.stop();
      session.transportClosed({ code, reason: reason.toString() });
    });
    timers.arm();
  });
  return core;
}
// #endregion readme

// Below: only for running this file directly (`main`), not part of the README.
import { pathToFileURL } from "node:url";
import { generatePrivateKey } from "viem/accounts";
import { WebSocketServer as Server } from "ws";
import { createMemoryShopStore } from "../src/relay.js";
import { domain, keycard, runClient, SHOP_ID } from "./client-side.js";

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const server = new Server({ host: "127.0.0.1", port: 0, maxPayload: 128 * 1024 });
  await new Promise((resolve) => server.once("listening", resolve));
  const backend = await serveRelay({ server, store: createMemoryShopStore(), domain, privateKey: generatePrivateKey() });
  await backend.enrollKeycard({ shopId: SHOP_ID, publicKey: keycard.publicKey });
  const { port } = server.address() as { port: number };
  const session = await runClient({ url: `ws://127.0.0.1:${port}`, relays: [backend.address] });
  log(`relay accepted the manifest; the shop log holds ${backend.shopLog({ shopId: SHOP_ID }).length} events`);
  log(`client and relay agree on the shop: ${JSON.stringify(session.state?.manifest) === JSON.stringify(backend.shopState({ shopId: SHOP_ID })?.manifest)}`);
  session.close();
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
  await backend.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
