// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A RelaySession's transport over a WebSocket, with a cap on the socket's
// unsent output: a peer that stops reading must not make the relay buffer more.
// Frames sent in one turn of the event loop leave in one system call: the
// socket is corked at the first and uncorked once the turn's work is done.
import { SESSION_CLOSE_CODES } from "../session/close-codes.js";
import type { SessionTransport } from "../session/transport.js";

/** The part of a `ws` WebSocket the transport uses. */
export interface CappedSocket {
  readonly bufferedAmount: number;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** The TCP socket under the WebSocket (`request.socket` of the upgrade). */
export interface CorkableStream {
  cork(): void;
  uncork(): void;
}

export function createSocketTransport({ socket, stream, maxBufferedBytes, sent, slow }: {
  socket: CappedSocket;
  /** Corked while a turn's frames are written; without it each frame is its own write. */
  stream?: CorkableStream | undefined;
  maxBufferedBytes: number;
  /** After each frame handed to the socket (re-arms timers). */
  sent: () => void;
  /** The cap was hit: close the session with this code and reason (its transport then closes the socket). */
  slow: (close: { code: number; reason: string }) => void;
}): SessionTransport {
  let corked = false;
  const uncork = () => {
    corked = false;
    stream?.uncork();
  };
  return {
    send(frame) {
      const unsent = socket.bufferedAmount;
      if (unsent + frame.length > maxBufferedBytes) {
        return slow({ code: SESSION_CLOSE_CODES.SLOW_READER, reason: `peer is not reading: ${unsent} bytes unsent, the cap is ${maxBufferedBytes}` });
      }
      if (stream !== undefined && !corked) {
        corked = true;
        stream.cork();
        process.nextTick(uncork);
      }
      socket.send(frame);
      sent();
    },
    close: (code, reason) => socket.close(code, reason),
  };
}
