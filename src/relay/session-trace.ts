// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The talkative relay (docs/sessions.md, "Test relay output" under the reference relay): one line per session, per answered request and per
// refusal (with its rule and path), read off the frames, like anvil's log of RPC calls. Off unless a trace is given.
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { decodeEnvelope } from "../wire/decode-envelope.js";
import type { SessionTransport } from "../session/transport.js";

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
let sessions = 0;

/** Per connection: wraps its transport's sends and is fed its received frames. */
export function createSessionTrace({ remote, line }: { remote: string; line: (text: string) => void }): {
  transport(inner: SessionTransport): SessionTransport;
  received(frame: Uint8Array | string): void;
  closed(code: number, reason: string): void;
} {
  const n = ++sessions;
  const asked = new Map<bigint, string>();
  line(`session ${n}: opened from ${remote}`);
  return {
    transport: (inner) => ({
      send(frame) {
        answered(frame);
        inner.send(frame);
      },
      close: (code, reason) => inner.close(code, reason),
    }),
    received(frame) {
      const envelope = read(frame);
      const message = envelope?.message;
      if (message === undefined || message.case === undefined || message.case === "response") return;
      const id = envelope?.requestId?.raw ?? 0n;
      const detail = message.case === "eventWriteRequest" ? ` (${message.value.events.length} event${message.value.events.length === 1 ? "" : "s"})` : "";
      asked.set(id, `${snake(message.case)}${detail}`);
    },
    closed(code, reason) {
      line(`session ${n}: closed ${code}${reason === "" ? "" : ` ${reason}`}`);
    },
  };

  function answered(frame: Uint8Array): void {
    const envelope = read(frame);
    if (envelope?.message.case !== "response") return;
    const id = envelope.requestId?.raw ?? 0n;
    const what = asked.get(id);
    // Answers to the relay's own requests (pushes, sync status) are not a client's call.
    if (what === undefined) return;
    asked.delete(id);
    const outcome = envelope.message.value.response;
    if (outcome.case !== "error") return line(`session ${n}: ${what}: ok`);
    const { code, rule, path, message } = outcome.value;
    const name = (ErrorCodes as unknown as Record<number, string | undefined>)[code] ?? `UNKNOWN_${code}`;
    line(`session ${n}: ${what}: REFUSED ${name}${rule === "" ? "" : ` rule ${rule}`}${path === "" ? "" : ` at ${path}`}: ${message}`);
  }
}

function read(frame: Uint8Array | string) {
  if (typeof frame === "string") return undefined;
  try {
    return decodeEnvelope({ bytes: frame });
  } catch {
    return undefined;
  }
}
