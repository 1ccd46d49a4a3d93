// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Relay side (`npx tsx examples/relay-side.ts`): one RelaySession per
// WebSocket connection; the session does framing, login, subscriptions,
// pushes, pings and limits, the backend the shop logic. The backend here is
// the reference relay's (the shop state machine over an in-memory log).
// #region readme
import type { WebSocketServer } from "ws";
import { createTickScheduler, type RelayBackend, RelaySession } from "../src/index.js";

/** Serves relay sessions on a WebSocket server, with the shop logic in `backend`. */
export function serveSessions({ server, backend }: { server: WebSocketServer; backend: RelayBackend }): void {
  server.on("connection", (socket) => {
    const transport = { send: (frame: Uint8Array) => socket.send(frame), close: (code: number, reason: string) => socket.close(code, reason) };
    const session = new RelaySession({ transport, backend });
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
}
// #endregion readme

// Below: only for running this file directly (`main`), not part of the README.
import { pathToFileURL } from "node:url";
import { generatePrivateKey } from "viem/accounts";
import { WebSocketServer as Server } from "ws";
import { openReferenceRelay } from "../src/testing.js";
import { domain, keycard, runClient, SHOP_ID } from "./client-side.js";

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const backend = await openReferenceRelay({ domain, privateKey: generatePrivateKey() });
  await backend.enrollKeycard({ shopId: SHOP_ID, publicKey: keycard.publicKey });
  const server = new Server({ host: "127.0.0.1", port: 0, maxPayload: 128 * 1024 });
  serveSessions({ server, backend });
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as { port: number };
  const session = await runClient({ url: `ws://127.0.0.1:${port}`, relays: [backend.address] });
  log(`relay accepted the manifest; the shop log holds ${backend.shopLog({ shopId: SHOP_ID }).length} events`);
  log(`client and relay agree on the shop: ${JSON.stringify(session.state?.manifest) === JSON.stringify(backend.shopState({ shopId: SHOP_ID })?.manifest)}`);
  session.close();
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
