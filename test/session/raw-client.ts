// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A raw WebSocket client that sends hand-made frames and collects what comes back.
import { WebSocket } from "ws";
import { decodeEnvelope, type Envelope } from "../../src/index.js";

export class RawClient {
  readonly received: Envelope[] = [];
  closed: { code: number; reason: string } | undefined;
  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data: Buffer) => {
      try {
        this.received.push(decodeEnvelope({ bytes: new Uint8Array(data) }));
      } catch {
        // not an envelope: ignored, the tests look at envelopes
      }
    });
    socket.on("close", (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static async open(url: string): Promise<RawClient> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    return new RawClient(socket);
  }

  send(frame: Uint8Array | string): void {
    this.socket.send(frame, { binary: typeof frame !== "string" });
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async closedWith(): Promise<number> {
    await this.waitFor(() => this.closed !== undefined);
    return this.closed?.code ?? 0;
  }
}

export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
