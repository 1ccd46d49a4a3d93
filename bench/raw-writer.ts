// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A writer for the relay load benches that costs its own process little: its
// write frames (one signed event each) are encoded before the clock starts,
// and an acknowledgement is matched by request id and checked for a refusal,
// nothing more. The writers share the machine with the relay they measure.
import { create, toBinary } from "@bufbuild/protobuf";
import type { LocalAccount } from "viem";
import { EnvelopeSchema, type SignedEvent } from "../src/index.js";
import { connectRawPeer, RAW_PEER_OWN_IDS, rawPayload } from "./raw-peer.js";

export interface RawWriter {
  /** Writes the next `count` events in order (each call goes on where the last stopped), at most `window` in flight; `acked` gets each write's milliseconds from send to acknowledgement. */
  readonly write: (options: { count: number; window: number; acked?: (ms: number) => void }) => Promise<void>;
  readonly close: () => void;
}

/** Logs in with `account` (enrolled in the shop) and encodes one write frame per event of `events`, ready to send. */
export async function connectRawWriter({ url, account, events }: { url: string; account: LocalAccount; events: readonly SignedEvent[] }): Promise<RawWriter> {
  const peer = await connectRawPeer({ url, account });
  const frames = events.map((event, i) => {
    const id = RAW_PEER_OWN_IDS + BigInt(i);
    return { id, frame: toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: id }, message: { case: "eventWriteRequest", value: { events: [event] } } })) };
  });
  let next = 0;
  const write = async ({ count, window, acked }: { count: number; window: number; acked?: (ms: number) => void }) => {
    const end = next + count;
    if (end > frames.length) throw new Error(`raw writer: ${count} more writes asked for, ${frames.length - next} left`);
    const lane = async () => {
      while (next < end) {
        const { id, frame } = frames[next++] as (typeof frames)[number];
        const sent = performance.now();
        rawPayload(await peer.send(id, frame));
        acked?.(performance.now() - sent);
      }
    };
    await Promise.all(Array.from({ length: window }, lane));
  };
  return { write, close: peer.close };
}
